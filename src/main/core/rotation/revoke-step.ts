import { AppError, isTokenInactive } from '../../../shared/errors';
import type { StepDeps } from './rotation-deps';
import { revokeAndConfirm } from './revoke-check';
import { RotationFailure } from './rotation-failure';
import { oldSecretKey, readOldSecret } from './rotation-keychain';
import type { RotationRecord } from './rotation-record';
import { refreshLocalView } from './promote-step';
import type { RunSignals, StepOutcome } from './step-outcome';

/**
 * Ends the old token's life, then forgets its secret — in that order, so a failure in between
 * leaves a token that is still active *and* still held (revoke-pending), never one nobody holds.
 */
export async function revokeStep(
  record: RotationRecord,
  deps: StepDeps,
  signals: RunSignals,
): Promise<StepOutcome> {
  switch (record.method) {
    case 'overlap':
      await revokeAtService(record, deps);
      break;
    case 'roll':
      await confirmRolledAway(record, deps);
      break;
    case 'guided':
      if (signals.revokeConfirmed !== true) return { kind: 'wait', waitFor: 'revoke' };
      await proveRevokedByUser(record, deps);
      break;
  }
  await deps.checkpoint('revoke:service');
  await forgetOldToken(record, deps);
  return { kind: 'done' };
}

async function revokeAtService(record: RotationRecord, deps: StepDeps): Promise<void> {
  // Opened (inside) now, not earlier: after a management rotation this is the new credential.
  await deps.checkpoint('call:revokeToken');
  // Adapters treat "already gone" as done, so a revoke retried after a lost answer succeeds.
  await revokeAndConfirm(deps, record.accountId, record.oldTokenId);
}

type OldTokenState = 'works' | 'switched-off' | 'dead';

/** What the service makes of `secret` now: AUTH_FAILED is the proof it no longer opens it. */
async function oldTokenState(
  record: RotationRecord,
  deps: StepDeps,
  secret: string,
): Promise<OldTokenState> {
  const { adapter, ctx } = await deps.access.open(record.accountId);
  const { project, role } = record.replacement;
  await deps.checkpoint('call:verify');
  try {
    await adapter.verify(ctx, secret, { project, role });
    return 'works';
  } catch (error) {
    if (isTokenInactive(error)) return 'switched-off';
    if (error instanceof AppError && error.code === 'AUTH_FAILED') return 'dead';
    // FORBIDDEN means the service knows the token: it is alive, just not allowed there.
    if (error instanceof AppError && error.code === 'FORBIDDEN') return 'works';
    throw error;
  }
}

async function stillWorks(
  record: RotationRecord,
  deps: StepDeps,
  secret: string,
): Promise<boolean> {
  return (await oldTokenState(record, deps, secret)) === 'works';
}

/** A roll revoked the old token at the service; confirm it when TokenDesk holds its secret. */
async function confirmRolledAway(record: RotationRecord, deps: StepDeps): Promise<void> {
  const oldSecret = await readOldSecret(record, deps.secrets);
  if (oldSecret === null || !(await stillWorks(record, deps, oldSecret))) return;
  const { adapter } = await deps.access.openManaged(record.accountId);
  if (adapter.revokeToken === undefined || !adapter.info.capabilities.revoke) {
    throw new RotationFailure(
      'old-still-works',
      'CONFLICT',
      `The old token “${record.oldTokenName}” still works after the roll. Revoke it in ${adapter.info.name}'s dashboard, then retry.`,
    );
  }
  await deps.checkpoint('call:revokeToken');
  await revokeAndConfirm(deps, record.accountId, record.oldTokenId);
}

/** Guided: the user revoked it in the dashboard; it counts only once the service refuses it. */
async function proveRevokedByUser(record: RotationRecord, deps: StepDeps): Promise<void> {
  const oldSecret = await readOldSecret(record, deps.secrets);
  // Without the old secret there is nothing to prove with; the user's word is all there is.
  if (oldSecret === null) return;
  const state = await oldTokenState(record, deps, oldSecret);
  if (state === 'switched-off') {
    // Inactive is not revoked: anyone with access to the dashboard can switch it back on.
    throw new RotationFailure(
      'old-still-works',
      'CONFLICT',
      `The old token “${record.oldTokenName}” is only switched off (inactive); it can be switched on again. Delete it in the dashboard, then confirm again.`,
    );
  }
  if (state === 'works') {
    // Guided services report no use: this check is the only sign that the old token lives on
    // after the rotation, and the attention view warns from it (works-after-rotation).
    await deps.ledger.markVerified(record.accountId, record.oldTokenId);
    throw new RotationFailure(
      'old-still-works',
      'CONFLICT',
      `The old token “${record.oldTokenName}” still works. Revoke it in the dashboard (it can take a moment to take effect), then confirm again.`,
    );
  }
}

async function forgetOldToken(record: RotationRecord, deps: StepDeps): Promise<void> {
  const { accountId, oldTokenId } = record;
  await deps.secrets.delete(oldSecretKey(record));
  await deps.ledger.forget(accountId, oldTokenId);
  if (record.method === 'guided') await deps.tracked.remove(accountId, oldTokenId);
  else
    await deps.cache.patchTokens(accountId, (tokens) => tokens.filter((t) => t.id !== oldTokenId));
  await refreshLocalView(record, deps);
}
