import { AppError } from '../../../shared/errors';
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
