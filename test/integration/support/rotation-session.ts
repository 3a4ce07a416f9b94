import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../../src/shared/contract';
import type { RotationView, TokenInfo } from '../../../src/shared/model';
import {
  clearKeychain,
  startRotationStack,
  type RotationStack,
  type RotationStackOptions,
} from '../../crash/rotation-stack';

/** The result of a successful IPC call; a failed one throws with its code and message. */
export function resultOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.result as T;
}

/**
 * A rotation stack over a fresh data dir and a keychain service name of its own, so parallel
 * test files never share an entry.
 */
export async function openRotationStack(
  options: Partial<RotationStackOptions> = {},
): Promise<RotationStack> {
  return startRotationStack({
    dataDir: await mkdtemp(join(tmpdir(), 'tokendesk-rot-')),
    keychainService: `TokenDesk-rot-${randomBytes(4).toString('hex')}`,
    requestTimeoutMs: 300,
    // Backoff and Retry-After waits are skipped: the tests prove what is retried, not how long.
    sleep: () => Promise.resolve(),
    ...options,
  });
}

/** Leaves nothing behind: the keychain entries, the open connections and the data dir. */
export async function closeRotationStack(stack: RotationStack): Promise<void> {
  await clearKeychain(stack.secrets);
  await stack.close();
  await rm(stack.dataDir, { recursive: true, force: true });
}

/** Adds an account through IPC, as the add-account dialog does, and returns its id. */
export async function addAccount(stack: RotationStack, args: object): Promise<string> {
  return resultOf<{ id: string }>(await stack.call('accounts:add', args)).id;
}

/** Creates a token through IPC: its metadata and the secret revealed once. */
export async function createTokenIn(
  stack: RotationStack,
  args: object,
): Promise<{ token: TokenInfo; secret: string }> {
  return resultOf(await stack.call('tokens:create', args));
}

/** Starts a rotation through IPC and waits until it is done, failed or waiting for the user. */
export async function rotateUntilSettled(
  stack: RotationStack,
  accountId: string,
  tokenId: string,
): Promise<RotationView> {
  const { rotationId } = resultOf<{ rotationId: string }>(
    await stack.call('rotation:start', { accountId, tokenId }),
  );
  return stack.core.rotation.whenSettled(rotationId);
}
