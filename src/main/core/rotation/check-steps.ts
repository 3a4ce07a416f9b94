import { AppError } from '../../../shared/errors';
import { redact } from '../log/redact';
import type { StepDeps } from './rotation-deps';
import { RotationFailure } from './rotation-failure';
import { keepSecret, newSecretKey, readNewSecret } from './rotation-keychain';
import type { RotationRecord } from './rotation-record';
import type { StepOutcome } from './step-outcome';

async function requireNewSecret(record: RotationRecord, deps: StepDeps): Promise<string> {
  const secret = await readNewSecret(record, deps.secrets, deps.held);
  if (secret === null) {
    throw new RotationFailure(
      'secret-lost',
      'KEYCHAIN_UNAVAILABLE',
      'The keychain no longer holds the new secret, and TokenDesk has no other copy.',
    );
  }
  return secret;
}

/**
 * Proves the keychain holds the new secret (AWS's "pending" label): read back, written again
 * from memory if the write before a crash or failure did not stick. The ledger entry makes a
 * refresh during the rotation show the new token with its secret.
 */
export async function storeStep(record: RotationRecord, deps: StepDeps): Promise<StepOutcome> {
  const key = newSecretKey(record);
  const inMemory = deps.held.get(record.rotationId);
  const stored = await deps.secrets.get(key);
  if (inMemory !== undefined && stored !== inMemory) {
    await keepSecret(deps.secrets, key, inMemory);
  } else if (stored === null) {
    await requireNewSecret(record, deps);
  }
  if (record.newTokenId === null) throw new AppError('INTERNAL', 'The new token is not known.');
  await deps.ledger.record(record.accountId, record.newTokenId);
  return { kind: 'done' };
}

/** A cheap authenticated call with the new secret; what counts as "works" is the adapter's rule. */
export async function verifyStep(record: RotationRecord, deps: StepDeps): Promise<StepOutcome> {
  const secret = await requireNewSecret(record, deps);
  const { adapter, ctx } = await deps.access.open(record.accountId);
  const { project, role } = record.replacement;
  await deps.checkpoint('call:verify');
  await adapter.verify(ctx, secret, { project, role });
  if (record.newTokenId !== null) {
    await deps.ledger.markVerified(record.accountId, record.newTokenId);
  }
  return { kind: 'done' };
}

/** Every target bound to the old token gets the new secret; any failure fails the step. */
export async function publishStep(record: RotationRecord, deps: StepDeps): Promise<StepOutcome> {
  const secret = await requireNewSecret(record, deps);
  await deps.checkpoint('call:publish');
  const outcomes = await deps.publisher.publish({
    accountId: record.accountId,
    tokenId: record.oldTokenId,
    secret,
  });
  record.publishResults = outcomes.map((outcome) => ({
    targetId: outcome.targetId,
    ok: outcome.ok,
    error: outcome.error === undefined ? null : redact(outcome.error, [secret]).slice(0, 2000),
  }));
  if (outcomes.length === 0) return { kind: 'skipped' };
  const failed = outcomes.filter((outcome) => !outcome.ok);
  if (failed.length === 0) return { kind: 'done' };
  const names = failed.map((outcome) => outcome.targetId).join(', ');
  if (failed.length === outcomes.length) {
    throw new AppError('SERVICE_ERROR', `No publish target took the new secret: ${names}.`);
  }
  // Some targets hold the new secret already: undoing would break them, going on would break
  // the others. Only the user can choose, so the rotation stops here with both tokens working.
  throw new RotationFailure(
    'publish-partial',
    'SERVICE_ERROR',
    `${failed.length} of ${outcomes.length} publish targets did not take the new secret (${names}). Both tokens still work: fix the targets and retry, or cancel to undo the rotation.`,
  );
}
