import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RotationView, TokenInfo } from '../../src/shared/model';
import type { FailureSpec } from '../../sim/common/sim-types';
import { startGitlabSim, type GitlabSim } from '../../sim/gitlab/gitlab.sim';
import { filesContaining } from '../../e2e/support/secret-scan';
import { keychainEntries, type RotationStack } from '../crash/rotation-stack';
import {
  addAccount,
  closeRotationStack,
  createTokenIn,
  openRotationStack,
  rotateUntilSettled,
} from './support/rotation-session';

const DAY_MS = 24 * 3600_000;

describe('roll rotation against the GitLab simulator and the real keychain', () => {
  let sim: GitlabSim;
  let stack: RotationStack;
  let managementSecret: string;
  let accountId: string;
  /** Service calls in the order they reached GitLab when each checkpoint was passed. */
  let checkpoints: Array<{ point: string; calls: number; keychain: Map<string, string> }>;
  /** A failure injected when the rotation passes its `nth` checkpoint named `point`. */
  let failAt: { point: string; nth: number; failure: FailureSpec } | null;

  beforeEach(async () => {
    managementSecret = `glpat-${randomBytes(15).toString('base64url')}`;
    sim = await startGitlabSim({
      users: [
        {
          id: 1,
          username: 'alice',
          admin: true,
          tokens: [{ name: 'tokendesk', secret: managementSecret, expiresInDays: 300 }],
        },
      ],
    });
    checkpoints = [];
    failAt = null;
    stack = await openRotationStack({
      checkpoint: async (point) => {
        if (failAt !== null && point === failAt.point) {
          failAt.nth -= 1;
          if (failAt.nth === 0) sim.injectFailure(failAt.failure);
        }
        checkpoints.push({
          point,
          calls: sim.calls().length,
          keychain: await keychainEntries(stack.secrets),
        });
      },
    });
    accountId = await addAccount(stack, {
      provider: 'gitlab',
      label: 'GitLab',
      baseUrl: sim.url,
      settings: { tokenType: 'personal', scopes: 'api' },
      credential: managementSecret,
    });
  });
  afterEach(async () => {
    await closeRotationStack(stack);
    await sim.close();
  });

  const createToken = () =>
    createTokenIn(stack, {
      accountId,
      name: 'release-bot',
      description: 'Releases from CI',
      expiry: { kind: 'days', days: 30 },
    });
  const rotate = (tokenId: string) => rotateUntilSettled(stack, accountId, tokenId);

  const simToken = (id: string | null) => sim.tokens().find((t) => String(t.id) === id);
  const rotateCalls = () => sim.calls().filter((c) => c.route === 'rotatePersonalToken');
  const today = () => sim.now().toISOString().slice(0, 10);

  it('rolls once: old revoked by the roll, new verified, keychain holds only the new secret', async () => {
    const old = await createToken();
    const view = await rotate(old.token.id);

    expect(view).toMatchObject({ status: 'done', method: 'roll', newTokenName: 'release-bot' });
    expect(rotateCalls()).toHaveLength(1);
    const fresh = simToken(view.newTokenId);
    expect(fresh).toMatchObject({
      active: true,
      name: 'release-bot',
      description: 'Releases from CI',
      scopes: ['api'],
      previousId: Number(old.token.id),
    });
    // The old token's 30-day lifetime carries over; GitLab alone would have given one week.
    const days = (Date.parse(fresh?.expiresAt ?? '') - Date.parse(today())) / DAY_MS;
    expect(days).toBeGreaterThanOrEqual(29);
    expect(days).toBeLessThanOrEqual(31);
    expect(simToken(old.token.id)).toMatchObject({ revoked: true, active: false });
    const newSecret = fresh?.secret ?? 'missing';
    expect(sim.lastUseOf(newSecret)?.route).toBe('getPersonalTokenSelf');
    // The old secret was tried once more, to prove it dead, and refused.
    const oldUses = sim.calls().filter((c) => c.secret === old.secret);
    expect(oldUses.at(-1)).toMatchObject({ route: 'getPersonalTokenSelf', accepted: false });

    const keychain = await keychainEntries(stack.secrets);
    expect(new Map(keychain)).toEqual(
      new Map([
        [`${accountId}/manage`, managementSecret],
        [`${accountId}/${view.newTokenId}`, newSecret],
      ]),
    );
    const revealed = await stack.call('rotation:reveal', { rotationId: view.rotationId });
    expect(revealed).toEqual({ ok: true, result: { secret: newSecret } });
    for (const secret of [newSecret, old.secret, managementSecret]) {
      expect(await filesContaining(stack.dataDir, secret)).toEqual([]);
    }
    const audit = await readFile(join(stack.dataDir, 'audit', 'audit.jsonl'), 'utf8');
    expect(audit).toContain('"action":"rotation.done"');
  });

  it("stores the roll's secret before any other call reaches GitLab", async () => {
    const old = await createToken();
    const view = await rotate(old.token.id);
    const newKey = `${accountId}/${view.newTokenId}`;
    const newSecret = simToken(view.newTokenId)?.secret ?? 'missing';

    const rollIndex = sim.calls().findIndex((c) => c.route === 'rotatePersonalToken');
    const storedAt = checkpoints.findIndex((c) => c.point === 'create:stored');
    const stored = checkpoints[storedAt];
    expect(stored?.keychain.get(newKey)).toBe(newSecret);
    // When the secret was in the keychain, the roll was still GitLab's latest call.
    expect(stored?.calls).toBe(rollIndex + 1);
    expect(storedAt).toBeGreaterThan(0);
    const later = checkpoints.slice(storedAt);
    for (const checkpoint of later) expect(checkpoint.keychain.get(newKey)).toBe(newSecret);
  });

  it("replaces TokenDesk's own credential with one roll; GitLab sees no reuse", async () => {
    const inventory = await stack.call('tokens:refresh', { accountId });
    const tokens = (inventory as { result: Array<{ tokens: TokenInfo[] }> }).result[0]?.tokens;
    const management = tokens?.find((t) => t.isManagementCredential);
    expect(management?.name).toBe('tokendesk');
    const view = await rotate(management?.id ?? 'missing');

    expect(view).toMatchObject({ status: 'done', isManagementCredential: true });
    expect(rotateCalls()).toHaveLength(1);
    const fresh = simToken(view.newTokenId);
    // A second roll with the old secret would have revoked the new token (reuse detection).
    expect(fresh?.active).toBe(true);
    expect(await stack.secrets.get(`${accountId}/manage`)).toBe(fresh?.secret);
    expect((await keychainEntries(stack.secrets)).size).toBe(1);
    const refreshed = await stack.call('tokens:refresh', { accountId });
    expect(refreshed).toMatchObject({ ok: true, result: [{ state: 'ok' }] });
  });

  type Case = [string, FailureSpec, RotationView['status'], string | null, number];
  const once = (route: string, spec: Omit<FailureSpec, 'route'>): FailureSpec => ({
    route,
    times: 1,
    ...spec,
  });
  const limited = { kind: 'status', status: 429, retryAfter: '1' } as const;
  // [name, failure, final status, error code, rotate requests that reached GitLab's handler]
  const cases: Case[] = [
    // Reads are safe to repeat: the client retries them.
    ['list, timeout once', once('listPersonalTokens', { kind: 'timeout' }), 'done', null, 1],
    ['list, reset once', once('listPersonalTokens', { kind: 'reset' }), 'done', null, 1],
    ['list, 429 once', once('listPersonalTokens', limited), 'done', null, 1],
    ['self, timeout once', once('getPersonalTokenSelf', { kind: 'timeout' }), 'done', null, 1],
    ['self, reset once', once('getPersonalTokenSelf', { kind: 'reset' }), 'done', null, 1],
    ['self, 429 once', once('getPersonalTokenSelf', limited), 'done', null, 1],
    // 429 says GitLab did not act: the roll is sent again, still with the live old token.
    ['roll, 429 once', once('rotatePersonalToken', limited), 'done', null, 1],
    // Any other failure of the roll: never sent again. GitLab's list shows nothing happened yet,
    // and the roll may still land: the rotation stays open and looks again at each refresh.
    [
      'roll, 500',
      { route: 'rotatePersonalToken', kind: 'status', status: 500 },
      'needs-user',
      'SERVICE_ERROR',
      0,
    ],
    [
      'roll, timeout',
      { route: 'rotatePersonalToken', kind: 'timeout' },
      'needs-user',
      'TIMEOUT',
      0,
    ],
    [
      'roll, reset',
      { route: 'rotatePersonalToken', kind: 'reset' },
      'needs-user',
      'UNREACHABLE',
      0,
    ],
    [
      'roll, 429 that outlasts the retries',
      { route: 'rotatePersonalToken', ...limited },
      'rolled-back',
      'RATE_LIMITED',
      0,
    ],
  ];

  it.each(
    cases.map(([name, failure, status, code, rolls]) => ({ name, failure, status, code, rolls })),
  )('$name → $status', async ({ failure, status, code, rolls }) => {
    const old = await createToken();
    sim.injectFailure(failure);
    const view = await rotate(old.token.id);

    expect(view.status).toBe(status);
    expect(view.error === null ? null : view.error.code).toBe(code);
    if (view.error !== null) expect(view.error.message.length).toBeGreaterThan(20);
    // Every rotate request GitLab accepted was sent with a live credential, once.
    const handled = rotateCalls().filter((c) => c.accepted);
    expect(handled.length).toBeLessThanOrEqual(rolls === 0 ? rotateCalls().length : rolls);
    const family = sim.tokens().filter((t) => t.familyId === Number(old.token.id));
    const keychain = await keychainEntries(stack.secrets);
    if (view.newTokenId === null) {
      expect(family).toHaveLength(1);
      expect(simToken(old.token.id)?.active).toBe(true);
      expect(keychain.get(`${accountId}/${old.token.id}`)).toBe(old.secret);
      expect(keychain.size).toBe(2);
    } else {
      const live = family.filter((t) => t.active);
      expect(live.map((t) => String(t.id))).toEqual([view.newTokenId]);
      expect(keychain.get(`${accountId}/${view.newTokenId}`)).toBe(live[0]?.secret);
      expect(keychain.has(`${accountId}/${old.token.id}`)).toBe(false);
    }
    for (const token of sim.tokens()) {
      expect(await filesContaining(stack.dataDir, token.secret)).toEqual([]);
    }
  });

  it('refuses to start when the token list cannot be read, and changes nothing', async () => {
    const old = await createToken();
    sim.injectFailure({ route: 'listPersonalTokens', kind: 'status', status: 500 });
    const started = await stack.call('rotation:start', { accountId, tokenId: old.token.id });
    expect(started).toMatchObject({ ok: false, error: { code: 'SERVICE_ERROR' } });
    expect(await stack.call('rotation:list', {})).toEqual({ ok: true, result: [] });
    expect(rotateCalls()).toHaveLength(0);
  });

  type AfterRoll = [string, FailureSpec['kind'], number, RotationView['status'], string];
  // The n-th `call:verify` checkpoint: 1 = the new token's verify, 2 = the proof the old is dead.
  const afterRoll: AfterRoll[] = [
    ['verify of the new token, 500', 'status', 1, 'needs-user', 'SERVICE_ERROR'],
    ['verify of the new token, timeout', 'timeout', 1, 'needs-user', 'TIMEOUT'],
    ['verify of the new token, reset', 'reset', 1, 'needs-user', 'UNREACHABLE'],
    ['proof the old one is dead, 500', 'status', 2, 'revoke-pending', 'SERVICE_ERROR'],
    ['proof the old one is dead, reset', 'reset', 2, 'revoke-pending', 'UNREACHABLE'],
  ];

  it.each(afterRoll.map(([name, kind, nth, status, code]) => ({ name, kind, nth, status, code })))(
    'after the roll, $name → $status, never a second roll, and a retry finishes',
    async ({ kind, nth, status, code }) => {
      const old = await createToken();
      failAt = { point: 'call:verify', nth, failure: { route: 'getPersonalTokenSelf', kind } };
      const view = await rotate(old.token.id);

      expect(view).toMatchObject({ status, canRetry: true, error: { code } });
      const fresh = simToken(view.newTokenId);
      expect(fresh?.active).toBe(true);
      // The old secret is dead already: the new one is kept, whatever else failed.
      expect(await stack.secrets.get(`${accountId}/${view.newTokenId}`)).toBe(fresh?.secret);
      expect(simToken(old.token.id)?.revoked).toBe(true);

      sim.clearFailures();
      const retried = await stack.call('rotation:retry', { rotationId: view.rotationId });
      expect(retried).toMatchObject({ ok: true, result: { status: 'done' } });
      expect(rotateCalls()).toHaveLength(1);
      expect(simToken(view.newTokenId)?.active).toBe(true);
      const keychain = await keychainEntries(stack.secrets);
      expect([...keychain.keys()].sort()).toEqual(
        [`${accountId}/manage`, `${accountId}/${view.newTokenId}`].sort(),
      );
    },
  );
});
