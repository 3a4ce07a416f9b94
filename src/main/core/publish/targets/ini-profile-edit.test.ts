import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { readIniValue, setIniValue } from './ini-profile-edit';

const SECRET = 'podstack_ab12cd34_9fQzR2wXyL7mN3vB8cD1';

describe('setIniValue', () => {
  it('replaces the profile’s api_token only, keeping spelling, separator and every other byte', () => {
    const before = [
      '; Podstack credentials\r\n',
      '[default]\r\n',
      'api_token = podstack_default_old\r\n',
      '\r\n',
      '[prod]\r\n',
      'project = p-1\r\n',
      'API_TOKEN: podstack_prod_old\r\n',
      '[other]\r\n',
      'api_token=other',
    ].join('');
    const after = setIniValue(before, 'prod', 'api_token', SECRET);
    expect(after).toBe(before.replace('API_TOKEN: podstack_prod_old', `API_TOKEN: ${SECRET}`));
    expect(readIniValue(after, 'prod', 'api_token')).toBe(SECRET);
    expect(readIniValue(after, 'default', 'api_token')).toBe('podstack_default_old');
  });

  it('adds a missing api_token after the profile’s last option, before the blank line', () => {
    const before = '[prod]\nproject = p-1\n\n[dev]\napi_token = d\n';
    expect(setIniValue(before, 'prod', 'api_token', SECRET)).toBe(
      `[prod]\nproject = p-1\napi_token = ${SECRET}\n\n[dev]\napi_token = d\n`,
    );
  });

  it('appends a missing profile, keeping a missing final newline', () => {
    expect(setIniValue('[dev]\napi_token = d', 'prod', 'api_token', SECRET)).toBe(
      `[dev]\napi_token = d\n\n[prod]\napi_token = ${SECRET}`,
    );
    expect(setIniValue('', 'prod', 'api_token', SECRET)).toBe(`[prod]\napi_token = ${SECRET}\n`);
  });

  it('does not touch a commented-out token (the new one goes after the profile’s last option)', () => {
    const after = setIniValue('[prod]\n# api_token = old\n', 'prod', 'api_token', SECRET);
    expect(after).toBe(`[prod]\napi_token = ${SECRET}\n# api_token = old\n`);
  });

  it('refuses a value continued on the next line, and a secret with a line break', () => {
    for (const run of [
      () => setIniValue('[prod]\napi_token = a\n    b\n', 'prod', 'api_token', SECRET),
      () => setIniValue('[prod]\n', 'prod', 'api_token', 'two\nlines'),
    ]) {
      expect(run).toThrow(AppError);
    }
  });
});
