import { requireOperation, type ServiceToken } from '../providers/provider-adapter';
import { secretKeys } from '../secrets/secret-store';
import type { StepDeps } from './rotation-deps';
import { carriesMarker } from './rotation-marker';
import { refreshLocalView } from './promote-step';
import { stepStarted, type RotationRecord } from './rotation-record';
import { restoreTargets } from './publish-step';

/** A token this rotation made: by the journaled id, else by its marker among unknown ids. */
function madeByThisRotation(record: RotationRecord, token: ServiceToken): boolean {
  if (token.id === record.oldTokenId || record.knownTokenIds.includes(token.id)) return false;
  if (carriesMarker(token, record.marker)) return true;
  // Where neither name nor description could carry the marker, a new id with the same name is it.
  const { replacement } = record;
  const markerPlaced =
    replacement.name.endsWith(`-${record.marker}`) ||
    (replacement.description ?? '').includes(record.marker);
  return !markerPlaced && token.name === replacement.name;
}

/**
 * Undoes a rotation that did not reach promote: puts the old secret back on every publish target
 * that may hold the new one, revokes the new token at the service (found by id, or by its marker
 * when the create's answer was lost), then drops its secret — revoke first,
 * so a failure leaves a token that is still held rather than one nobody holds. The old token
 * was never touched and stays current. Safe to run again.
 */
export async function undoRotation(record: RotationRecord, deps: StepDeps): Promise<void> {
  // While the old token still works, the targets get it back first: revoking the new token
  // before would leave them holding a dead secret.
  await restoreTargets(record, deps);
  if (record.method === 'overlap') {
    for (const tokenId of await strayTokenIds(record, deps)) {
      const { adapter, ctx } = await deps.access.openManaged(record.accountId);
      await deps.checkpoint('call:revokeToken');
      await requireOperation(adapter, 'revokeToken', 'revoke tokens')(ctx, tokenId);
      await deps.checkpoint('rollback:revoked');
      await dropSecretOf(record, deps, tokenId);
    }
  } else if (record.newTokenId !== null) {
    // Guided: the user's token lives in the dashboard and only its secret is ours to drop. A
    // roll is never undone (the old secret is dead); it only ends here when it never happened.
    await dropSecretOf(record, deps, record.newTokenId);
  }
  deps.held.drop(record.rotationId);
  await refreshLocalView(record, deps);
}

async function strayTokenIds(record: RotationRecord, deps: StepDeps): Promise<string[]> {
  if (record.newTokenId !== null) return [record.newTokenId];
  if (!stepStarted(record, 'create')) return [];
  const { adapter, ctx } = await deps.access.openManaged(record.accountId);
  await deps.checkpoint('call:listTokens');
  const tokens = await requireOperation(adapter, 'listTokens', 'list tokens')(ctx);
  return tokens
    .filter((token) => token.status !== 'revoked' && madeByThisRotation(record, token))
    .map((token) => token.id);
}

async function dropSecretOf(record: RotationRecord, deps: StepDeps, tokenId: string) {
  await deps.secrets.delete(secretKeys.token(record.accountId, tokenId));
  await deps.ledger.forget(record.accountId, tokenId);
  await deps.cache.patchTokens(record.accountId, (tokens) =>
    tokens.filter((t) => t.id !== tokenId),
  );
}

export type RollVerdict =
  | { kind: 'not-rolled' }
  | { kind: 'adopted'; token: ServiceToken }
  | { kind: 'lost'; candidates: ServiceToken[] };

/**
 * A roll went out and its answer never came (or the process died before the journal learned
 * the new id). Never roll again: read the service's list instead. The old token still active →
 * nothing happened. A new token with the old name → if its secret reached the keychain before
 * the crash, carry on with it; otherwise the secret is lost, which only the user can repair.
 */
export async function judgeRoll(record: RotationRecord, deps: StepDeps): Promise<RollVerdict> {
  const { adapter, ctx } = await deps.access.openManaged(record.accountId);
  await deps.checkpoint('call:listTokens');
  const tokens = await requireOperation(adapter, 'listTokens', 'list tokens')(ctx);
  const old = tokens.find((token) => token.id === record.oldTokenId);
  if (old !== undefined && old.status === 'active') return { kind: 'not-rolled' };
  const candidates = tokens.filter(
    (token) =>
      token.id !== record.oldTokenId &&
      !record.knownTokenIds.includes(token.id) &&
      token.status === 'active' &&
      token.name === record.oldTokenName,
  );
  for (const token of candidates) {
    if ((await deps.secrets.get(secretKeys.token(record.accountId, token.id))) !== null) {
      return { kind: 'adopted', token };
    }
  }
  return { kind: 'lost', candidates };
}
