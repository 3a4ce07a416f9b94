// `npm run dist`: the installers for this machine's platform (electron-builder.config.ts), built
// from the production build. electron-builder fetches Electron's release zip for the target
// platform; where that download cannot happen, this says so instead of failing deep inside.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { version } = require('electron/package.json');
const mirror =
  process.env['ELECTRON_MIRROR'] ?? 'https://github.com/electron/electron/releases/download/';
const probe = `${mirror.replace(/\/?$/, '/')}v${version}/SHASUMS256.txt`;
const PROBE_TIMEOUT_MS = 15_000;

async function electronDownloadable() {
  try {
    const response = await fetch(probe, {
      method: 'HEAD',
      redirect: 'follow',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return response.ok;
  } catch {
    return false;
  }
}

if (!(await electronDownloadable())) {
  console.error(
    [
      `TokenDesk's installers cannot be built here: electron-builder packs Electron ${version}`,
      `from its release download, and ${new URL(probe).origin} cannot be reached from this`,
      'machine. Run `npm run dist` where that address is reachable, or set ELECTRON_MIRROR to a',
      "mirror of Electron's releases you trust. Nothing was built. `npm run web` still runs the",
      'app in your browser from this checkout.',
    ].join('\n'),
  );
  process.exit(1);
}

for (const [command, args] of [
  ['npx', ['electron-vite', 'build']],
  ['npx', ['electron-builder', '--config', 'electron-builder.config.ts', '--publish', 'never']],
]) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
