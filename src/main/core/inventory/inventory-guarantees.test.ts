import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/errors';
import type { AccountInventory, AccountState } from '../../../shared/model';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { secretKeys } from '../secrets/secret-store';
import {
  addFakeAccount,
  addGuidedAccount,
  createTestCore,
  type TestCore,
} from '../test-support/test-core';
import { REFRESH_LIMITS } from './inventory.service';
import { RecordingSecretStore } from './recording-secret-store';

let t: TestCore;
afterEach(() => t.cleanup());

function byAccount(list: AccountInventory[], accountId: string): AccountInventory {
  const found = list.find((inventory) => inventory.accountId === accountId);
  if (found === undefined) throw new Error(`no inventory for ${accountId}`);
  return found;
}

describe('refresh of every account', () => {
  /** Adds accounts on `origins` services, `perOrigin` each, and gates every list call. */
  async function gatedWorld(origins: number, perOrigin: number) {
    t = await createTestCore();
    for (let o = 0; o < origins; o += 1) {
      for (let i = 0; i < perOrigin; i += 1) {
        await t.core.accounts.add({
          provider: t.provider.info.kind,
          label: `Account ${o}-${i}`,
          baseUrl: `https://service-${o}.example.com/`,
          settings: { userId: 'alice' },
          credential: t.provider.seed(`management ${o}-${i}`).secret,
        });
      }
    }
    let running = 0;
    let most = 0;
    const mostByOrigin = new Map<string, number>();
    const runningByOrigin = new Map<string, number>();
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const list = t.provider.listTokens.bind(t.provider);
    t.provider.listTokens = async (ctx) => {
      const origin = new URL(ctx.account.baseUrl).origin;
      running += 1;
      most = Math.max(most, running);
      runningByOrigin.set(origin, (runningByOrigin.get(origin) ?? 0) + 1);
      mostByOrigin.set(
        origin,
        Math.max(mostByOrigin.get(origin) ?? 0, runningByOrigin.get(origin) ?? 0),
      );
      // Each call waits until the expected width is reached: a narrower refresh never gets there.
      if (
        running ===
        Math.min(origins, REFRESH_LIMITS.total) * Math.min(perOrigin, REFRESH_LIMITS.perOrigin)
      )
        openGate();
      await gate;
      running -= 1;
      runningByOrigin.set(origin, (runningByOrigin.get(origin) ?? 1) - 1);
      return list(ctx);
    };
    return { most: () => most, mostByOrigin };
  }

  it(`runs at most ${REFRESH_LIMITS.perOrigin} lists at once against one service`, async () => {
    const world = await gatedWorld(1, REFRESH_LIMITS.perOrigin + 3);
    const results = await t.core.inventory.refresh();

    expect(world.most()).toBe(REFRESH_LIMITS.perOrigin);
    expect(results).toHaveLength(REFRESH_LIMITS.perOrigin + 3);
    expect(results.every((inventory) => inventory.state === 'ok')).toBe(true);
  });

  it('runs many services side by side, far past the limit of one', async () => {
    const world = await gatedWorld(12, 2);
    const results = await t.core.inventory.refresh();

    expect(world.most()).toBe(24);
    expect(Math.max(...world.mostByOrigin.values())).toBe(2);
    expect(results.every((inventory) => inventory.state === 'ok')).toBe(true);
  });
});

