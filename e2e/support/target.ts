import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type Target = 'electron' | 'browser';

const require = createRequire(__filename);

/** The path of Electron's binary, or null where it was never downloaded. */
export function electronBinary(): string | null {
  try {
    const path: unknown = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
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
