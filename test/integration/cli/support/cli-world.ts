import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoAccount } from '../../../../sim/demo/demo-services';
import { createCore, type Core } from '../../../../src/main/core/app-core';
import { createHttpClient } from '../../../../src/main/core/http/http-client';
import { silentLogger } from '../../../../src/main/core/log/logger';
import { allAdapters } from '../../../../src/main/core/providers/all-adapters';
import { KEYCHAIN_SERVICE } from '../../../../src/main/core/secrets/secret-store';
import { KeytarSecretStore } from '../../../../src/main/platform/keytar-secret-store';
import { clearKeychain } from '../../../crash/rotation-stack';

/** A data dir the CLI runs on, and the keychain it shares with the app. */
export interface CliWorld {
  dataDir: string;
  secrets: KeytarSecretStore;
}

/**
 * A data dir with accounts in it, set up as the app sets them up (the same core and adapters,
 * the real keychain under the app's own service name, which the CLI reads too). The test keyring
 * is private to the test run, so the entries never meet a user's.
 */
export async function seedDataDir(
  accounts: readonly DemoAccount[],
  /** What the user did in the app besides adding the accounts (create tokens, bind targets). */
  prepare: (core: Core) => Promise<void> = () => Promise.resolve(),
): Promise<CliWorld> {
  const world = {
    dataDir: await mkdtemp(join(tmpdir(), 'tokendesk-cli-')),
    secrets: new KeytarSecretStore(KEYCHAIN_SERVICE),
  };
  const http = createHttpClient({});
  const core = createCore({
    dataDir: world.dataDir,
    secrets: world.secrets,
    http,
    adapters: allAdapters,
    log: silentLogger,
    emit: () => undefined,
    clipboard: null,
  });
  try {
    for (const demo of accounts) {
      const { tracked, ...input } = demo;
      const account = await core.accounts.add(input);
      for (const token of tracked ?? []) {
        await core.tracking.track({ accountId: account.id, ...token });
      }
    }
    await prepare(core);
  } finally {
    await http.close();
  }
  return world;
}

export async function removeDataDir(world: CliWorld): Promise<void> {
  await clearKeychain(world.secrets);
  await rm(world.dataDir, { recursive: true, force: true });
}
