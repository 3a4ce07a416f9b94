import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RotationJournal } from './rotation-journal';
import { journalRecord as record, recordIn } from './rotation-test-kit';

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
    await Promise.all(
      (['working', 'stopped-undoable', 'done'] as const).map((phase) =>
        journal.write(recordIn(phase, 'a-1')),
      ),
    );
    expect((await journal.get('a-1')).status).toBe('done');
  });

  it('flush waits for every queued write to reach the disk', async () => {
    const writes = [
      journal.write(recordIn('working', 'a-1')),
      journal.write(recordIn('done', 'a-1')),
    ];

    await journal.flush();

    expect((await readdir(join(dir, 'rotations'))).sort()).toContain('a-1.json');
    expect((await new RotationJournal(dir).get('a-1')).status).toBe('done');
    await Promise.all(writes);
  });

  it('falls back to the previous write when a record is damaged', async () => {
    await journal.write(record('a-1', '2026-01-01T00:00:00.000Z'));
    await journal.write(recordIn('done', 'a-1'));
    await writeFile(join(dir, 'rotations', 'a-1.json'), '{"version":1,"rotat');
    expect((await journal.get('a-1')).status).toBe('running');
  });

  it('removes a record and its backup after the writes queued before it', async () => {
    const base = record('a-1', '2026-01-01T00:00:00.000Z');
    await journal.write(record('b-2', '2026-01-02T00:00:00.000Z'));
    await journal.write(base);
    await Promise.all([journal.write(recordIn('done', 'a-1')), journal.remove('a-1')]);
    expect(await journal.read('a-1')).toBeNull();
    expect((await readdir(join(dir, 'rotations'))).sort()).toEqual(['b-2.json']);
    await journal.remove('a-1');
    await expect(journal.remove('../accounts')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses to write or read a record in a combination no rotation can be in', async () => {
    const impossible = [
      { ...recordIn('working', 'x-1'), waitingFor: 'retry' as const },
      { ...recordIn('stopped-undoable', 'x-1'), waitingFor: null },
      { ...recordIn('undoing', 'x-1'), direction: 'forward' as const },
      { ...recordIn('stopped-undoable', 'x-1'), waitingFor: 'secret' as const },
      { ...recordIn('working', 'x-1'), finishedAt: '2026-01-02T00:00:00.000Z' },
      { ...recordIn('done', 'x-1'), steps: recordIn('working').steps },
      { ...recordIn('revoke-pending', 'x-1'), steps: recordIn('working').steps },
      { ...recordIn('undoing', 'x-1'), steps: recordIn('revoke-pending').steps },
      {
        ...recordIn('working', 'x-1'),
        publishTargets: [
          {
            targetId: 'pub-1',
            label: 'octo/app · T',
            kind: 'dotenv',
            state: 'restored-old' as const,
            error: null,
            updatedAt: '2026-01-01T00:00:00.000Z',
          },
        ],
      },
    ];
    for (const record of impossible) {
      await expect(journal.write(record)).rejects.toThrow(/Impossible rotation state/);
    }
    await journal.write(recordIn('working', 'y-2'));
    await writeFile(
      join(dir, 'rotations', 'x-1.json'),
      JSON.stringify({ ...recordIn('working', 'x-1'), waitingFor: 'retry' }),
    );
    expect(await journal.read('x-1')).toBeNull();
  });

  it('refuses ids that could leave the folder, and answers NOT_FOUND for unknown ones', async () => {
    await expect(journal.get('../accounts')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(journal.get('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await journal.list()).toEqual([]);
  });
});
