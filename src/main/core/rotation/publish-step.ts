import { AppError } from '../../../shared/errors';
import type { PublishResult, PublishTargetState } from '../../../shared/model';
import { redact } from '../log/redact';
import type { StepDeps } from './rotation-deps';
import { RotationFailure } from './rotation-failure';
import { readNewSecret, readOldSecret } from './rotation-keychain';
import { hasWayBack } from './rotation-phase';
import type { PublishTargetEntry, RotationRecord } from './rotation-record';
import type { TargetWriteOutcome } from './rotation-publisher';
import type { StepOutcome } from './step-outcome';

export type TargetHolds = PublishResult['holds'];

const holdsByState: Record<PublishTargetState, TargetHolds> = {
  pending: 'old',
  writing: 'unknown',
  'written-new': 'new',
  refused: 'old',
  failed: 'unknown',
  restoring: 'unknown',
  'restored-old': 'old',
  'restore-failed': 'unknown',
  unbound: 'unknown',
};

/** Which secret a target holds, as far as the journal can tell. */
export function holdsOf(entry: PublishTargetEntry): TargetHolds {
  return holdsByState[entry.state];
}

/** A target that may hold the new secret and is still bound: an undo must give it the old one. */
function needsRestore(entry: PublishTargetEntry): boolean {
  return entry.state !== 'unbound' && holdsOf(entry) !== 'old';
}

const quoted = (entries: readonly PublishTargetEntry[]): string =>
  entries.map((entry) => `“${entry.label}”`).join(', ');

/**
 * The targets bound to the old token, merged into the journal: entries keep what they were
 * given; a target bound since gets an entry; one the user removed is no longer written.
 */
async function syncTargets(record: RotationRecord, deps: StepDeps, now: string): Promise<void> {
  const bound = await deps.publisher.targets(record.accountId, record.oldTokenId);
  const known = new Map(record.publishTargets.map((entry) => [entry.targetId, entry]));
  for (const entry of record.publishTargets) {
    if (!bound.some((target) => target.targetId === entry.targetId)) {
      entry.state = 'unbound';
      entry.updatedAt = now;
    }
  }
  for (const target of bound) {
    const entry = known.get(target.targetId);
    if (entry === undefined) {
      record.publishTargets.push({ ...target, state: 'pending', error: null, updatedAt: now });
    } else {
      entry.label = target.label;
    }
  }
}

/**
 * Writes `secret` to one target, journaled before (`during`) and after; the outcome's error is
 * redacted of both secrets the rotation knows.
 */
async function writeJournaled(
  record: RotationRecord,
  deps: StepDeps,
  entry: PublishTargetEntry,
  secret: string,
  states: {
    during: PublishTargetState;
    ok: PublishTargetState;
    refused: PublishTargetState;
    failed: PublishTargetState;
  },
  known: readonly string[],
): Promise<void> {
  entry.state = states.during;
  entry.error = null;
  entry.updatedAt = deps.clock.now().toISOString();
  await deps.persist(record);
  await deps.checkpoint(`call:publish-${entry.kind}`);
  let outcome: TargetWriteOutcome;
  try {
    outcome = await deps.publisher.write(
      { accountId: record.accountId, tokenId: record.oldTokenId, targetId: entry.targetId },
      secret,
    );
  } catch (error) {
    // The binding went away between the listing and the write, or the write broke unexpectedly.
    const info =
      error instanceof AppError
        ? error.toInfo()
        : {
            code: 'INTERNAL',
            message: 'The write failed unexpectedly. The details are in the log.',
          };
    if (!(error instanceof AppError)) deps.log.error('publish write failed', { error });
    outcome = { ok: false, mayHaveChanged: info.code !== 'NOT_FOUND', error: info };
  }
  if (outcome.ok) {
    entry.state = states.ok;
  } else {
    entry.state = outcome.mayHaveChanged ? states.failed : states.refused;
    entry.error = {
      code: outcome.error.code,
      message: redact(outcome.error.message, [...known]).slice(0, 2000),
    };
  }
  entry.updatedAt = deps.clock.now().toISOString();
  await deps.persist(record);
  await deps.checkpoint('publish:target-journaled');
}

function reasons(entries: readonly PublishTargetEntry[]): string {
  return entries
    .map((entry) => `“${entry.label}”: ${entry.error === null ? 'failed' : entry.error.message}`)
    .join(' ');
}

/**
 * Every target bound to the old token gets the new secret, one at a time, each write journaled
 * before and after. A target written (and read back) already is not written again on a retry.
 */
