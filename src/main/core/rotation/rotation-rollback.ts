import { isRefusalCode } from '../http/call-outcome';
import { requireOperation, type ServiceToken } from '../providers/provider-adapter';
import { secretKeys } from '../secrets/secret-store';
import { revokeAndConfirm } from './revoke-check';
import type { StepDeps } from './rotation-deps';
import { carriesMarker } from './rotation-marker';
import { refreshLocalView } from './promote-step';
import { stepStarted, type RotationRecord } from './rotation-record';
import { restoreTargets } from './publish-step';

function markerPlaced(record: RotationRecord): boolean {
  const { replacement } = record;
  return (
    replacement.name.endsWith(`-${record.marker}`) ||
    (replacement.description ?? '').includes(record.marker)
  );
}

/** A token this rotation made: by the journaled id, else by its marker among unknown ids. */
export function madeByThisRotation(record: RotationRecord, token: ServiceToken): boolean {
  if (token.id === record.oldTokenId || record.knownTokenIds.includes(token.id)) return false;
  if (carriesMarker(token, record.marker)) return true;
  // Where neither name nor description could carry the marker, a new id with the same name is it.
  return !markerPlaced(record) && token.name === record.replacement.name;
}

/** What an undo found: tokens of this rotation found by their marker (revoked), and whether to watch. */
export interface UndoOutcome {
  foundByMarker: ServiceToken[];
  watchingForLateToken: boolean;
}

/**
 * Undoes a rotation that did not reach promote: puts the old secret back on every publish target
 * that may hold the new one, revokes the new token at the service (found by id, or by its marker
 * when the create's answer was lost), then drops its secret — revoke first,
 * so a failure leaves a token that is still held rather than one nobody holds. The old token
 * was never touched and stays current. Safe to run again.
 */
export async function undoRotation(record: RotationRecord, deps: StepDeps): Promise<UndoOutcome> {
  const outcome: UndoOutcome = { foundByMarker: [], watchingForLateToken: false };
  // While the old token still works, the targets get it back first: revoking the new token
  // before would leave them holding a dead secret.
  await restoreTargets(record, deps);
  if (record.method === 'overlap') {
    // By the journaled id; when the create's answer was lost, by the marker in the list.
    const found = record.newTokenId === null ? await strayTokens(record, deps) : null;
    const ids = found === null ? [record.newTokenId] : found.map((token) => token.id);
    for (const id of ids) {
      if (id === null) continue;
      await deps.checkpoint('call:revokeToken');
      await revokeAndConfirm(deps, record.accountId, id);
      await deps.checkpoint('rollback:revoked');
      await dropSecretOf(record, deps, id);
    }
    outcome.foundByMarker = found ?? [];
    // A create without a clear answer may still land at the service after this look.
    outcome.watchingForLateToken =
      found !== null &&
      found.length === 0 &&
      stepStarted(record, 'create') &&
      markerPlaced(record) &&
      !(record.error !== null && isRefusalCode(record.error.code));
    record.watchForLateToken = outcome.watchingForLateToken;
  } else if (record.newTokenId !== null) {
    // Guided: the user's token lives in the dashboard and only its secret is ours to drop. A
    // roll is never undone (the old secret is dead); it only ends here when it never happened.
    await dropSecretOf(record, deps, record.newTokenId);
  }
  deps.held.drop(record.rotationId);
  await refreshLocalView(record, deps);
  return outcome;
}

async function strayTokens(record: RotationRecord, deps: StepDeps): Promise<ServiceToken[]> {
  if (!stepStarted(record, 'create')) return [];
  const { adapter, ctx } = await deps.access.openManaged(record.accountId);
  await deps.checkpoint('call:listTokens');
  const tokens = await requireOperation(adapter, 'listTokens', 'list tokens')(ctx);
  return lateTokensOf(record, tokens);
}

/** The live tokens in `tokens` that this rotation asked the service for. */
export function lateTokensOf(
  record: RotationRecord,
  tokens: readonly ServiceToken[],
): ServiceToken[] {
  return tokens.filter((token) => token.status !== 'revoked' && madeByThisRotation(record, token));
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
