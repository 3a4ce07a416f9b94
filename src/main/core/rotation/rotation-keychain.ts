import { AppError } from '../../../shared/errors';
import { secretKeys, type SecretStore } from '../secrets/secret-store';
import type { HeldSecrets } from './rotation-deps';
import { stepFinished, stepStarted, type RotationRecord } from './rotation-record';

const KEYCHAIN_ATTEMPTS = 3;

/** A keychain that says no once (locked, busy daemon) often says yes a moment later. */
export async function keepSecret(secrets: SecretStore, key: string, secret: string): Promise<void> {
  let lastError: unknown = null;
  for (let attempt = 1; attempt <= KEYCHAIN_ATTEMPTS; attempt += 1) {
    try {
      await secrets.set(key, secret);
      if ((await secrets.get(key)) === secret) return;
      lastError = new AppError('KEYCHAIN_UNAVAILABLE', 'The keychain did not keep the new secret.');
    } catch (error) {
      lastError = error;
    }
  }
  if (lastError instanceof AppError) throw lastError;
  throw new AppError('KEYCHAIN_UNAVAILABLE', 'The keychain refused the new secret.');
}

export function newSecretKey(record: RotationRecord): string {
  if (record.newTokenId === null) throw new AppError('INTERNAL', 'The new token is not known yet.');
  return secretKeys.token(record.accountId, record.newTokenId);
}

export function oldSecretKey(record: RotationRecord): string {
  return secretKeys.token(record.accountId, record.oldTokenId);
}

/**
 * The new secret, wherever it is now: in memory, under the new token's key (pending), or — once
 * a management credential was promoted — under the account's `manage` key.
 */
export async function readNewSecret(
  record: RotationRecord,
  secrets: SecretStore,
  held: HeldSecrets,
): Promise<string | null> {
  const inMemory = held.get(record.rotationId);
  if (inMemory !== undefined) return inMemory;
  if (record.newTokenId === null) return null;
  const pending = await secrets.get(newSecretKey(record));
  if (pending !== null) return pending;
  // The switch deletes the pending entry last: once promote began and it is gone, `manage` has it.
  if (record.isManagementCredential && stepStarted(record, 'promote')) {
    return secrets.get(secretKeys.management(record.accountId));
  }
  return null;
}

/** The old token's secret, when TokenDesk holds it (for management: until promote, `manage`). */
export async function readOldSecret(
  record: RotationRecord,
  secrets: SecretStore,
): Promise<string | null> {
  const previous = await secrets.get(oldSecretKey(record));
  if (previous !== null || !record.isManagementCredential) return previous;
  if (stepFinished(record, 'promote')) return null;
  return secrets.get(secretKeys.management(record.accountId));
}

/**
 * Makes the new secret the account's management credential. Safe to run again from any point:
 * 1. the old credential is kept as the old token's secret (AWSPREVIOUS: needed to prove the old
 *    token dead after a roll, and never lost before the new one is in place);
 * 2. `manage` gets the new secret;
 * 3. the pending entry goes, only after 2, so "pending gone" means "switch complete".
 */
export async function switchManagementCredential(
  record: RotationRecord,
  secrets: SecretStore,
  checkpoint: (point: string) => Promise<void>,
): Promise<void> {
  const pendingKey = newSecretKey(record);
  const manageKey = secretKeys.management(record.accountId);
  const pending = await secrets.get(pendingKey);
  if (pending === null) return;
  if ((await secrets.get(oldSecretKey(record))) === null) {
    const current = await secrets.get(manageKey);
    if (current !== null && current !== pending) {
      await keepSecret(secrets, oldSecretKey(record), current);
    }
  }
  await checkpoint('promote:previous-kept');
  await keepSecret(secrets, manageKey, pending);
  await checkpoint('promote:manage-switched');
  await secrets.delete(pendingKey);
}