export async function publishStep(record: RotationRecord, deps: StepDeps): Promise<StepOutcome> {
  const secret = await readNewSecret(record, deps.secrets, deps.held);
  if (secret === null) {
    throw new RotationFailure(
      'secret-lost',
      'KEYCHAIN_UNAVAILABLE',
      'The keychain no longer holds the new secret, and TokenDesk has no other copy.',
    );
  }
  await syncTargets(record, deps, deps.clock.now().toISOString());
  const live = record.publishTargets.filter((entry) => entry.state !== 'unbound');
  if (live.length === 0) return { kind: 'skipped' };
  for (const entry of live) {
    if (entry.state === 'written-new') continue;
    await writeJournaled(
      record,
      deps,
      entry,
      secret,
      { during: 'writing', ok: 'written-new', refused: 'refused', failed: 'failed' },
      [secret],
    );
  }
  const failed = live.filter((entry) => entry.state !== 'written-new');
  if (failed.length === 0) return { kind: 'done' };
  throw publishFailure(record, live, failed);
}

/** What to tell the user, in the targets' own names, and whether the rotation can go back. */
function publishFailure(
  record: RotationRecord,
  live: readonly PublishTargetEntry[],
  failed: readonly PublishTargetEntry[],
): AppError {
  const written = live.filter((entry) => entry.state === 'written-new');
  const what =
    failed.length === 1
      ? `${quoted(failed)} did not take the new secret.`
      : `${failed.length} of ${live.length} publish targets did not take the new secret: ${quoted(failed)}.`;
  const why = reasons(failed);
  if (!hasWayBack(record)) {
    const dead =
      record.method === 'roll'
        ? 'The roll already ended the old token, so there is no going back, only forward'
        : 'Your new token stays (TokenDesk cannot revoke it in the dashboard), so the rotation only goes forward';
    return new RotationFailure(
      'publish-partial',
      'SERVICE_ERROR',
      `${what} ${why} ${dead}: fix the target (or remove it from the token's publish targets) and retry. Until then ${quoted(failed)} may hold a secret that no longer works.`,
    );
  }
  if (written.length === 0) {
    return new AppError('SERVICE_ERROR', `${what} ${why}`);
  }
  return new RotationFailure(
    'publish-partial',
    'SERVICE_ERROR',
    `${what} ${why} ${quoted(written)} ${written.length === 1 ? 'holds' : 'hold'} the new secret already. Both tokens still work: fix the target and retry, or cancel to put the old secret back on ${quoted(written)} and undo the rotation.`,
  );
}

/**
 * The undo's first move, while the old token still works: every target that may hold the new
 * secret gets the old one back, read back, each write journaled. A target that refuses stops the
 * undo (retry continues it) before the new token is revoked, so no target is left holding a
 * revoked secret without the user being told which.
 */
export async function restoreTargets(record: RotationRecord, deps: StepDeps): Promise<void> {
  const toRestore = record.publishTargets.filter(needsRestore);
  if (toRestore.length === 0) return;
  const oldSecret = await readOldSecret(record, deps.secrets);
  if (oldSecret === null) {
    throw new AppError(
      'KEYCHAIN_UNAVAILABLE',
      `The keychain no longer holds the old secret, so it cannot go back on ${quoted(toRestore)}.`,
    );
  }
  const newSecret = await readNewSecret(record, deps.secrets, deps.held);
  const known = newSecret === null ? [oldSecret] : [oldSecret, newSecret];
  for (const entry of toRestore) {
    await writeJournaled(
      record,
      deps,
      entry,
      oldSecret,
      {
        during: 'restoring',
        ok: 'restored-old',
        refused: 'restore-failed',
        failed: 'restore-failed',
      },
      known,
    );
  }
  const stuck = toRestore.filter((entry) => entry.state !== 'restored-old');
  if (stuck.length > 0) {
    throw new AppError(
      'SERVICE_ERROR',
      `The old secret could not be put back on ${quoted(stuck)}. ${reasons(stuck)} ${stuck.length === 1 ? 'It' : 'They'} may hold the new secret, so the new token is kept until ${stuck.length === 1 ? 'it has' : 'they have'} the old one again.`,
    );
  }
}

/** After a crash: a write journaled as started but not finished may have landed. */
export function interruptTargetWrites(record: RotationRecord, now: string): void {
  for (const entry of record.publishTargets) {
    if (entry.state !== 'writing' && entry.state !== 'restoring') continue;
    entry.state = entry.state === 'writing' ? 'failed' : 'restore-failed';
    entry.error = {
      code: 'INTERNAL',
      message: 'TokenDesk stopped during this write; the target may hold the new secret.',
    };
    entry.updatedAt = now;
  }
}

/** The view of each target: its name, its state and which secret it holds. */
export function publishResultsOf(record: RotationRecord): PublishResult[] {
  return record.publishTargets.map((entry) => ({
    targetId: entry.targetId,
    target: entry.label,
    state: entry.state,
    holds: holdsOf(entry),
    ok: entry.state === 'written-new' || entry.state === 'restored-old',
    error: entry.error === null ? null : entry.error.message,
  }));
}
