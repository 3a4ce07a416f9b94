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

  it('never rolls twice when the answer was lost; says plainly the secret is lost', async () => {
    const w = await world();
    w.t.provider.loseAnswer.roll = 'TIMEOUT';
    const view = await rotateAndSettle(w);

    expect(view).toMatchObject({ status: 'needs-user', waitingFor: 'action', canRetry: true });
    expect(view.instruction).toContain('nobody holds its secret');
    expect(rolls(w)).toHaveLength(1);

    const retried = await w.t.core.rotation.retry(view.rotationId);
    expect(retried.status).toBe('needs-user');
    await (await restart(w)).core.rotation.recover();
    expect(rolls(w)).toHaveLength(1);
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
    'stops forward (needs-user, retry) when %s fails after the roll',
    async (step) => {
      let failing = true;
      const w = await world({
        publisher: {
          publish: () =>
            Promise.resolve(
              failing && step === 'publish' ? [{ targetId: 'ci', ok: false, error: 'down' }] : [],
            ),
          rebind: () =>
            failing && step === 'promote'
              ? Promise.reject(new AppError('STORAGE_FAILED', 'The disk is full.'))
              : Promise.resolve(),
        },
      });
      const view = await rotateAndSettle(w);
      expect(view).toMatchObject({ status: 'needs-user', waitingFor: 'retry', canCancel: false });
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
    const { secret } = await w.t.core.rotation.reveal(view.rotationId);
    expect(secret).toBe(w.t.provider.secretOf(view.newTokenId ?? ''));

    secrets.locked = false;
    expect((await w.t.core.rotation.retry(view.rotationId)).status).toBe('done');
    expect(await secrets.get(secretKeys.token(w.accountId, view.newTokenId ?? ''))).toBe(secret);
  });

  it('does not roll after a crash just before the roll: the old token is unchanged', async () => {
    const frozen = freezeAt('call:rollToken');
    const w = await world({ checkpoint: frozen.checkpoint });
    void w.t.core.rotation.start(w.accountId, w.tokenId);
    await frozen.reached;

    const t = await restart(w);
    await t.core.rotation.recover();
    const [view] = await t.core.rotation.list();
    expect(view?.status).toBe('rolled-back');
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

  it('reports the secret lost after a crash between the answer and the keychain', async () => {
    const frozen = freezeAt('create:response');
    const w = await world({ checkpoint: frozen.checkpoint });
    void w.t.core.rotation.start(w.accountId, w.tokenId);
    await frozen.reached;

    const t = await restart(w);
    await t.core.rotation.recover();
    const [view] = await t.core.rotation.list();
    expect(view).toMatchObject({ status: 'needs-user', waitingFor: 'action' });
    expect(rolls(w)).toHaveLength(1);
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
