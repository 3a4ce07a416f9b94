import { AppError } from '../../../shared/errors';
import { secretKeys } from '../secrets/secret-store';
import type { StepDeps } from './rotation-deps';
import { switchManagementCredential } from './rotation-keychain';
import type { RotationRecord } from './rotation-record';
import type { StepOutcome } from './step-outcome';

/**
 * The new token becomes current (AWSCURRENT) and the old one previous, in local state only:
 * the keychain (for a management credential: `manage` switches), the ledger, the inventory,
 * and the publish bindings. Each part checks before it writes, so a second run after a crash
 * changes nothing twice.
 */
export async function promoteStep(record: RotationRecord, deps: StepDeps): Promise<StepOutcome> {
  const newTokenId = record.newTokenId;
  const newToken = record.newToken;
  if (newTokenId === null || newToken === null) {
    throw new AppError('INTERNAL', 'The new token is not known.');
  }
  const { accountId } = record;
  if (record.isManagementCredential) {
    await switchManagementCredential(record, deps.secrets, deps.checkpoint);
    // The management credential is kept under `manage` only, as when the account was added.
    await deps.ledger.forget(accountId, newTokenId);
    await deps.cache.setManagementToken(accountId, newTokenId);
  } else if ((await deps.secrets.get(secretKeys.token(accountId, newTokenId))) === null) {
    // A promoted token without its secret would be a token nobody holds.
    throw new AppError('KEYCHAIN_UNAVAILABLE', 'The keychain no longer holds the new secret.');
  }
  await deps.checkpoint('promote:keychain');
  if (record.method === 'guided') {
    const tracked = await deps.tracked.list(accountId);
    if (!tracked.some((token) => token.id === newTokenId)) {
      await deps.tracked.add(accountId, newToken);
    }
  } else {
    await deps.cache.patchTokens(accountId, (tokens) =>
      tokens.some((token) => token.id === newTokenId) ? tokens : [...tokens, newToken],
    );
  }
  await deps.checkpoint('promote:local');
  await deps.publisher.rebind(accountId, record.oldTokenId, newTokenId);
  await refreshLocalView(record, deps);
  return { kind: 'done' };
}

/** Guided inventories are rebuilt from the tracked store (no network); others are re-announced. */
export async function refreshLocalView(record: RotationRecord, deps: StepDeps): Promise<void> {
  if (record.method === 'guided') await deps.inventory.refresh(record.accountId);
  else await deps.inventory.announce(record.accountId);
}
