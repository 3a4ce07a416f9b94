import { subDays } from 'date-fns';
import { isFinal, type RotationRecord } from './rotation-record';

/** Finished journals younger than this stay, however many there are. */
export const FINISHED_JOURNAL_MAX_AGE_DAYS = 30;
/** The newest finished journals stay, however old they are. */
export const FINISHED_JOURNALS_KEPT = 50;

/**
 * The finished rotations whose journal may go: the audit log keeps their history, and a journal
 * is only needed to resume or undo. Unfinished ones are never chosen, whatever their age.
 */
export function prunableJournals(records: readonly RotationRecord[], now: Date): string[] {
  const cutoff = subDays(now, FINISHED_JOURNAL_MAX_AGE_DAYS).getTime();
  return records
    .filter(isFinal)
    .map((record) => ({ id: record.rotationId, finished: finishedTime(record) }))
    .sort((a, b) => b.finished - a.finished)
    .slice(FINISHED_JOURNALS_KEPT)
    .filter((journal) => journal.finished < cutoff)
    .map((journal) => journal.id);
}

/** The schema lets a finished record lack `finishedAt`; its last update then stands in. */
function finishedTime(record: RotationRecord): number {
  return Date.parse(record.finishedAt ?? record.updatedAt);
}
