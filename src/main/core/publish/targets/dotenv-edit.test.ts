import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { parseDotenv } from '../../import/dotenv-parser';
import { quoteDotenvValue, setDotenvValue } from './dotenv-edit';

const SECRET = 'kst_9fQzR2wXyL7mN3vB8cD1eH4jK6tP0sAa';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('setDotenvValue', () => {
  it('replaces only the value and keeps every other byte, CRLF and comments included', () => {
    const before = [
      '# deploy settings\r\n',
      '\r\n',
      'export API_TOKEN = old-value # rotated by TokenDesk\r\n',
      "OTHER='keep me'   \r\n",
      '  QUOTED="x y"\r\n',
    ].join('');
    const after = setDotenvValue(before, 'API_TOKEN', SECRET);
    expect(after).toBe(
      [
        '# deploy settings\r\n',
        '\r\n',
        `export API_TOKEN = ${SECRET} # rotated by TokenDesk\r\n`,
        "OTHER='keep me'   \r\n",
        '  QUOTED="x y"\r\n',
      ].join(''),
    );
    expect(parseDotenv(after).get('API_TOKEN')).toBe(SECRET);
  });

  it('appends a missing key in the file’s own line ending and keeps a missing final newline', () => {
    expect(setDotenvValue('A=1\r\nB=2', 'API_TOKEN', SECRET)).toBe(
      `A=1\r\nB=2\r\nAPI_TOKEN=${SECRET}`,
    );
    expect(setDotenvValue('A=1\n', 'API_TOKEN', SECRET)).toBe(`A=1\nAPI_TOKEN=${SECRET}\n`);
    expect(setDotenvValue('', 'API_TOKEN', SECRET)).toBe(`API_TOKEN=${SECRET}\n`);
  });

  it('replaces every assignment of the key, whichever a tool reads, and no other key', () => {
    const after = setDotenvValue(
      'API_TOKEN=a\nAPI_TOKEN_OLD=b\n# API_TOKEN=c\nAPI_TOKEN=d',
      'API_TOKEN',
      'new',
    );
    expect(after).toBe('API_TOKEN=new\nAPI_TOKEN_OLD=b\n# API_TOKEN=c\nAPI_TOKEN=new');
  });

  it('replaces a quoted value that spans lines, with the comment after it', () => {
    const before = 'A=1\nAPI_TOKEN="line one\nline two" # note\nB=2\n';
    expect(setDotenvValue(before, 'API_TOKEN', 'new')).toBe('A=1\nAPI_TOKEN=new # note\nB=2\n');
  });

  it('refuses a file whose value opens a quote it never closes', () => {
    const error = refusal(() => setDotenvValue('API_TOKEN="open\nB=2\n', 'API_TOKEN', 'new'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('API_TOKEN');
  });
});

describe('quoteDotenvValue', () => {
  it.each([
    ['glpat-AbC_123.xyz/+=', 'glpat-AbC_123.xyz/+='],
    ['has space', "'has space'"],
    ['pa$$word#1', "'pa$$word#1'"],
    ["it's", `"it's"`],
  ])('writes %j as %s', (value, written) => {
    expect(quoteDotenvValue(value)).toBe(written);
    expect(parseDotenv(`K=${written}`).get('K')).toBe(value);
  });

  it('refuses what no quoting can carry, without showing the secret', () => {
    for (const secret of [`a'b"c$d`, 'line\nbreak']) {
      const error = refusal(() => quoteDotenvValue(secret));
      expect(error.code).toBe('VALIDATION');
      expect(error.message).not.toContain(secret);
    }
  });
});
