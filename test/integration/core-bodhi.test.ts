import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account, AccountInventory, TokenInfo } from '../../src/shared/model';
import { filesContaining } from '../../e2e/support/secret-scan';
import { demoBodhiSeed, DEMO_BODHI_USER } from '../../sim/bodhi/bodhi-seeds';
import { startBodhiSim, type BodhiSim } from '../../sim/bodhi/bodhi.sim';
import { DEFAULT_CLIENT_ID } from '../../sim/bodhi/bodhi-state';
import { newBodhiToken } from '../../sim/bodhi/bodhi-token-format';
import { bodhiAdapter } from '../../src/main/core/providers/bodhi/bodhi.adapter';
import { startStack } from './support/stack';

type Stack = Awaited<ReturnType<typeof startStack>>;

// The Bodhi account end to end below the window: IPC dispatcher, core, the real keychain and
// the Bodhi simulator. A session cookie makes it an api account; none makes it guided.

describe('core with the Bodhi simulator and the real keychain', () => {
  let sim: BodhiSim;
  let stack: Stack;
  let chatSecret: string;
  let session: string;

  beforeEach(async () => {
    chatSecret = newBodhiToken(DEFAULT_CLIENT_ID);
    sim = await startBodhiSim(demoBodhiSeed(chatSecret, DEFAULT_CLIENT_ID));
    session = sim.sessionCookieFor(DEMO_BODHI_USER);
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

  async function tokensOf(accountId: string): Promise<TokenInfo[]> {
    const [inventory] = await ok<AccountInventory[]>('tokens:refresh', { accountId });
    return inventory?.tokens ?? [];
  }

  const addArgs = (credential?: string) => ({
    provider: 'bodhi',
    label: credential === undefined ? 'Bodhi laptop' : 'Bodhi server',
    baseUrl: sim.url,
    settings: {},
    ...(credential === undefined ? {} : { credential }),
  });

  it('manages tokens with a session: list, create, rename, switch off, revoke', async () => {
    const account = await ok<Account>('accounts:add', addArgs(session));
    expect(account.mode).toBe('api');
    expect(account.tokenPageUrl).toBe(`${sim.url}/ui/tokens/`);
    expect(await stack.secrets.get(`${account.id}/manage`)).toBe(session);
    expect((await tokensOf(account.id)).map((t) => t.name).sort()).toEqual([
      'chat-app',
      'notebook',
      'old-script',
      'paused-ci',
      'spare',
    ]);

    const { token, secret } = await ok<{ token: TokenInfo; secret: string }>('tokens:create', {
      accountId: account.id,
      name: 'release-bot',
      expiry: { kind: 'never' },
    });
    expect(sim.secretOf('release-bot')).toBe(secret);
    expect(await stack.secrets.get(`${account.id}/${token.id}`)).toBe(secret);

    await ok('tokens:rename', { accountId: account.id, tokenId: token.id, name: 'release-bot-2' });
    await ok('tokens:setStatus', { accountId: account.id, tokenId: token.id, status: 'inactive' });
    expect(sim.tokens().find((t) => t.id === token.id)).toMatchObject({
      name: 'release-bot-2',
      status: 'inactive',
    });
    const listed = (await tokensOf(account.id)).find((t) => t.id === token.id);
    expect(listed).toMatchObject({ name: 'release-bot-2', status: 'inactive', hasSecret: true });
    const check = await ok<{ works: boolean }>('tokens:verify', {
      accountId: account.id,
      tokenId: token.id,
    });
    expect(check.works).toBe(false);

    await ok('tokens:revoke', { accountId: account.id, tokenId: token.id });
    expect(sim.tokens().find((t) => t.id === token.id)?.deleted).toBe(true);
    expect(await stack.secrets.get(`${account.id}/${token.id}`)).toBeNull();

    for (const secretValue of [secret, session, session.split('=')[1] ?? session]) {
      expect(await filesContaining(stack.dataDir, secretValue)).toEqual([]);
    }
  });

  it('refuses an API token pasted as the session and saves nothing', async () => {
    const reply = await stack.call('accounts:add', addArgs(chatSecret));
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(reply)).not.toContain(chatSecret);
    expect(await stack.secrets.list()).toEqual([]);
    expect(await ok('accounts:list', {})).toEqual([]);
  });

  it('refuses an expired session and saves nothing', async () => {
    sim.dashboard.expireSession({ username: DEMO_BODHI_USER });
    const reply = await stack.call('accounts:add', addArgs(session));
    expect(reply).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(await stack.secrets.list()).toEqual([]);
  });

  it('without a session: guided, tracks only a token Bodhi accepts', async () => {
    const account = await ok<Account>('accounts:add', addArgs());
    expect(account.mode).toBe('guided');

    const forged = `${chatSecret.slice(0, -6)}XXXXXX`;
    const refused = await stack.call('tokens:track', {
      accountId: account.id,
      name: 'forged',
      secret: forged,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'AUTH_FAILED' } });
    expect(await stack.secrets.list()).toEqual([]);

    const tracked = await ok<TokenInfo>('tokens:track', {
      accountId: account.id,
      name: 'chat-app',
      secret: chatSecret,
    });
    expect(tracked).toMatchObject({ prefix: chatSecret.slice(0, 20), source: 'tracked' });
    expect(await stack.secrets.get(`${account.id}/${tracked.id}`)).toBe(chatSecret);

    const rename = await stack.call('tokens:rename', {
      accountId: account.id,
      tokenId: tracked.id,
      name: 'chat-app-2',
    });
    expect(rename).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    expect(await filesContaining(stack.dataDir, chatSecret)).toEqual([]);
  });
});
