import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where TokenDesk keeps its (secret-free) state. The same folder Electron would choose for
 * userData of an app named TokenDesk, so both targets share one state; TOKENDESK_DATA_DIR wins.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env['TOKENDESK_DATA_DIR'];
  if (override !== undefined && override.trim() !== '') return override;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'TokenDesk');
  if (platform === 'win32') {
    return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'TokenDesk');
  }
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'TokenDesk');
}
