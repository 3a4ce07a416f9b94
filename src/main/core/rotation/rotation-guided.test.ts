import { afterEach, describe, expect, it } from 'vitest';
import {
  freezeAt,
  keychainOf,
  restart,
  rotateAndSettle,
  rotationWorld,
  type RotationWorld,
} from './rotation-test-kit';

describe('guided rotation (tokens made in the service dashboard)', () => {
  const worlds: RotationWorld[] = [];
  async function world(options: Parameters<typeof rotationWorld>[0] = {}) {
    const w = await rotationWorld({ guided: true, ...options });
    worlds.push(w);
    return w;
  }
  afterEach(async () => {
    for (const w of worlds.splice(0)) await w.t.cleanup();
  });

  /** What the user does in the dashboard: create a token, read its secret once. */
  const createInDashboard = (w: RotationWorld) => w.t.provider.seed('ci-deploy').secret;
  const revokeInDashboard = (w: RotationWorld, secret: string) => {
    for (const [id, token] of w.t.provider.tokens)
      if (token.secret === secret) w.t.provider.tokens.delete(id);
  };

  it('waits for the paste, verifies, promotes, then proves the old token dead before done', async () => {
    const w = await world();
    const waiting = await rotateAndSettle(w);
    expect(waiting).toMatchObject({ status: 'needs-user', waitingFor: 'secret', canCancel: true });
    expect(waiting.instruction).toContain('“ci-deploy”');
    expect(waiting.instruction).toContain('project “p1”');
    expect(waiting.tokenPageUrl).toBe('https://dashboard.example.com/tokens');

    const secret = createInDashboard(w);
    const promoted = await w.t.core.rotation.provideSecret(waiting.rotationId, secret);
    expect(promoted).toMatchObject({ status: 'needs-user', waitingFor: 'revoke' });
    expect(promoted.revealAvailable).toBe(false);
    const newId = promoted.newTokenId ?? '';

    // Not revoked yet in the dashboard: the old secret still works, so it is not done.
    const early = await w.t.core.rotation.confirmRevoked(waiting.rotationId);
    expect(early).toMatchObject({ status: 'needs-user', waitingFor: 'revoke' });
    expect(early.error?.message).toContain('still works');

    revokeInDashboard(w, w.tokenSecret);
    const done = await w.t.core.rotation.confirmRevoked(waiting.rotationId);
    expect(done.status).toBe('done');
    const keychain = await keychainOf(w.t.secrets, w.accountId);
    expect([...keychain.entries()]).toEqual([[newId, secret]]);
    const [inventory] = await w.t.core.inventory.snapshot();
    expect(inventory?.tokens.map((t) => [t.id, t.project, t.role])).toEqual([
      [newId, 'p1', 'Owner'],
    ]);
  });

  it('announces what the user may do once a run stops for them, not only while it runs', async () => {
    const w = await world();
    const waiting = await rotateAndSettle(w);
    const views = w.t.events.flatMap((e) => (e.event === 'rotation:progress' ? [e.payload] : []));
    expect(views.at(-1)).toMatchObject({
      rotationId: waiting.rotationId,
      status: 'needs-user',
      canCancel: true,
    });
    expect(views.at(-1)?.instruction).toContain('“ci-deploy”');
  });

  it('does not take a switched-off old token for a revoked one: it can be switched on again', async () => {
    const w = await world();
    const waiting = await rotateAndSettle(w);
    await w.t.core.rotation.provideSecret(waiting.rotationId, createInDashboard(w));
    const old = [...w.t.provider.tokens.values()].find((t) => t.secret === w.tokenSecret);
    if (old === undefined) throw new Error('the old token is gone');
    old.status = 'inactive';

    const switchedOff = await w.t.core.rotation.confirmRevoked(waiting.rotationId);
    expect(switchedOff).toMatchObject({ status: 'needs-user', waitingFor: 'revoke' });
    expect(switchedOff.error?.message).toContain('only switched off');
    expect([...(await keychainOf(w.t.secrets, w.accountId)).values()]).toContain(w.tokenSecret);

    revokeInDashboard(w, w.tokenSecret);
    expect((await w.t.core.rotation.confirmRevoked(waiting.rotationId)).status).toBe('done');
  });

  it('refuses a pasted secret that does not work, and the old secret pasted back', async () => {
    const w = await world();
    const waiting = await rotateAndSettle(w);

    const bad = await w.t.core.rotation.provideSecret(waiting.rotationId, 'not-a-real-token-xyz');
    expect(bad).toMatchObject({ status: 'needs-user', waitingFor: 'secret' });
    expect(bad.error?.code).toBe('AUTH_FAILED');

    const old = await w.t.core.rotation.provideSecret(waiting.rotationId, w.tokenSecret);
    expect(old).toMatchObject({ status: 'needs-user', waitingFor: 'secret' });
    expect(old.error?.message).toContain('old token');
    expect([...(await keychainOf(w.t.secrets, w.accountId)).keys()]).toEqual([w.tokenId]);

    const good = await w.t.core.rotation.provideSecret(waiting.rotationId, createInDashboard(w));
    expect(good.waitingFor).toBe('revoke');
  });

  it('keeps the pasted secret when the check cannot reach the service; retry goes on', async () => {
    const w = await world();
    const waiting = await rotateAndSettle(w);
    w.t.provider.failNext.verify = 'UNREACHABLE';
    const stuck = await w.t.core.rotation.provideSecret(waiting.rotationId, createInDashboard(w));
    expect(stuck).toMatchObject({ status: 'needs-user', waitingFor: 'retry' });
    expect((await keychainOf(w.t.secrets, w.accountId)).size).toBe(2);
    const retried = await w.t.core.rotation.retry(waiting.rotationId);
    expect(retried.waitingFor).toBe('revoke');
  });

  it('cancels while waiting for the paste, leaving the old token current', async () => {
    const w = await world();
    const waiting = await rotateAndSettle(w);
    const cancelled = await w.t.core.rotation.cancel(waiting.rotationId);
    expect(cancelled.status).toBe('rolled-back');
    expect([...(await keychainOf(w.t.secrets, w.accountId)).keys()]).toEqual([w.tokenId]);
  });

  it('cannot be cancelled once the new token is in use', async () => {
    const w = await world();
    const waiting = await rotateAndSettle(w);
    await w.t.core.rotation.provideSecret(waiting.rotationId, createInDashboard(w));
    await expect(w.t.core.rotation.cancel(waiting.rotationId)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('keeps waiting across a restart without asking twice', async () => {
    const w = await world();
    const waiting = await rotateAndSettle(w);
    const secret = createInDashboard(w);
    await w.t.core.rotation.provideSecret(waiting.rotationId, secret);

    const t = await restart(w);
    await t.core.rotation.recover();
    const [view] = await t.core.rotation.list();
    expect(view).toMatchObject({ status: 'needs-user', waitingFor: 'revoke' });
    revokeInDashboard(w, w.tokenSecret);
    expect((await t.core.rotation.confirmRevoked(waiting.rotationId)).status).toBe('done');
  });

  it('goes forward after a crash once the pasted secret is in the keychain', async () => {
    const frozen = freezeAt('verify:started');
    const w = await world({ checkpoint: frozen.checkpoint });
    const waiting = await rotateAndSettle(w);
    void w.t.core.rotation.provideSecret(waiting.rotationId, createInDashboard(w));
    await frozen.reached;

    const t = await restart(w);
    await t.core.rotation.recover();
    const [view] = await t.core.rotation.list();
    expect(view).toMatchObject({ status: 'needs-user', waitingFor: 'revoke' });
  });

  it('refuses, naming the least recently used token, when the account is at its cap', async () => {
    const w = await world({ maxActive: 2 });
    const other = w.t.provider.seed('other');
    await w.t.core.tracking.track({
      accountId: w.accountId,
      name: 'other',
      secret: other.secret,
      project: 'p1',
      role: 'Owner',
    });
    await expect(w.t.core.rotation.start(w.accountId, w.tokenId)).rejects.toThrow(
      /at most 2 active tokens.*Revoke “other”/,
    );
  });
});
