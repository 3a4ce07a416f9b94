import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServices } from '../../sim/demo/demo-services';
import { KeytarSecretStore } from '../main/platform/keytar-secret-store';
import { runWebTarget } from '../main/web/run-web-target';
import { version } from '../../package.json';

// The demo runs from source (tsx), outside the production bundle: it is the one entry that
// brings the simulators along. It serves the renderer of the last `electron-vite build`.
const buildDir = resolve(__dirname, '..', '..', process.env['TOKENDESK_BUILD_DIR'] ?? 'out');

/**
 * `npm run demo`: TokenDesk against local simulators of every service, with seeded accounts,
 * so a newcomer sees real tokens, warnings and rotation without an account anywhere. Its data
 * lives in a temporary folder and its secrets under a separate keychain service name, and both
 * are removed on exit: the demo never touches the user's own TokenDesk.
 */
async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-demo-'));
  const secrets = new KeytarSecretStore('TokenDesk-demo');
  const services = await startDemoServices();
  await runWebTarget({
    version,
    dataDir,
    secrets,
    mainDir: join(buildDir, 'main'),
    port: Number(process.env['TOKENDESK_PORT'] ?? 0),
    open: process.argv.includes('--open'),
    async prepare(app) {
      for (const demo of services.accounts) {
        const account = await app.core.accounts.add(demo);
        for (const token of demo.tracked ?? []) {
          await app.core.tracking.track({ accountId: account.id, ...token });
        }
      }
    },
    async cleanup() {
      for (const key of await secrets.list()) await secrets.delete(key);
      await services.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
