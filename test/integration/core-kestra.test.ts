import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountInventory, TokenInfo } from '../../src/shared/model';
import { startKestraSim, type KestraSim } from '../../sim/kestra/kestra.sim';
import { demoKestraSeed } from '../../sim/kestra/kestra-seeds';
import { filesContaining } from '../../e2e/support/secret-scan';
import { startStack } from './support/stack';

type Stack = Awaited<ReturnType<typeof startStack>>;

/** A port nothing listens on: bound once by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('core with the Kestra simulator and the real keychain', () => {
  let sim: KestraSim;
  let stack: Stack;
  let managementSecret: string;

  beforeEach(async () => {
    managementSecret = `canary-manage-${randomBytes(16).toString('hex')}`;
    sim = await startKestraSim(demoKestraSeed(managementSecret));
    stack = await startStack(`TokenDesk-int-${randomBytes(4).toString('hex')}`);
  });
  afterEach(async () => {
    await stack.stop();
    await sim.close();
  });

  const addArgs = (overrides: Record<string, unknown> = {}) => ({
    provider: 'kestra',
    label: 'Kestra prod',
    baseUrl: sim.url,
    settings: { userId: 'admin', tenant: 'main' },
    credential: managementSecret,
    ...overrides,
  });

  async function addAccount(): Promise<string> {
    const added = await stack.call('accounts:add', addArgs());
    if (!added.ok) throw new Error(added.error.message);
    return (added.result as { id: string }).id;
  }

  it('adds an account, lists, creates and revokes, keeping secrets in the keychain only', async () => {
    const accountId = await addAccount();
    expect(await stack.secrets.get(`${accountId}/manage`)).toBe(managementSecret);

    const refreshed = await stack.call('tokens:refresh', {});
    expect(refreshed.ok).toBe(true);
    const [inventory] = (refreshed as { result: AccountInventory[] }).result;
    const names = inventory?.tokens.map((t) => t.name).sort();
    expect(names).toContain('ci-deploy');
    expect(inventory?.tokens.find((t) => t.name === 'tokendesk')?.isManagementCredential).toBe(
      true,
    );

    const created = await stack.call('tokens:create', {
      accountId,
      name: 'release-bot',
      expiry: { kind: 'days', days: 30 },
    });
    expect(created.ok).toBe(true);
    const { token, secret } = (created as { result: { token: TokenInfo; secret: string } }).result;
    expect(sim.secretOf('release-bot', 'admin')).toBe(secret);
    expect(await stack.secrets.get(`${accountId}/${token.id}`)).toBe(secret);

    const revoked = await stack.call('tokens:revoke', { accountId, tokenId: token.id });
    expect(revoked).toEqual({ ok: true, result: { revoked: true } });
    expect(sim.tokens().find((t) => t.id === token.id)?.revoked).toBe(true);
    expect(await stack.secrets.get(`${accountId}/${token.id}`)).toBeNull();

    expect(await filesContaining(stack.dataDir, secret)).toEqual([]);
    expect(await filesContaining(stack.dataDir, managementSecret)).toEqual([]);
  });

  it.each([
    ['a non-https address', { baseUrl: 'http://kestra.example.com' }, 'VALIDATION', /https/],
    ['a malformed address', { baseUrl: 'kestra' }, 'VALIDATION', /full address/],
    ['an empty label', { label: '   ' }, 'VALIDATION', /name/i],
    ['a wrong credential', { credential: 'not-a-token' }, 'AUTH_FAILED', /Kestra/],
    ['a missing user id', { settings: { userId: '' } }, 'VALIDATION', /user/i],
  ])('refuses %s with a clear message and saves nothing', async (_case, overrides, code, text) => {
    const result = await stack.call('accounts:add', addArgs(overrides));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(text);
    expect(result.error.message).not.toContain(managementSecret);
    expect(await stack.secrets.list()).toEqual([]);
    expect(await stack.call('accounts:list', {})).toEqual({ ok: true, result: [] });
  });

  it('refuses an unreachable host with a clear message', async () => {
    const port = await closedPort();
    const result = await stack.call(
      'accounts:add',
      addArgs({ baseUrl: `http://127.0.0.1:${port}` }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'UNREACHABLE' } });
    expect(await stack.secrets.list()).toEqual([]);
  });

  it('refuses malformed IPC arguments and keeps serving', async () => {
    const bad: Array<[string, unknown]> = [
      ['accounts:add', { ...addArgs(), extra: 1 }],
      ['accounts:add', { ...addArgs(), credential: 42 }],
      ['tokens:create', { accountId: 'x', name: 'a'.repeat(10_000), expiry: { kind: 'never' } }],
      ['tokens:revoke', null],
      ['tokens:revoke', 'accountId'],
      ['tokens:create', JSON.parse('{"__proto__": {"polluted": true}}') as unknown],
    ];
    for (const [channel, args] of bad) {
      const result = await stack.call(channel, args);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((await stack.call('accounts:list', {})).ok).toBe(true);
  });

  it('keeps the last list, marked stale, when the service starts failing', async () => {
    const accountId = await addAccount();
    sim.injectFailure({ route: '*', kind: 'status', status: 500 });
    const refreshed = await stack.call('tokens:refresh', { accountId });
    const [inventory] = (refreshed as { result: AccountInventory[] }).result;
    expect(inventory?.state).toBe('error');
    expect(inventory?.stale).toBe(true);
    expect(inventory?.tokens.length).toBeGreaterThan(0);
    expect(inventory?.error?.code).toBe('SERVICE_ERROR');
  });
});