describe('the state of each account', () => {
  const cases: Array<[ErrorCode, AccountState]> = [
    ['AUTH_FAILED', 'auth_failed'],
    ['FORBIDDEN', 'forbidden'],
    ['UNREACHABLE', 'unreachable'],
    ['TIMEOUT', 'unreachable'],
    ['RATE_LIMITED', 'rate_limited'],
    ['SERVICE_ERROR', 'error'],
    // A body that is not what the service sends (garbage, a login page).
    ['BAD_RESPONSE', 'error'],
  ];

  it.each(cases)(
    'shows %s as %s, keeps the last list and its "as of", and leaves the other account ok',
    async (code, state) => {
      t = await createTestCore();
      const failing = await addFakeAccount(t, 'Failing');
      const healthy = await addFakeAccount(t, 'Healthy');
      const [before] = await t.core.inventory.refresh(failing.accountId);
      expect(before?.asOf).not.toBeNull();

      t.provider.failNext.list = code;
      const results = await t.core.inventory.refresh();

      const failed = byAccount(results, failing.accountId);
      expect(failed).toMatchObject({ state, stale: true, refreshing: false, asOf: before?.asOf });
      expect(failed.error?.code).toBe(code);
      expect(failed.tokens).toEqual(before?.tokens);
      expect(byAccount(results, healthy.accountId)).toMatchObject({
        state: 'ok',
        stale: false,
        error: null,
      });
      // What a window opened now would show: the same failure, the same cached list.
      expect(byAccount(await t.core.inventory.snapshot(), failing.accountId)).toEqual(failed);
    },
  );

  it('keeps the list across a restart and marks it stale when the next refresh fails', async () => {
    t = await createTestCore();
    const { accountId } = await addFakeAccount(t);
    const [before] = await t.core.inventory.refresh(accountId);

    const restarted = await createTestCore({
      dataDir: t.dataDir,
      provider: t.provider,
      secrets: t.secrets,
    });
    const [shown] = await restarted.core.inventory.snapshot();
    expect(shown).toMatchObject({ state: 'ok', asOf: before?.asOf, tokens: before?.tokens });

    restarted.provider.failNext.list = 'UNREACHABLE';
    const [failed] = await restarted.core.inventory.refresh(accountId);
    expect(failed).toMatchObject({ state: 'unreachable', stale: true, asOf: before?.asOf });
    expect(failed?.tokens).toEqual(before?.tokens);
  });

  it('turns an unexpected exception into "error" without its text reaching the window', async () => {
    t = await createTestCore();
    const { accountId } = await addFakeAccount(t);
    t.provider.listTokens = () => Promise.reject(new TypeError('secret-ish internal detail'));
    const [inventory] = await t.core.inventory.refresh(accountId);
    expect(inventory?.state).toBe('error');
    expect(inventory?.error?.code).toBe('INTERNAL');
    expect(JSON.stringify(inventory)).not.toContain('internal detail');
  });
});

describe('the keychain while listing', () => {
  it('is never touched to show the inventory, even for tokens whose secret it holds', async () => {
    const secrets = new RecordingSecretStore(new MemorySecretStore());
    t = await createTestCore({ secrets });
    const { accountId } = await addFakeAccount(t);
    const created = await t.core.tokens.create({
      accountId,
      name: 'deploy',
      expiry: { kind: 'never' },
    });
    secrets.clear();

    const [inventory] = await t.core.inventory.snapshot();

    expect(secrets.calls).toEqual([]);
    const listed = inventory?.tokens.find((token) => token.id === created.token.id);
    expect(listed?.hasSecret).toBe(true);
  });

  it("reads each account's management credential once a session, never a token's secret", async () => {
    const secrets = new RecordingSecretStore(new MemorySecretStore());
    const before = await createTestCore({ secrets });
    const first = await addFakeAccount(before, 'First');
    const second = await addFakeAccount(before, 'Second');
    await before.core.tokens.create({
      accountId: first.accountId,
      name: 'deploy',
      expiry: { kind: 'never' },
    });
    // A new session over the same data dir and keychain: nothing is held in memory yet.
    t = await createTestCore({ secrets, dataDir: before.dataDir, provider: before.provider });
    secrets.clear();

    await t.core.inventory.refresh();
    expect(secrets.calls.every((call) => call.operation === 'get')).toBe(true);
    expect(secrets.reads().sort()).toEqual(
      [secretKeys.management(first.accountId), secretKeys.management(second.accountId)].sort(),
    );

    secrets.clear();
    await t.core.inventory.refresh();
    await t.core.inventory.refresh();
    expect(secrets.calls).toEqual([]);
  });

  it('refreshes with a credential the user replaced, without reading it back', async () => {
    const secrets = new RecordingSecretStore(new MemorySecretStore());
    t = await createTestCore({ secrets });
    const { accountId } = await addFakeAccount(t);
    await t.core.inventory.refresh();
    const replacement = t.provider.seed('replacement');
    await t.core.accounts.setCredential(accountId, replacement.secret);
    secrets.clear();
    t.provider.calls.length = 0;

    const [inventory] = await t.core.inventory.refresh(accountId);

    expect(inventory?.state).toBe('ok');
    expect(t.provider.calls.map((call) => call.credential)).toEqual([replacement.secret]);
    expect(secrets.reads()).toEqual([]);
  });

  it('is not touched at all to refresh a guided account', async () => {
    const secrets = new RecordingSecretStore(new MemorySecretStore());
    t = await createTestCore({ secrets, guided: true });
    await addGuidedAccount(t);
    secrets.clear();

    const [inventory] = await t.core.inventory.refresh();

    expect(inventory?.state).toBe('ok');
    expect(secrets.calls).toEqual([]);
  });
});
