import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RotationJournal } from './rotation-journal';
import { journalRecord as record } from './rotation-test-kit';

describe('RotationJournal', () => {
  let dir: string;
  let journal: RotationJournal;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokendesk-journal-'));
    journal = new RotationJournal(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps one private file per rotation and lists them newest first', async () => {
    await journal.write(record('a-1', '2026-01-01T00:00:00.000Z'));
    await journal.write(record('b-2', '2026-01-02T00:00:00.000Z'));
    const listed = await journal.list();
    expect(listed.map((r) => r.rotationId)).toEqual(['b-2', 'a-1']);
    const file = await stat(join(dir, 'rotations', 'a-1.json'));
    expect(file.mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'rotations'))).mode & 0o777).toBe(0o700);
    expect((await readdir(join(dir, 'rotations'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the last write when several are queued at once', async () => {
    const base = record('a-1', '2026-01-01T00:00:00.000Z');
    await Promise.all(
      (['running', 'needs-user', 'done'] as const).map((status) =>
        journal.write({ ...base, status }),
      ),
    );
    expect((await journal.get('a-1')).status).toBe('done');
  });

  it('flush waits for every queued write to reach the disk', async () => {
    const base = record('a-1', '2026-01-01T00:00:00.000Z');
    const writes = [journal.write(base), journal.write({ ...base, status: 'done' })];

    await journal.flush();

    expect((await readdir(join(dir, 'rotations'))).sort()).toContain('a-1.json');
    expect((await new RotationJournal(dir).get('a-1')).status).toBe('done');
    await Promise.all(writes);
  });

  it('falls back to the previous write when a record is damaged', async () => {
    await journal.write(record('a-1', '2026-01-01T00:00:00.000Z'));
    await journal.write({ ...record('a-1', '2026-01-01T00:00:00.000Z'), status: 'done' });
    await writeFile(join(dir, 'rotations', 'a-1.json'), '{"version":1,"rotat');
    expect((await journal.get('a-1')).status).toBe('running');
  });

  it('removes a record and its backup after the writes queued before it', async () => {
    const base = record('a-1', '2026-01-01T00:00:00.000Z');
    await journal.write(record('b-2', '2026-01-02T00:00:00.000Z'));
    await journal.write(base);
    await Promise.all([journal.write({ ...base, status: 'done' }), journal.remove('a-1')]);
    expect(await journal.read('a-1')).toBeNull();
    expect((await readdir(join(dir, 'rotations'))).sort()).toEqual(['b-2.json']);
    await journal.remove('a-1');
    await expect(journal.remove('../accounts')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses ids that could leave the folder, and answers NOT_FOUND for unknown ones', async () => {
    await expect(journal.get('../accounts')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(journal.get('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await journal.list()).toEqual([]);
  });
});
