import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RotationView, TokenInfo } from '../../src/shared/model';
import { startTeraswitchSim, type TeraswitchSim } from '../../sim/teraswitch/teraswitch.sim';
import type { TeraswitchRole } from '../../sim/teraswitch/teraswitch.types';
import { filesContaining } from '../../e2e/support/secret-scan';
import { keychainEntries, type RotationStack } from '../crash/rotation-stack';
import { guidedRotationFaultTests } from './support/guided-rotation-faults';
import {
  addAccount,
  closeRotationStack,
  openRotationStack,
  resultOf,
  rotateUntilSettled,
} from './support/rotation-session';

const PROJECT = 4101;
const TOKEN_NAME = 'github-actions-ci';

describe('guided rotation of a TeraSwitch token against its simulator and the real keychain', () => {
  let sim: TeraswitchSim;
  let stack: RotationStack;
  let accountId: string;

  beforeEach(async () => {
    sim = await startTeraswitchSim({
      projects: [
        { id: PROJECT, name: 'web-prod', instances: [{ displayName: 'web-1' }] },
        { id: 4102, name: 'data' },
      ],
    });
    stack = await openRotationStack({ requestTimeoutMs: 1_000 });
    accountId = await addAccount(stack, {
      provider: 'teraswitch',
      label: 'Company',
      baseUrl: sim.apiBase,
      settings: {},
    });
  });

  afterEach(async () => {
    await closeRotationStack(stack);
    await sim.close();
  });

  /** The user generates a token in the portal: `tokenId:secret`, shown once. */
  const generate = (role: TeraswitchRole = 'Owner', project = PROJECT) =>
    sim.dashboard.createToken({ project, displayName: TOKEN_NAME, role }).credential;

  async function trackNew(role: TeraswitchRole = 'Owner') {
    const secret = generate(role);
    const token = resultOf<TokenInfo>(
      await stack.call('tokens:track', {
        accountId,
        name: TOKEN_NAME,
        secret,
        project: String(PROJECT),
        role,
      }),
    );
    return { token, secret };
  }

  const tokenIdOf = (credential: string) => credential.slice(0, credential.indexOf(':'));
  const revoke = (credential: string) =>
    sim.dashboard.revokeToken({ tokenId: tokenIdOf(credential) });
  const answersTo = (credential: string) =>
    sim.calls().filter((call) => call.credential === credential);
  const call = async (channel: string, args: object) =>
    resultOf<RotationView>(await stack.call(channel, args));

  it('keeps project and role, proves the new token, and the old one revoked', async () => {
    const old = await trackNew();
    const waiting = await rotateUntilSettled(stack, accountId, old.token.id);
    expect(waiting).toMatchObject({ method: 'guided', status: 'needs-user', waitingFor: 'secret' });

    const pasted = generate();
    const verified = await call('rotation:provideSecret', {
      rotationId: waiting.rotationId,
      secret: pasted,
    });
    expect(verified).toMatchObject({ status: 'needs-user', waitingFor: 'revoke', error: null });
    expect(JSON.stringify(verified)).not.toContain(pasted);
    // Checked as an Owner of the project: the instance list of that project answered.
    expect(answersTo(pasted).at(-1)).toMatchObject({ route: 'listInstances', accepted: true });

    const early = await call('rotation:confirmRevoked', { rotationId: waiting.rotationId });
    expect(early).toMatchObject({ status: 'needs-user', waitingFor: 'revoke' });
    expect(early.error?.message).toContain('still works');

    revoke(old.secret);
    const done = await call('rotation:confirmRevoked', { rotationId: waiting.rotationId });
    expect(done.status).toBe('done');
    expect(answersTo(old.secret).at(-1)).toMatchObject({ accepted: false, status: 401 });

    const keychain = await keychainEntries(stack.secrets);
    expect([...keychain.entries()]).toEqual([[`${accountId}/${done.newTokenId}`, pasted]]);
    const inventory = resultOf<Array<{ tokens: TokenInfo[] }>>(
      await stack.call('tokens:inventory', {}),
    );
    expect(
      (inventory[0]?.tokens ?? []).map((t) => [t.id, t.name, t.prefix, t.project, t.role]),
    ).toEqual([
      [done.newTokenId, TOKEN_NAME, tokenIdOf(pasted).slice(0, 8), String(PROJECT), 'Owner'],
    ]);
    for (const secret of [old.secret, pasted]) {
      expect(await filesContaining(stack.dataDir, secret)).toEqual([]);
    }
  });

  it('drops a pasted token of another project or role and waits for a working one', async () => {
    const old = await trackNew();
    const waiting = await rotateUntilSettled(stack, accountId, old.token.id);
    for (const wrong of [generate('Owner', 4102), generate('Accounting')]) {
      const refused = await call('rotation:provideSecret', {
        rotationId: waiting.rotationId,
        secret: wrong,
      });
      expect(refused).toMatchObject({ status: 'needs-user', waitingFor: 'secret' });
      expect(refused.error).toMatchObject({ code: 'FORBIDDEN' });
      expect([...(await keychainEntries(stack.secrets)).values()]).toEqual([old.secret]);
    }
  });

  it('does not count an old token set Inactive as revoked', async () => {
    const old = await trackNew();
    const waiting = await rotateUntilSettled(stack, accountId, old.token.id);
    await call('rotation:provideSecret', { rotationId: waiting.rotationId, secret: generate() });
    sim.dashboard.setTokenStatus({ tokenId: tokenIdOf(old.secret), status: 'Inactive' });

    const view = await call('rotation:confirmRevoked', { rotationId: waiting.rotationId });
    expect(view).toMatchObject({ status: 'needs-user', waitingFor: 'revoke' });
    expect(view.error?.message).toContain('switched off');
    expect([...(await keychainEntries(stack.secrets)).values()]).toContain(old.secret);
  });

  describe('with failures injected at each service call', () => {
    guidedRotationFaultTests(() => ({
      stack,
      accountId,
      trackOld: trackNew,
      createReplacement: () => generate(),
      revoke,
      injectFailure: (failure) => sim.injectFailure(failure),
      clearFailures: () => sim.clearFailures(),
      failuresLeft: () => sim.state().failures.length,
      answersTo,
    }));
  });
});
