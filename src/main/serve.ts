import { spawn } from 'node:child_process';
import { resolveDataDir } from './core/storage/data-dir';
import { composeApp } from './compose';
import { KeytarSecretStore } from './platform/keytar-secret-store';
import { rendererDirBeside, startWebServer, type WebServer } from './web/web-server';
import { version } from '../../package.json';

/**
 * `npm run web`: TokenDesk in a browser tab. The same core and handlers as the desktop app,
 * served on 127.0.0.1 behind a per-launch session. Prints one machine-readable line
 * (`TOKENDESK_READY {...}`) that the e2e fixture waits for.
 */
async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const dataDir = resolveDataDir();
  let server: WebServer | null = null;
  const app = await composeApp({
    target: 'browser',
    version,
    dataDir,
    secrets: new KeytarSecretStore(),
    clipboard: null,
    emit: (event, payload) => server?.broadcast(event, payload),
    // serve.ts checks Host, Origin and the session before dispatching; nothing else reaches it.
    isTrustedSender: () => true,
  });
  server = await startWebServer({
    dispatch: app.dispatch,
    rendererDir: rendererDirBeside(__dirname),
    log: app.log,
    port: Number(process.env['TOKENDESK_PORT'] ?? 0),
  });

  const running = server;
  console.log(
    `TokenDesk is running. Open this address in your browser:\n\n  ${running.loginUrl}\n`,
  );
  console.log(`Data folder: ${dataDir}. Press Ctrl+C to stop.`);
  console.log(
    `TOKENDESK_READY ${JSON.stringify({ url: running.loginUrl, origin: running.origin })}`,
  );
  if (args.has('--open')) openInBrowser(running.loginUrl);

  const stop = (): void => {
    void Promise.all([running.close(), app.close()]).finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function openInBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log('Could not open a browser; open the address above by hand.'));
  child.unref();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
