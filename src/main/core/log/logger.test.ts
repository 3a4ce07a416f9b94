import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createLogger, fileLogWriter } from './logger';

const SECRET = 'Zk3vQ9pL2mX8rT4wY6uB1nC5dF7gH0jK';
const clock = { now: () => new Date('2025-06-01T12:00:00Z') };

function capture() {
  const lines: string[] = [];
  return { lines, writer: { write: (line: string) => lines.push(line) } };
}

describe('createLogger', () => {
  it('writes one JSON object per line with time, level, msg and fields', () => {
    const { lines, writer } = capture();
    const log = createLogger(writer, { clock });
    log.info('refreshed', { accountId: 'a1', count: 3 });
    log.warn('slow');
    log.error('failed', { error: new AppError('TIMEOUT', 'Kestra did not answer') });
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        time: '2025-06-01T12:00:00.000Z',
        level: 'info',
        msg: 'refreshed',
        fields: { accountId: 'a1', count: 3 },
      },
      { time: '2025-06-01T12:00:00.000Z', level: 'warn', msg: 'slow' },
      {
        time: '2025-06-01T12:00:00.000Z',
        level: 'error',
        msg: 'failed',
        fields: { error: { name: 'AppError', message: 'Kestra did not answer', code: 'TIMEOUT' } },
      },
    ]);
  });

  it('redacts secrets in the message, nested fields, errors and secret-named keys', () => {
    const { lines, writer } = capture();
    const log = createLogger(writer, { knownSecrets: () => ['hunter2x'] });
    log.info(`header Authorization: Bearer ${SECRET}`, {
      nested: { list: [`value ${SECRET}`], note: 'pw hunter2x' },
      error: new Error(`bad token ${SECRET}`),
      token: 'short',
    });
    const line = lines.join('\n');
    expect(line).not.toContain(SECRET);
    expect(line).not.toContain('hunter2x');
    expect(line).not.toContain('short');
    expect(JSON.parse(line)).toMatchObject({ fields: { token: '[redacted]' } });
  });

  it('keeps every line valid JSON even when redaction hits quotes and escapes', () => {
    const { lines, writer } = capture();
    createLogger(writer).info('x', { raw: `{"authorization":"Bearer \\"${SECRET}\\""}` });
    expect(() => JSON.parse(lines[0] ?? '') as unknown).not.toThrow();
    expect(lines[0]).not.toContain(SECRET);
  });
});

describe('fileLogWriter', () => {
  let dir = '';

  afterEach(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('creates the directory and appends lines to a 0600 file', () => {
    dir = mkdtempSync(join(tmpdir(), 'td-log-'));
    const path = join(dir, 'nested', 'logs', 'app.log');
    const first = fileLogWriter(path);
    first.write('one');
    first.close();
    const second = fileLogWriter(path);
    second.write('two');
    second.close();
    expect(readFileSync(path, 'utf8')).toBe('one\ntwo\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('tightens the mode of an existing, wider file', () => {
    dir = mkdtempSync(join(tmpdir(), 'td-log-'));
    const path = join(dir, 'app.log');
    writeFileSync(path, '', { mode: 0o644 });
    fileLogWriter(path).close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
