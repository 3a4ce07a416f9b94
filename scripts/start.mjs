// `npm start`: the production build of the desktop app (no devtools, no dev server, the renderer
// from app://tokendesk), or a plain explanation of why it cannot run here. `npm run dev` is the
// hot-reloading development loop.
import { spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

if (electronBinary() === null) {
  console.error(
    [
      'TokenDesk cannot open its desktop window: the Electron binary is not installed.',
      'The `electron` package downloads it from GitHub releases (`npx install-electron`), and',
      'this machine cannot reach them. Run that command where it can (or set ELECTRON_MIRROR to',
      'a mirror you trust), then `npx @electron/rebuild -w keytar` so the keychain module',
      'matches Electron. Meanwhile `npm run web` opens the same app in your browser, with the',
      'same data and keychain.',
    ].join('\n'),
  );
  process.exit(1);
}

const electron = electronBinary();
const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
// The dev server's address means nothing to a production build; dropping it keeps that obvious.
const env = { ...process.env };
delete env['ELECTRON_RENDERER_URL'];
const result = spawnSync(electron, ['.'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
