import { LATE_LANDING_MS } from './rotation-runner';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { secretKeys } from '../secrets/secret-store';
import {
  freezeAt,
  keychainOf,
  restart,
  rotateAndSettle,
  rotationWorld,
  type RotationWorld,
} from './rotation-test-kit';

class LockedKeychain extends MemorySecretStore {
  locked = false;
  override set(key: string, secret: string): Promise<void> {
    if (this.locked) return Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'Locked.'));
    return super.set(key, secret);
  }
}

describe('roll rotation (services with a native rotate, e.g. GitLab)', () => {
  const worlds: RotationWorld[] = [];
  async function world(options: Parameters<typeof rotationWorld>[0] = {}) {
    const w = await rotationWorld({ mode: 'roll', ...options });
    worlds.push(w);
    return w;
  }
  afterEach(async () => {
    for (const w of worlds.splice(0)) await w.t.cleanup();
  });
  const rolls = (w: RotationWorld) => w.t.provider.calls.filter((c) => c.operation === 'roll');

  it('rolls once, keeps the returned secret, proves the old one dead and ends done', async () => {
    const w = await world();
    const view = await rotateAndSettle(w);

    expect(view).toMatchObject({ status: 'done', method: 'roll', newTokenName: 'ci-deploy' });
    expect(rolls(w)).toHaveLength(1);
    const newId = view.newTokenId ?? '';
    const keychain = await keychainOf(w.t.secrets, w.accountId);
    expect([...keychain.keys()].sort()).toEqual([newId, 'manage'].sort());
    expect(keychain.get(newId)).toBe(w.t.provider.secretOf(newId));
    // The old secret was tried (and refused) before it was forgotten; no revoke was needed.
    const verifies = w.t.provider.calls.filter((c) => c.operation === 'verify');
    expect(verifies).toHaveLength(2);
    expect(w.t.provider.calls.filter((c) => c.operation === 'revoke')).toEqual([]);
  });

  it('ends rolled-back, unchanged, when the service refused the roll', async () => {
    const w = await world();
    w.t.provider.failNext.roll = 'FORBIDDEN';
    const view = await rotateAndSettle(w);

    expect(view.status).toBe('rolled-back');
    expect(rolls(w)).toHaveLength(1);
    expect(w.t.provider.tokens.has(w.tokenId)).toBe(true);
    expect((await keychainOf(w.t.secrets, w.accountId)).get(w.tokenId)).toBe(w.tokenSecret);
  });

  it('reports a definite 401 refusal of the roll as refused, never as a lost answer', async () => {
    const w = await world();
    w.t.provider.failNext.roll = 'AUTH_FAILED';
    const view = await rotateAndSettle(w);

    expect(view.status).toBe('rolled-back');
    expect(view.error?.code).toBe('AUTH_FAILED');
    expect(view.error?.message).toMatch(
      /refused the roll\. Injected AUTH_FAILED\. Nothing changed/,
    );
    expect(view.error?.message).not.toMatch(/answer/);
    expect(rolls(w)).toHaveLength(1);
    expect(w.t.provider.tokens.has(w.tokenId)).toBe(true);
  });

  it('finds a roll that landed after the client gave up at the next refresh, and rolls its orphan once', async () => {
    const w = await world();
    w.t.provider.failNext.roll = 'TIMEOUT';
    const open = await rotateAndSettle(w);
    expect(open).toMatchObject({ status: 'needs-user', waitingFor: 'retry' });
    expect(open.error?.message).toContain('never rolls twice');

    // The service finishes the roll later: the old token is revoked, a new one (no secret) lives.
    const { secret: _secret, ...old } = w.t.provider.tokens.get(w.tokenId) ?? { secret: '' };
    w.t.provider.tokens.delete(w.tokenId);
    w.t.provider.revoked.push(w.tokenId);
    const orphan = w.t.provider.seed('ci-deploy', { ...old });

    await w.t.core.inventory.refresh(w.accountId);
    const done = await w.t.core.rotation.whenSettled(open.rotationId);
    expect(done.status).toBe('done');
    // The first roll went out once; the orphan was rolled once with the account's credential.
    expect(rolls(w).map((call) => call.tokenId)).toEqual([w.tokenId, orphan.id]);
    const keychain = await keychainOf(w.t.secrets, w.accountId);
    expect(keychain.get(done.newTokenId ?? '')).toBe(w.t.provider.secretOf(done.newTokenId ?? ''));
    expect(w.t.provider.revoked).toContain(orphan.id);
  });

  it('never sends the old secret again when the answer was lost: it rolls the orphan instead', async () => {
    const w = await world();
    w.t.provider.loseAnswer.roll = 'TIMEOUT';
    const view = await rotateAndSettle(w);

    expect(view.status).toBe('done');
    const [first, second] = rolls(w);
    expect(rolls(w)).toHaveLength(2);
    expect(first).toMatchObject({ tokenId: w.tokenId, credential: w.credential });
    // The orphan of the lost answer, rolled with the account's credential, never the dead secret.
    expect(second?.tokenId).not.toBe(w.tokenId);
    expect(second?.credential).toBe(w.credential);
    expect(w.t.provider.tokens.has(second?.tokenId ?? '')).toBe(false);

    const newId = view.newTokenId ?? '';
    const keychain = await keychainOf(w.t.secrets, w.accountId);
    expect([...keychain.entries()].sort()).toEqual(
      [
        [newId, w.t.provider.secretOf(newId)],
        ['manage', w.credential],
      ].sort(),
    );
    const live = [...w.t.provider.tokens.keys()].filter((id) => id !== newId);
    expect(live).toHaveLength(1); // the management credential only
  });

  it('asks the user when the lost roll left more than one candidate: it never guesses', async () => {
    const frozen = freezeAt('call:rollToken');
    const w = await world({ checkpoint: frozen.checkpoint });
    void w.t.core.rotation.start(w.accountId, w.tokenId);
    await frozen.reached;
    // While TokenDesk is down, the service rolls the token and the user makes a same-named one.
    w.t.provider.tokens.delete(w.tokenId);
    const orphan = w.t.provider.seed('ci-deploy');
    const usersOwn = w.t.provider.seed('ci-deploy');

    const t = await restart(w);
    await t.core.rotation.recover();
    const [view] = await t.core.rotation.list();
    expect(view).toMatchObject({ status: 'needs-user', waitingFor: 'action' });
    expect(view?.instruction).toContain('nobody holds its secret');
    expect(w.t.provider.tokens.has(orphan.id)).toBe(true);
    expect(w.t.provider.tokens.has(usersOwn.id)).toBe(true);
    expect(rolls(w)).toHaveLength(0);
  });

  it('goes forward, never back, when verify fails after the roll', async () => {
    const w = await world();
    w.t.provider.failNext.verify = 'UNREACHABLE';
    const view = await rotateAndSettle(w);

    expect(view).toMatchObject({ status: 'needs-user', waitingFor: 'retry', canCancel: false });
    const newId = view.newTokenId ?? '';
    expect((await keychainOf(w.t.secrets, w.accountId)).get(newId)).toBe(
      w.t.provider.secretOf(newId),
    );
    expect(w.t.provider.tokens.has(newId)).toBe(true);

    expect((await w.t.core.rotation.retry(view.rotationId)).status).toBe('done');
    expect(rolls(w)).toHaveLength(1);
  });

  it.each(['publish', 'promote'])(
    'stops forward only (no cancel) when %s fails after the roll',
    async (step) => {
      let failing = true;
      const w = await world({
        publisher: {
          targets: () =>
            Promise.resolve(
              step === 'publish'
                ? [{ targetId: 'ci', label: 'octo/app · CI', kind: 'dotenv' }]
                : [],
            ),
          write: () =>
            Promise.resolve(
              failing
                ? {
                    ok: false,
                    mayHaveChanged: false,
                    error: { code: 'SERVICE_ERROR', message: 'down' },
                  }
                : { ok: true },
            ),
          rebind: () =>
            failing && step === 'promote'
              ? Promise.reject(new AppError('STORAGE_FAILED', 'The disk is full.'))
              : Promise.resolve(),
        },
      });
      const view = await rotateAndSettle(w);
      expect(view).toMatchObject({
        status: 'needs-user',
        phase: 'stopped-forward-only',
        // A target that did not take the new secret is the user's to fix; a promote, a retry's.
        waitingFor: step === 'publish' ? 'action' : 'retry',
        canCancel: false,
        canRetry: true,
      });
      expect(w.t.provider.tokens.has(view.newTokenId ?? '')).toBe(true);
      failing = false;
      expect((await w.t.core.rotation.retry(view.rotationId)).status).toBe('done');
      expect(rolls(w)).toHaveLength(1);
    },
  );

  it('keeps the secret in memory and offers it once when the keychain refuses it', async () => {
    const secrets = new LockedKeychain();
    const w = await world({ secrets });
    secrets.locked = true;
    const view = await rotateAndSettle(w);

    expect(view).toMatchObject({
      status: 'needs-user',
      waitingFor: 'retry',
      revealAvailable: true,
    });
    // It must not claim the keychain holds what it refused.
    expect(view.instruction).toContain('held in memory until the keychain takes it');
    expect(view.instruction).not.toContain('is in the keychain');
    const { secret } = await w.t.core.rotation.reveal(view.rotationId);
    expect(secret).toBe(w.t.provider.secretOf(view.newTokenId ?? ''));

    secrets.locked = false;
    expect((await w.t.core.rotation.retry(view.rotationId)).status).toBe('done');
    expect(await secrets.get(secretKeys.token(w.accountId, view.newTokenId ?? ''))).toBe(secret);
  });

  it('does not roll after a crash just before the roll, and waits out a late landing before “nothing changed”', async () => {
    const frozen = freezeAt('call:rollToken');
    const w = await world({ checkpoint: frozen.checkpoint });
    void w.t.core.rotation.start(w.accountId, w.tokenId);
    await frozen.reached;

    // The journal cannot tell whether the roll left: while it might still land, it stays open.
    const t = await restart(w);
    await t.core.rotation.recover();
    const [open] = await t.core.rotation.list();
    expect(open).toMatchObject({ status: 'needs-user', waitingFor: 'retry', canRetry: true });
    expect(open?.error?.message).toContain(
      'still works: the service has not rolled it, or not yet',
    );
    expect(rolls(w)).toHaveLength(0);

    const later = new Date(Date.now() + LATE_LANDING_MS + 60_000);
    const t2 = await restart(w, { clock: { now: () => later } });
    const settled = await t2.core.rotation.retry(open?.rotationId ?? '');
    expect(settled.status).toBe('rolled-back');
    expect(rolls(w)).toHaveLength(0);
    expect(w.t.provider.tokens.has(w.tokenId)).toBe(true);
  });

  it('carries on with the secret that reached the keychain before a crash', async () => {
    const frozen = freezeAt('create:stored');
    const w = await world({ checkpoint: frozen.checkpoint });
    void w.t.core.rotation.start(w.accountId, w.tokenId);
    await frozen.reached;

    const t = await restart(w);
    await t.core.rotation.recover();
    const [view] = await t.core.rotation.list();
    expect(view?.status).toBe('done');
    expect(rolls(w)).toHaveLength(1);
    const keychain = await keychainOf(w.t.secrets, w.accountId);
    expect(keychain.get(view?.newTokenId ?? '')).toBe(
      w.t.provider.secretOf(view?.newTokenId ?? ''),
    );
  });

  it('recovers a crash between the answer and the keychain by rolling the orphan once', async () => {
    const frozen = freezeAt('create:response');
    const w = await world({ checkpoint: frozen.checkpoint });
    void w.t.core.rotation.start(w.accountId, w.tokenId);
    await frozen.reached;

    const t = await restart(w);
    await t.core.rotation.recover();
    const [view] = await t.core.rotation.list();
    expect(view?.status).toBe('done');
    expect(rolls(w)).toHaveLength(2);
    const newId = view?.newTokenId ?? '';
    expect(await t.secrets.get(secretKeys.token(w.accountId, newId))).toBe(
      w.t.provider.secretOf(newId),
    );
  });

  it('switches the management credential after a roll of it', async () => {
    const w = await world();
    const [inventory] = await w.t.core.inventory.snapshot();
    const oldId = inventory?.tokens.find((t) => t.isManagementCredential)?.id ?? '';
    const { rotationId } = await w.t.core.rotation.start(w.accountId, oldId);
    const view = await w.t.core.rotation.whenSettled(rotationId);

    expect(view.status).toBe('done');
    const manage = await w.t.secrets.get(secretKeys.management(w.accountId));
    expect(manage).toBe(w.t.provider.secretOf(view.newTokenId ?? ''));
    expect((await w.t.core.inventory.refresh(w.accountId))[0]?.state).toBe('ok');
  });
});
