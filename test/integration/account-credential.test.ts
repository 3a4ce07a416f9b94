import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account, AccountInventory } from '../../src/shared/model';
import { filesContaining } from '../../e2e/support/secret-scan';
import { demoBodhiSeed, DEMO_BODHI_USER } from '../../sim/bodhi/bodhi-seeds';
import { startBodhiSim, type BodhiSim } from '../../sim/bodhi/bodhi.sim';
import { DEFAULT_CLIENT_ID } from '../../sim/bodhi/bodhi-state';
import { newBodhiToken } from '../../sim/bodhi/bodhi-token-format';
import { bodhiAdapter } from '../../src/main/core/providers/bodhi/bodhi.adapter';
import { startStack } from './support/stack';

type Stack = Awaited<ReturnType<typeof startStack>>;

// An expired Bodhi session replaced through accounts:setCredential, against the simulator and
// the real keychain: the new session is proven before it replaces the old one.

describe('replacing an account’s management credential', () => {
  let sim: BodhiSim;
  let stack: Stack;
  let chatSecret: string;

  beforeEach(async () => {
    chatSecret = newBodhiToken(DEFAULT_CLIENT_ID);
    sim = await startBodhiSim(demoBodhiSeed(chatSecret, DEFAULT_CLIENT_ID));
    stack = await startStack(`TokenDesk-int-${randomBytes(4).toString('hex')}`, [bodhiAdapter]);
  });
  afterEach(async () => {
    await stack.stop();
    await sim.close();
  });

  async function ok<T>(channel: string, args: unknown): Promise<T> {
    const reply = await stack.call(channel, args);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.result as T;
  }

  async function refreshed(accountId: string): Promise<AccountInventory> {
    const [inventory] = await ok<AccountInventory[]>('tokens:refresh', { accountId });
    if (inventory === undefined) throw new Error('no inventory');
    return inventory;
  }

  it('keeps the expired session through refusals, then takes a new one Bodhi accepts', async () => {
    const expired = sim.sessionCookieFor(DEMO_BODHI_USER);
    const account = await ok<Account>('accounts:add', {
      provider: 'bodhi',
      label: 'Bodhi server',
      baseUrl: sim.url,
      settings: {},
      credential: expired,
    });
    const key = `${account.id}/manage`;
    sim.dashboard.expireSession({ username: DEMO_BODHI_USER });

    const broken = await refreshed(account.id);
    expect(broken.state).toBe('auth_failed');
    expect(broken.error?.message).toContain('Update credential');

    const refused = await stack.call('accounts:setCredential', {
      accountId: account.id,
      credential: expired,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(JSON.stringify(refused)).toContain('the old one is kept');
    expect(await stack.secrets.get(key)).toBe(expired);

    const apiToken = await stack.call('accounts:setCredential', {
      accountId: account.id,
      credential: chatSecret,
    });
    expect(apiToken).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(apiToken)).not.toContain(chatSecret);
    expect(await stack.secrets.get(key)).toBe(expired);

    const fresh = sim.sessionCookieFor(DEMO_BODHI_USER);
    const updated = await ok<Account>('accounts:setCredential', {
      accountId: account.id,
      credential: fresh,
    });
    expect(updated).toMatchObject({ id: account.id, mode: 'api' });
    expect(await stack.secrets.get(key)).toBe(fresh);
    const working = await refreshed(account.id);
    expect(working).toMatchObject({ state: 'ok', error: null });
    expect(working.tokens.map((t) => t.name)).toContain('chat-app');

    for (const value of [fresh, expired, chatSecret]) {
      expect(await filesContaining(stack.dataDir, value)).toEqual([]);
    }
  });
});
