import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from './audit-log';

const clock = { now: () => new Date('2026-02-01T10:00:00.000Z') };
const SECRET = 'kst_9fQ2zR8wXyL7mN3vB8cD1eH4jK6tP0sA';

describe('AuditLog', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokendesk-audit-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('appends one JSON line per entry, in order, to a private file', async () => {
    const log = new AuditLog(dir, clock);
    await Promise.all([
      log.append({ action: 'rotation.started', rotationId: 'r-1', accountId: 'a-1' }),
      log.append({ action: 'rotation.step', rotationId: 'r-1', step: 'create', outcome: 'done' }),
    ]);
    const lines = (await readFile(log.file, 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        time: '2026-02-01T10:00:00.000Z',
        action: 'rotation.started',
        rotationId: 'r-1',
        accountId: 'a-1',
      },
      {
        time: '2026-02-01T10:00:00.000Z',
        action: 'rotation.step',
        rotationId: 'r-1',
        step: 'create',
        outcome: 'done',
      },
    ]);
    expect((await stat(log.file)).mode & 0o777).toBe(0o600);
  });

  it('flush waits for every entry appended so far to reach the file', async () => {
    const log = new AuditLog(dir, clock);
    const appends = [1, 2, 3].map((n) => log.append({ action: 'rotation.step', step: `s${n}` }));

    await log.flush();

    const lines = (await readFile(log.file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(3);
    await Promise.all(appends);
  });

  it('keeps ids readable but removes the secrets held at the time, and odd error codes', async () => {
    const log = new AuditLog(dir, clock, () => [SECRET]);
    const id = '5f0c2a3e-8b1d-4e6f-9a7b-3c2d1e0f4a5b';
    await log.append({
      action: 'rotation.step',
      rotationId: id,
      newTokenId: `tok-${SECRET}`,
      errorCode: `AUTH ${SECRET}`,
    });
    const text = await readFile(log.file, 'utf8');
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text)).toMatchObject({
      rotationId: id,
      newTokenId: 'tok-[redacted]',
      errorCode: 'INTERNAL',
    });
  });
});
