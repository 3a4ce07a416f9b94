import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoAccount } from '../../../../sim/demo/demo-services';
import { KEYCHAIN_SERVICE } from '../../../../src/main/core/secrets/secret-store';
import {
  clearKeychain,
  startRotationStack,
  type RotationStack,
} from '../../../crash/rotation-stack';

/**
 * A data dir with accounts in it, set up as the app sets them up (the same core, the real
 * keychain under the app's own service name, which the CLI reads too). The test keyring is
 * private to the test run, so the entries never meet a user's.
 */
export async function seedDataDir(accounts: readonly DemoAccount[]): Promise<RotationStack> {
  const stack = await startRotationStack({
    dataDir: await mkdtemp(join(tmpdir(), 'tokendesk-cli-')),
    keychainService: KEYCHAIN_SERVICE,
  });
  for (const demo of accounts) {
    const { tracked, ...input } = demo;
    const account = await stack.core.accounts.add(input);
    for (const token of tracked ?? []) {
      await stack.core.tracking.track({ accountId: account.id, ...token });
    }
  }
  return stack;
}

export async function removeDataDir(stack: RotationStack): Promise<void> {
  await clearKeychain(stack.secrets);
  await stack.close();
  await rm(stack.dataDir, { recursive: true, force: true });
}
