import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type Target = 'electron' | 'browser';

const require = createRequire(__filename);

/**
 * The path of Electron's binary, or null where it was never downloaded. Read from the package's
 * path.txt rather than `require('electron')`, which since Electron 45 starts a download.
 */
export function electronBinary(): string | null {
  const packageDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** E2E_TARGET picks; otherwise the desktop app where it can run, the browser target elsewhere. */
export function chooseTarget(env: NodeJS.ProcessEnv = process.env): Target {
  const wanted = env['E2E_TARGET'];
  if (wanted === 'electron' || wanted === 'browser') return wanted;
  if (wanted !== undefined && wanted !== '') {
    throw new Error(`E2E_TARGET must be "electron" or "browser", not "${wanted}".`);
  }
  return electronBinary() === null ? 'browser' : 'electron';
}
