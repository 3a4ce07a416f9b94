import { spawn } from 'node:child_process';
import { composeApp, type App } from '../compose';
import type { Clock } from '../core/clock';
import type { SecretStore } from '../core/secrets/secret-store';
import { rendererDirBeside, startWebServer, type WebServer } from './web-server';

export interface WebTargetOptions {
  version: string;
  dataDir: string;
  secrets: SecretStore;
  /** The folder of the built main process (the renderer is built beside it). */
  mainDir: string;
  port: number;
  open: boolean;
  /** Runs once the app is composed, before the address is announced (demo mode seeds here). */
  prepare?: (app: App) => Promise<void>;
  /** Runs on Ctrl+C / SIGTERM, after the server stopped. */
  cleanup?: () => Promise<void>;
  /** Moved only by end-to-end tests; the system clock otherwise. */
  clock?: Clock | undefined;
}

/**
 * TokenDesk in a browser tab: the same core and handlers as the desktop app, served on
 * 127.0.0.1 behind a per-launch session. Prints one machine-readable line
 * (`TOKENDESK_READY {...}`) that the e2e fixture waits for.
 */
export async function runWebTarget(options: WebTargetOptions): Promise<void> {
  let server: WebServer | null = null;
  const app = await composeApp({
    target: 'browser',
    version: options.version,
    dataDir: options.dataDir,
    secrets: options.secrets,
    clipboard: null,
    emit: (event, payload) => server?.broadcast(event, payload),
    // The web server checks Host, Origin and the session before dispatching.
    isTrustedSender: () => true,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  if (options.prepare) await options.prepare(app);
  server = await startWebServer({
    dispatch: app.dispatch,
    rendererDir: rendererDirBeside(options.mainDir),
    log: app.log,
    port: options.port,
  });

  const running = server;
  console.log(
    `TokenDesk is running. Open this address in your browser:\n\n  ${running.loginUrl}\n`,
  );
  console.log(`Data folder: ${options.dataDir}. Press Ctrl+C to stop.`);
  console.log(
    `TOKENDESK_READY ${JSON.stringify({ url: running.loginUrl, origin: running.origin })}`,
  );
  if (options.open) openInBrowser(running.loginUrl);

  const stop = (): void => {
    const cleanup = options.cleanup ?? (() => Promise.resolve());
    void Promise.all([running.close(), app.close()])
      .then(cleanup)
      .finally(() => process.exit(0));
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
