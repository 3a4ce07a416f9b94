import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { addDays, subDays } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../test-support/test-core';
import { prunableJournals } from './journal-retention';
import { RotationJournal } from './rotation-journal';
import type { RotationRecord } from './rotation-record';
import { journalRecord, recordIn } from './rotation-test-kit';

const NOW = new Date('2026-06-01T12:00:00.000Z');

/** A rotation that finished `daysAgo` days before NOW, an hour after it started. */
function finished(
  id: string,
  daysAgo: number,
  status: 'done' | 'rolled-back' = 'done',
): RotationRecord {
  const end = subDays(NOW, daysAgo);
  const start = new Date(end.getTime() - 3_600_000).toISOString();
  return recordIn(status, id, {
    startedAt: start,
    updatedAt: end.toISOString(),
    finishedAt: end.toISOString(),
  });
}

/** `count` finished rotations, one a day, the newest `fromDay` days ago. */
function finishedDaily(prefix: string, count: number, fromDay: number): RotationRecord[] {
  return Array.from({ length: count }, (_, i) =>
    finished(`${prefix}-${i}`, fromDay + i, i % 2 === 0 ? 'done' : 'rolled-back'),
  );
}

describe('which finished rotation journals may be pruned', () => {
  it('keeps the newest 50 finished ones even when they are older than 30 days', () => {
    const records = finishedDaily('old', 60, 31);
    expect(prunableJournals(records, NOW)).toEqual(
      Array.from({ length: 10 }, (_, i) => `old-${50 + i}`),
    );
    expect(prunableJournals(records.slice(0, 50), NOW)).toEqual([]);
  });

  it('keeps every finished one younger than 30 days, however many', () => {
    const records = [
      ...Array.from({ length: 70 }, (_, i) => finished(`new-${i}`, i % 30)),
      finished('edge', 30),
    ];
    expect(prunableJournals(records, NOW)).toEqual([]);
  });

  it('never chooses an unfinished one, whatever its age', () => {
    const ancient = subDays(NOW, 400).toISOString();
    const unfinished = [
      journalRecord('running', ancient),
      recordIn('awaiting-revoke', 'waits', { startedAt: ancient }),
      recordIn('revoke-pending', 'revoke', { startedAt: ancient }),
    ];
    const records = [...unfinished, ...finishedDaily('old', 55, 40)];
    expect(prunableJournals(records, NOW)).toEqual(
      Array.from({ length: 5 }, (_, i) => `old-${50 + i}`),
    );
  });

  it('judges a finished record without a finish date by its last update', () => {
    const records = [
      ...finishedDaily('new', 49, 0),
      { ...finished('legacy', 60), finishedAt: null },
      { ...finished('recent-legacy', 10), finishedAt: null, updatedAt: NOW.toISOString() },
    ];
    expect(prunableJournals(records, NOW)).toEqual(['legacy']);
  });
});

describe('pruning on start', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('drops the journals of long-finished rotations once recovery is over, and nothing else', async () => {
    t = await createTestCore({ clock: { now: () => NOW } });
    const journal = new RotationJournal(t.dataDir);
    const ancient = subDays(NOW, 400).toISOString();
    // Waiting for the user: recovery leaves it as it is, and so must pruning.
    const waiting = recordIn('awaiting-secret', 'waiting', { startedAt: ancient });
    const records = [waiting, ...finishedDaily('recent', 10, 0), ...finishedDaily('old', 50, 31)];
    for (const record of records) {
      await journal.write(record);
      // A second write leaves a `.bak`, which must go with its record.
      await journal.write(record);
    }

    await t.core.rotation.recover();

    const kept = (await journal.list()).map((r) => r.rotationId).sort();
    const pruned = Array.from({ length: 10 }, (_, i) => `old-${40 + i}`);
    const expected = records.map((r) => r.rotationId).filter((id) => !pruned.includes(id));
    expect(kept).toEqual(expected.sort());
    const files = await readdir(join(t.dataDir, 'rotations'));
    for (const id of pruned) {
      expect(files.filter((name) => name.startsWith(`${id}.`))).toEqual([]);
    }
    expect(files).toContain('waiting.json.bak');
    await expect(t.core.rotation.view('old-49')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('measures age with the injected clock: a month on, the oldest beyond the last 50 go', async () => {
    // Sixty rotations over the 30 days before NOW, two a day.
    const records = Array.from({ length: 60 }, (_, i) => finished(`r-${i}`, Math.floor(i / 2)));
    t = await createTestCore({ clock: { now: () => NOW } });
    const journal = new RotationJournal(t.dataDir);
    for (const record of records) await journal.write(record);

    await t.core.rotation.recover();
    expect(await journal.list()).toHaveLength(60);

    t = await createTestCore({ dataDir: t.dataDir, clock: { now: () => addDays(NOW, 31) } });
    await t.core.rotation.recover();
    const kept = (await journal.list()).map((r) => r.rotationId);
    expect(kept).toEqual(records.slice(0, 50).map((r) => r.rotationId));
  });
});
