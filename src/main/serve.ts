import { resolveDataDir } from './core/storage/data-dir';
import { KeytarSecretStore } from './platform/keytar-secret-store';
import { clockFromEnvironment } from './web/clock-offset';
import { runWebTarget } from './web/run-web-target';
import { version } from '../../package.json';

/** `npm run web`: TokenDesk in a browser tab, with the user's own data and keychain. */
runWebTarget({
  version,
  dataDir: resolveDataDir(),
  secrets: new KeytarSecretStore(),
  mainDir: __dirname,
  port: Number(process.env['TOKENDESK_PORT'] ?? 0),
  open: process.argv.includes('--open'),
  clock: clockFromEnvironment(process.env),
}).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
