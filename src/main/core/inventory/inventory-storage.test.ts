import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { secretKeys } from '../secrets/secret-store';
import { storageMeter } from '../storage/storage-meter';
import { FakeProvider } from '../test-support/fake-provider';
import { seedDataDir } from '../test-support/seed-data-dir';
import { createTestCore, type TestCore } from '../test-support/test-core';
import { RecordingSecretStore } from './recording-secret-store';

let t: TestCore;
beforeEach(() => storageMeter.reset());
afterEach(() => t.cleanup());

describe('inventory storage at scale', () => {
  it('answers a cold start with 200 accounts from one read of each state file', async () => {
    const scratch = await createTestCore();
    await seedDataDir(scratch.dataDir, { accounts: 200, tokensPerAccount: 50 });
    const secrets = new RecordingSecretStore(new MemorySecretStore());
    t = await createTestCore({ dataDir: scratch.dataDir, secrets });
    storageMeter.reset();

    const shown = await t.core.inventory.snapshot();

    expect(shown).toHaveLength(200);
    expect(shown.every((inventory) => inventory.tokens.length === 50)).toBe(true);
    expect(storageMeter.readsOf('inventory.json')).toBe(1);
    expect(storageMeter.readsOf('accounts.json')).toBe(1);
    expect(storageMeter.readsOf('secret-ledger.json')).toBe(1);
    expect(secrets.calls).toEqual([]);
  });

  it('saves the lists of a refresh of 40 accounts in one write', async () => {
    const scratch = await createTestCore();
    const { accounts } = await seedDataDir(scratch.dataDir, { accounts: 40, tokensPerAccount: 5 });
    const provider = new FakeProvider();
    const secrets = new MemorySecretStore();
    for (const account of accounts) {
      await secrets.set(secretKeys.management(account.id), provider.seed('management').secret);
    }
    t = await createTestCore({ dataDir: scratch.dataDir, secrets, provider });
    await t.core.inventory.snapshot();
    storageMeter.reset();

    const results = await t.core.inventory.refresh();

    expect(results.every((inventory) => inventory.state === 'ok')).toBe(true);
    expect(storageMeter.writesOf('inventory.json')).toBe(1);
  });
});
