import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addFakeAccount, createTestCore, type TestCore } from '../test-support/test-core';

describe('InventoryService', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore();
  });
  afterEach(() => t.cleanup());

  it('shows the cached list without touching the network or the keychain', async () => {
    await addFakeAccount(t);
    const get = t.secrets.get.bind(t.secrets);
    let reads = 0;
    t.secrets.get = (key) => {
      reads += 1;
      return get(key);
    };
    const [inventory] = await t.core.inventory.snapshot();
    expect(inventory?.state).toBe('ok');
    expect(inventory?.tokens.map((token) => token.name)).toEqual(['management']);
    expect(reads).toBe(0);
  });

  it('marks only the failing account, keeping its last list as stale', async () => {
    await addFakeAccount(t, 'First');
    await addFakeAccount(t, 'Second');
    t.provider.failNext.list = 'UNREACHABLE';

    const results = await t.core.inventory.refresh();

    const failed = results.filter((inventory) => inventory.state === 'unreachable');
    const ok = results.filter((inventory) => inventory.state === 'ok');
    expect(failed).toHaveLength(1);
    expect(ok).toHaveLength(1);
    expect(failed[0]?.stale).toBe(true);
    expect(failed[0]?.tokens.length).toBeGreaterThan(0);
    expect(failed[0]?.error?.code).toBe('UNREACHABLE');
  });

  it('recovers the account state on the next good refresh', async () => {
    const { accountId } = await addFakeAccount(t);
    t.provider.failNext.list = 'AUTH_FAILED';
    const [failed] = await t.core.inventory.refresh(accountId);
    expect(failed?.state).toBe('auth_failed');

    const [recovered] = await t.core.inventory.refresh(accountId);
    expect(recovered?.state).toBe('ok');
    expect(recovered?.stale).toBe(false);
    expect(recovered?.error).toBeNull();
  });

  it('announces progress and the result of each refresh', async () => {
    const { accountId } = await addFakeAccount(t);
    t.events.length = 0;
    await t.core.inventory.refresh(accountId);
    const flags = t.events.flatMap((e) =>
      e.event === 'inventory:changed' ? [e.payload.refreshing] : [],
    );
    expect(flags).toEqual([true, false]);
  });

  it('joins concurrent refreshes of the same account into one service call', async () => {
    const { accountId } = await addFakeAccount(t);
    let calls = 0;
    const list = t.provider.listTokens.bind(t.provider);
    t.provider.listTokens = (ctx) => {
      calls += 1;
      return list(ctx);
    };
    await Promise.all([t.core.inventory.refresh(accountId), t.core.inventory.refresh(accountId)]);
    expect(calls).toBe(1);
  });
});
