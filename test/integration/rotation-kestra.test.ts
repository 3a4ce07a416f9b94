import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../src/shared/contract';
import type { RotationView, TokenInfo } from '../../src/shared/model';
import type { FailureSpec } from '../../sim/common/sim-types';
import { startKestraSim, type KestraSim } from '../../sim/kestra/kestra.sim';
import { demoKestraSeed } from '../../sim/kestra/kestra-seeds';
import { filesContaining } from '../../e2e/support/secret-scan';
import { keychainEntries, type RotationStack } from '../crash/rotation-stack';
import {
  addAccount,
  closeRotationStack,
  createTokenIn,
  openRotationStack,
  rotateUntilSettled,
} from './support/rotation-session';

type Event = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

describe('one-click rotation against the Kestra simulator and the real keychain', () => {
  let sim: KestraSim;
  let stack: RotationStack;
  let managementSecret: string;
  let accountId: string;
  let events: Event[];

  beforeEach(async () => {
    managementSecret = `canary-manage-${randomBytes(16).toString('hex')}`;
    sim = await startKestraSim(demoKestraSeed(managementSecret));
    events = [];
    stack = await openRotationStack({
      emit: (event, payload) => events.push({ event, payload } as Event),
    });
    accountId = await addAccount(stack, {
      provider: 'kestra',
      label: 'Kestra prod',
      baseUrl: sim.url,
      settings: { userId: 'admin', tenant: 'main' },
      credential: managementSecret,
    });
  });
  afterEach(async () => {
    await closeRotationStack(stack);
    await sim.close();
  });

  const createToken = (args: Record<string, unknown> = {}) =>
    createTokenIn(stack, {
      accountId,
      name: 'release-bot',
      description: 'Releases from CI',
      expiry: { kind: 'days', days: 30 },
      ...args,
    });
  const rotate = (tokenId: string) => rotateUntilSettled(stack, accountId, tokenId);

  const simToken = (id: string | null) => sim.tokens().find((t) => t.id === id);

  it('rotates with one click: old revoked at Kestra, new one verified, keychain holds only it', async () => {
    const old = await createToken();
    const view = await rotate(old.token.id);

    expect(view.status).toBe('done');
    expect(simToken(old.token.id)?.revoked).toBe(true);
    const fresh = simToken(view.newTokenId);
    expect(fresh).toMatchObject({
      revoked: false,
      name: view.newTokenName,
      description: 'Releases from CI',
      maxAge: 'P30D',
      extended: false,
    });
    expect(view.newTokenName).toMatch(/^release-bot-r[0-9a-f]{8}$/);
    const newSecret = fresh?.secret ?? 'missing';
    expect(sim.lastUseOf(newSecret)?.route).toBe('searchFlows');

    const keychain = await keychainEntries(stack.secrets);
    expect(new Map(keychain)).toEqual(
      new Map([
        [`${accountId}/manage`, managementSecret],
        [`${accountId}/${view.newTokenId}`, newSecret],
      ]),
    );

    const revealed = await stack.call('rotation:reveal', { rotationId: view.rotationId });
    expect(revealed).toEqual({ ok: true, result: { secret: newSecret } });
    const again = await stack.call('rotation:reveal', { rotationId: view.rotationId });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const listed = await stack.call('rotation:list', {});
    expect(listed).toMatchObject({ ok: true, result: [{ rotationId: view.rotationId }] });
    expect(JSON.stringify(listed)).not.toContain(newSecret);
    const progress = events.filter((e) => e.event === 'rotation:progress');
    expect(progress.length).toBeGreaterThan(10);
    expect(JSON.stringify(events)).not.toContain(newSecret);
    for (const secret of [newSecret, old.secret, managementSecret]) {
      expect(await filesContaining(stack.dataDir, secret)).toEqual([]);
    }
    const audit = await readFile(join(stack.dataDir, 'audit', 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"action":"rotation.done"');
  });

  it('keeps an extended token extended, with the same maxAge', async () => {
    const old = await createToken({
      name: 'nightly',
      extended: true,
      expiry: { kind: 'days', days: 7 },
    });
    const view = await rotate(old.token.id);
    expect(view.status).toBe('done');
    expect(simToken(view.newTokenId)).toMatchObject({ extended: true, maxAge: 'P7D' });
  });

  it("replaces TokenDesk's own credential and revokes the old one with the new", async () => {
    const inventory = await stack.call('tokens:refresh', { accountId });
    const tokens = (inventory as { result: Array<{ tokens: TokenInfo[] }> }).result[0]?.tokens;
    const management = tokens?.find((t) => t.isManagementCredential);
    const view = await rotate(management?.id ?? 'missing');

    expect(view).toMatchObject({ status: 'done', isManagementCredential: true });
    const newSecret = simToken(view.newTokenId)?.secret ?? 'missing';
    expect(await stack.secrets.get(`${accountId}/manage`)).toBe(newSecret);
    expect(simToken(management?.id ?? null)?.revoked).toBe(true);
    const revoke = sim.calls().find((c) => c.route === 'deleteUserToken');
    expect(revoke?.secret).toBe(newSecret);
    expect((await keychainEntries(stack.secrets)).size).toBe(1);
    const refreshed = await stack.call('tokens:refresh', { accountId });
    expect(refreshed).toMatchObject({ ok: true, result: [{ state: 'ok' }] });
  });

  it('refuses to start when the token list cannot be read, and changes nothing', async () => {
    const old = await createToken();
    const before = sim.tokens().length;
    sim.injectFailure({ route: 'listUserTokens', kind: 'status', status: 500 });
    const started = await stack.call('rotation:start', { accountId, tokenId: old.token.id });
    expect(started).toMatchObject({ ok: false, error: { code: 'SERVICE_ERROR' } });
    expect(await stack.call('rotation:list', {})).toEqual({ ok: true, result: [] });
    expect(sim.tokens()).toHaveLength(before);
  });

  type Case = [string, FailureSpec, RotationView['status'], string | null];
  const once = (route: string, spec: Omit<FailureSpec, 'route'>): FailureSpec => ({
    route,
    times: 1,
    ...spec,
  });
  const cases: Case[] = [
    // Reads and revokes of a known id are safe to repeat: the client retries them.
    ['list, timeout once', once('listUserTokens', { kind: 'timeout' }), 'done', null],
    ['list, reset once', once('listUserTokens', { kind: 'reset' }), 'done', null],
    [
      'list, 429 once',
      once('listUserTokens', { kind: 'status', status: 429, retryAfter: '1' }),
      'done',
      null,
    ],
    ['verify, timeout once', once('searchFlows', { kind: 'timeout' }), 'done', null],
    ['verify, reset once', once('searchFlows', { kind: 'reset' }), 'done', null],
    [
      'verify, 429 once',
      once('searchFlows', { kind: 'status', status: 429, retryAfter: '1' }),
      'done',
      null,
    ],
    ['revoke, timeout once', once('deleteUserToken', { kind: 'timeout' }), 'done', null],
    ['revoke, reset once', once('deleteUserToken', { kind: 'reset' }), 'done', null],
    [
      'revoke, 429 once',
      once('deleteUserToken', { kind: 'status', status: 429, retryAfter: '1' }),
      'done',
      null,
    ],
    // 429 says the service did not act: even the create is sent again.
    [
      'create, 429 once',
      once('createUserToken', { kind: 'status', status: 429, retryAfter: '1' }),
      'done',
      null,
    ],
    // A create is never repeated blindly (a lost answer may hide a token): undo instead.
    [
      'create, 500',
      { route: 'createUserToken', kind: 'status', status: 500 },
      'rolled-back',
      'SERVICE_ERROR',
    ],
    ['create, timeout', { route: 'createUserToken', kind: 'timeout' }, 'rolled-back', 'TIMEOUT'],
    ['create, reset', { route: 'createUserToken', kind: 'reset' }, 'rolled-back', 'UNREACHABLE'],
    // A new token that does not verify is revoked again, before anything depends on it.
    [
      'verify, 500',
      { route: 'searchFlows', kind: 'status', status: 500 },
      'rolled-back',
      'SERVICE_ERROR',
    ],
    ['verify, timeout', { route: 'searchFlows', kind: 'timeout' }, 'rolled-back', 'TIMEOUT'],
    ['verify, reset', { route: 'searchFlows', kind: 'reset' }, 'rolled-back', 'UNREACHABLE'],
    // Once the new token is current, the old one's revoke is retried later, never undone.
    [
      'revoke, 500',
      { route: 'deleteUserToken', kind: 'status', status: 500 },
      'revoke-pending',
      'SERVICE_ERROR',
    ],
    ['revoke, timeout', { route: 'deleteUserToken', kind: 'timeout' }, 'revoke-pending', 'TIMEOUT'],
  ];

  it.each(cases.map(([name, failure, status, code]) => ({ name, failure, status, code })))(
    '$name → $status',
    async ({ failure, status, code }) => {
      const old = await createToken();
      sim.injectFailure(failure);
      const view = await rotate(old.token.id);

      expect(view.status).toBe(status);
      expect(view.error === null ? null : view.error.code).toBe(code);
      if (view.error !== null) expect(view.error.message.length).toBeGreaterThan(20);
      const keychain = await keychainEntries(stack.secrets);
      const live = sim.tokens().filter((t) => !t.revoked);
      const marked = live.filter((t) => t.name.startsWith('release-bot-r'));
      if (status === 'rolled-back') {
        expect(marked).toEqual([]);
        expect(keychain.get(`${accountId}/${old.token.id}`)).toBe(old.secret);
        expect(keychain.size).toBe(2);
      } else {
        expect(marked.map((t) => t.id)).toEqual([view.newTokenId]);
        expect(keychain.get(`${accountId}/${view.newTokenId}`)).toBe(marked[0]?.secret);
      }
      if (status === 'revoke-pending') {
        expect(simToken(old.token.id)?.revoked).toBe(false);
        expect(keychain.get(`${accountId}/${old.token.id}`)).toBe(old.secret);
        sim.clearFailures();
        const retried = await stack.call('rotation:retry', { rotationId: view.rotationId });
        expect(retried).toMatchObject({ ok: true, result: { status: 'done' } });
        expect(simToken(old.token.id)?.revoked).toBe(true);
        expect(await stack.secrets.get(`${accountId}/${old.token.id}`)).toBeNull();
      }
      for (const token of sim.tokens()) {
        expect(await filesContaining(stack.dataDir, token.secret)).toEqual([]);
      }
    },
  );

  it('keeps the new secret when the undo fails too, and finishes the undo on retry', async () => {
    const old = await createToken();
    sim.injectFailure({ route: 'searchFlows', kind: 'status', status: 500 });
    sim.injectFailure({ route: 'deleteUserToken', kind: 'status', status: 500 });
    const view = await rotate(old.token.id);

    expect(view).toMatchObject({ status: 'needs-user', waitingFor: 'retry', canRetry: true });
    const stray = simToken(view.newTokenId);
    expect(stray?.revoked).toBe(false);
    expect(await stack.secrets.get(`${accountId}/${view.newTokenId}`)).toBe(stray?.secret);

    sim.clearFailures();
    const retried = await stack.call('rotation:retry', { rotationId: view.rotationId });
    expect(retried).toMatchObject({ ok: true, result: { status: 'rolled-back' } });
    expect(simToken(view.newTokenId)?.revoked).toBe(true);
    expect(await stack.secrets.get(`${accountId}/${view.newTokenId}`)).toBeNull();
  });

  it('refuses a second rotation of a token while the first is unfinished', async () => {
    const old = await createToken();
    sim.injectFailure({ route: 'deleteUserToken', kind: 'status', status: 500 });
    await rotate(old.token.id);
    const second = await stack.call('rotation:start', { accountId, tokenId: old.token.id });
    expect(second).toMatchObject({ ok: false, error: { code: 'ROTATION_UNFINISHED' } });
  });
});
