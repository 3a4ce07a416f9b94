import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

describe('resolveDataDir', () => {
  it('prefers TOKENDESK_DATA_DIR', () => {
    expect(resolveDataDir({ TOKENDESK_DATA_DIR: '/tmp/td' }, 'linux', '/home/a')).toBe('/tmp/td');
  });
  it('follows each platform convention', () => {
    expect(resolveDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/TokenDesk');
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/TokenDesk');
    expect(resolveDataDir({}, 'darwin', '/Users/a')).toBe(
      '/Users/a/Library/Application Support/TokenDesk',
    );
  });
});
