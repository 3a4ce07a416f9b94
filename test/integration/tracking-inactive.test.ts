import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account, AccountInventory, TokenInfo } from '../../src/shared/model';
import { demoBodhiSeed } from '../../sim/bodhi/bodhi-seeds';
import { startBodhiSim, type BodhiSim } from '../../sim/bodhi/bodhi.sim';
import { DEFAULT_CLIENT_ID } from '../../sim/bodhi/bodhi-state';
import { newBodhiToken } from '../../sim/bodhi/bodhi-token-format';
import { startTeraswitchSim, type TeraswitchSim } from '../../sim/teraswitch/teraswitch.sim';
import { bodhiAdapter } from '../../src/main/core/providers/bodhi/bodhi.adapter';
import { teraswitchAdapter } from '../../src/main/core/providers/teraswitch/teraswitch.adapter';
import { startStack } from './support/stack';

type Stack = Awaited<ReturnType<typeof startStack>>;

const DAY = 24 * 3600_000;
const PROJECT = 4101;

// A tracked token the service switched off is inactive, not revoked: it can be switched on again.

describe('tracked tokens a service switched off', () => {
  let stack: Stack;
  let bodhi: BodhiSim;
  let teraswitch: TeraswitchSim;
  let chatSecret: string;

  beforeEach(async () => {
    chatSecret = newBodhiToken(DEFAULT_CLIENT_ID);
    bodhi = await startBodhiSim(demoBodhiSeed(chatSecret, DEFAULT_CLIENT_ID));
    teraswitch = await startTeraswitchSim({
      projects: [{ id: PROJECT, name: 'web-prod', instances: [{ displayName: 'web-1' }] }],
      invoices: [{ total: 12.5 }],
    });
    stack = await startStack(`TokenDesk-int-${randomBytes(4).toString('hex')}`, [
      bodhiAdapter,
      teraswitchAdapter,
    ]);
  });
  afterEach(async () => {
    await stack.stop();
    await bodhi.close();
    await teraswitch.close();
  });

  async function ok<T>(channel: string, args: unknown): Promise<T> {
    const reply = await stack.call(channel, args);
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
    return reply.result as T;
  }

  async function statusOf(accountId: string, tokenId: string): Promise<string | undefined> {
    const inventories = await ok<AccountInventory[]>('tokens:refresh', { accountId });
    const inventory = inventories.find((i) => i.accountId === accountId);
    return inventory?.tokens.find((t) => t.id === tokenId)?.status;
  }

  async function verify(accountId: string, tokenId: string) {
    return ok<{ works: boolean; problem: { code: string; message: string } | null }>(
      'tokens:verify',
      { accountId, tokenId },
    );
  }

  it('TeraSwitch: Inactive in the portal shows inactive, Active again shows active, revoked shows revoked', async () => {
    const account = await ok<Account>('accounts:add', {
      provider: 'teraswitch',
      label: 'TeraSwitch',
      baseUrl: teraswitch.apiBase,
      settings: {},
    });
    const created = teraswitch.dashboard.createToken({
      project: PROJECT,
      displayName: 'ci',
      role: 'Owner',
    });
    const token = await ok<TokenInfo>('tokens:track', {
      accountId: account.id,
      name: 'ci',
      secret: created.credential,
      project: String(PROJECT),
      role: 'Owner',
    });

    teraswitch.dashboard.setTokenStatus({ tokenId: created.tokenId, status: 'Inactive' });
    const off = await verify(account.id, token.id);
    expect(off.works).toBe(false);
    expect(off.problem?.message).toContain('Inactive');
    expect(await statusOf(account.id, token.id)).toBe('inactive');

    teraswitch.dashboard.setTokenStatus({ tokenId: created.tokenId, status: 'Active' });
    expect((await verify(account.id, token.id)).works).toBe(true);
    expect(await statusOf(account.id, token.id)).toBe('active');

    teraswitch.dashboard.revokeToken({ tokenId: created.tokenId });
    expect((await verify(account.id, token.id)).works).toBe(false);
    expect(await statusOf(account.id, token.id)).toBe('revoked');
  });

  it('Bodhi: a token switched off after 30 idle days shows inactive, a deleted one revoked', async () => {
    const account = await ok<Account>('accounts:add', {
      provider: 'bodhi',
      label: 'Bodhi laptop',
      baseUrl: bodhi.url,
      settings: {},
    });
    const chat = await ok<TokenInfo>('tokens:track', {
      accountId: account.id,
      name: 'chat-app',
      secret: chatSecret,
    });

    bodhi.advanceClock(31 * DAY);
    const off = await verify(account.id, chat.id);
    expect(off.works).toBe(false);
    expect(off.problem?.message).toContain('inactive');
    expect(await statusOf(account.id, chat.id)).toBe('inactive');

    const chatRow = bodhi.tokens().find((t) => t.name === 'chat-app');
    bodhi.dashboard.revokeToken({ tokenId: chatRow?.id ?? '' });
    expect((await verify(account.id, chat.id)).works).toBe(false);
    expect(await statusOf(account.id, chat.id)).toBe('revoked');
  });
});
