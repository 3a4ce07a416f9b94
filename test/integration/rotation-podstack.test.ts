import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RotationView, TokenInfo } from '../../src/shared/model';
import { startPodstackSim, type PodstackSim } from '../../sim/podstack/podstack.sim';
import type { PodstackExpiryDays } from '../../sim/podstack/podstack.types';
import { filesContaining } from '../../e2e/support/secret-scan';
import { podstackPrefixOf } from '../../src/main/core/providers/podstack/podstack-token-format';
import { keychainEntries, type RotationStack } from '../crash/rotation-stack';
import { guidedRotationFaultTests } from './support/guided-rotation-faults';
import {
  addAccount,
  closeRotationStack,
  openRotationStack,
  resultOf,
  rotateUntilSettled,
} from './support/rotation-session';

const ACCOUNT = 'acc_ml';
const PROJECT = 'proj-training';
const DAY_MS = 24 * 3600_000;

describe('guided rotation of a Podstack token against its simulator and the real keychain', () => {
  let sim: PodstackSim;
  let stack: RotationStack;
  let accountId: string;

  beforeEach(async () => {
    sim = await startPodstackSim({
      accounts: [
        { id: ACCOUNT, projects: [{ id: PROJECT }, { id: 'proj-inference' }] },
        { id: 'acc_other', projects: [{ id: 'proj-foreign' }] },
      ],
    });
    stack = await openRotationStack({ requestTimeoutMs: 1_000 });
    accountId = await addAccount(stack, {
      provider: 'podstack',
      label: 'ML team',
      baseUrl: sim.apiBase,
      settings: {},
    });
  });

  afterEach(async () => {
    await closeRotationStack(stack);
    await sim.close();
  });

  /** The user creates a token in the dashboard and tracks it in TokenDesk. */
  async function trackNew(name: string, days: PodstackExpiryDays | null = 90) {
    const created = sim.dashboard.createToken({ account: ACCOUNT, name, expiresInDays: days });
    const token = resultOf<TokenInfo>(
      await stack.call('tokens:track', {
        accountId,
        name,
        secret: created.token,
        project: PROJECT,
        ...(created.expires === null ? {} : { expiresAt: created.expires }),
      }),
    );
    return { token, secret: created.token, prefix: created.prefix };
  }

  const start = (tokenId: string) => rotateUntilSettled(stack, accountId, tokenId);

  const callsWith = (secret: string) => sim.calls().filter((call) => call.secret === secret);

  it('waits for the paste, proves the new token in its project, and the old one dead', async () => {
    const old = await trackNew('Training script');
    const waiting = await start(old.token.id);
    expect(waiting).toMatchObject({
      method: 'guided',
      status: 'needs-user',
      waitingFor: 'secret',
      newTokenName: 'Training script',
    });
    expect(waiting.instruction).toContain('project “proj-training”');
    expect(waiting.instruction).toContain('90 days');

    // The user creates the replacement in the dashboard (room: 2 of 5) and pastes it.
    const created = sim.dashboard.createToken({
      account: ACCOUNT,
      name: 'Training script',
      expiresInDays: 90,
    });
    const pasted = resultOf<RotationView>(
      await stack.call('rotation:provideSecret', {
        rotationId: waiting.rotationId,
        secret: created.token,
      }),
    );
    expect(pasted).toMatchObject({ status: 'needs-user', waitingFor: 'revoke' });
    expect(JSON.stringify(pasted)).not.toContain(created.token);
    expect(sim.lastUseOf(created.token)).toMatchObject({ projectId: PROJECT, status: 200 });

    // Confirmed before the dashboard revoke: the old token still works, so it is not done.
    const early = resultOf<RotationView>(
      await stack.call('rotation:confirmRevoked', { rotationId: waiting.rotationId }),
    );
    expect(early).toMatchObject({ status: 'needs-user', waitingFor: 'revoke' });
    expect(early.error?.message).toContain('still works');
    expect([...(await keychainEntries(stack.secrets)).values()].sort()).toEqual(
      [old.secret, created.token].sort(),
    );

    sim.dashboard.revokeToken({ prefix: old.prefix });
    const done = resultOf<RotationView>(
      await stack.call('rotation:confirmRevoked', { rotationId: waiting.rotationId }),
    );
    expect(done.status).toBe('done');
    // The proof: TokenDesk's last call with the old secret came after the revoke and got 401.
    expect(callsWith(old.secret).at(-1)).toMatchObject({ accepted: false, status: 401 });

    const keychain = await keychainEntries(stack.secrets);
    expect([...keychain.entries()]).toEqual([[`${accountId}/${done.newTokenId}`, created.token]]);
    const inventory = resultOf<Array<{ tokens: TokenInfo[] }>>(
      await stack.call('tokens:inventory', {}),
    );
    const tokens = inventory[0]?.tokens ?? [];
    expect(tokens.map((t) => [t.id, t.name, t.prefix, t.project])).toEqual([
      [done.newTokenId, 'Training script', created.prefix, PROJECT],
    ]);
    // The lifetime the user was asked to choose, counted from the paste.
    const expires = Date.parse(tokens[0]?.expiresAt ?? '');
    expect(Math.abs(expires - Date.parse(created.expires ?? '')) < DAY_MS).toBe(true);
    for (const secret of [old.secret, created.token]) {
      expect(await filesContaining(stack.dataDir, secret)).toEqual([]);
    }
  });

  it('refuses to start at 5 active tokens, naming the one to revoke, and changes nothing', async () => {
    const tracked = [];
    for (const name of ['Laptop', 'CI', 'Notebook', 'Grafana', 'Eval']) {
      tracked.push(await trackNew(name));
    }
    const [laptop, ci] = tracked;
    if (laptop === undefined || ci === undefined) throw new Error('seeding failed');

    const refused = await stack.call('rotation:start', { accountId, tokenId: ci.token.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const message = refused.ok ? '' : refused.error.message;
    expect(message).toContain('at most 5 active tokens');
    expect(message).toContain('Revoke “Laptop”');
    // TokenDesk cannot see Podstack's Last Used, so it does not claim the token is unused.
    expect(message).toContain('the oldest TokenDesk tracks');
    expect(message).not.toContain('never used');
    expect(resultOf<RotationView[]>(await stack.call('rotation:list', {}))).toEqual([]);
    expect(await keychainEntries(stack.secrets)).toHaveProperty('size', 5);

    // The user revokes the suggested token in the dashboard and stops tracking it: room now.
    sim.dashboard.revokeToken({ prefix: laptop.prefix });
    resultOf(await stack.call('tokens:forget', { accountId, tokenId: laptop.token.id }));
    const waiting = await start(ci.token.id);
    expect(waiting).toMatchObject({ status: 'needs-user', waitingFor: 'secret' });
    expect(() =>
      sim.dashboard.createToken({ account: ACCOUNT, name: 'CI', expiresInDays: 30 }),
    ).not.toThrow();
  });

  it('drops a pasted token of another account and waits for a working one', async () => {
    const old = await trackNew('CI pipeline', 30);
    const waiting = await start(old.token.id);
    const foreign = sim.dashboard.createToken({
      account: 'acc_other',
      name: 'Theirs',
      expiresInDays: 30,
    });
    const refused = resultOf<RotationView>(
      await stack.call('rotation:provideSecret', {
        rotationId: waiting.rotationId,
        secret: foreign.token,
      }),
    );
    expect(refused).toMatchObject({ status: 'needs-user', waitingFor: 'secret' });
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.error?.message).toContain('“proj-training”');
    expect([...(await keychainEntries(stack.secrets)).values()]).toEqual([old.secret]);

    const revokedPaste = sim.dashboard.createToken({
      account: ACCOUNT,
      name: 'CI pipeline',
      expiresInDays: 30,
    });
    sim.dashboard.revokeToken({ tokenId: revokedPaste.id });
    const dead = resultOf<RotationView>(
      await stack.call('rotation:provideSecret', {
        rotationId: waiting.rotationId,
        secret: revokedPaste.token,
      }),
    );
    expect(dead).toMatchObject({ status: 'needs-user', waitingFor: 'secret' });
    expect(dead.error).toMatchObject({ code: 'AUTH_FAILED' });
    expect([...(await keychainEntries(stack.secrets)).values()]).toEqual([old.secret]);
  });

  describe('with failures injected at each service call', () => {
    guidedRotationFaultTests(() => ({
      stack,
      accountId,
      trackOld: async () => {
        const { token, secret } = await trackNew('Training script');
        return { token, secret };
      },
      createReplacement: () =>
        sim.dashboard.createToken({ account: ACCOUNT, name: 'Training script', expiresInDays: 90 })
          .token,
      revoke: (secret) => {
        const prefix = podstackPrefixOf(secret);
        if (prefix === null) throw new Error('not a Podstack token');
        sim.dashboard.revokeToken({ prefix });
      },
      injectFailure: (failure) => sim.injectFailure(failure),
      clearFailures: () => sim.clearFailures(),
      failuresLeft: () => sim.state().failures.length,
      answersTo: callsWith,
    }));
  });
});
