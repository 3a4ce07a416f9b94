import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import type { RotationPublisher } from './rotation-publisher';
import {
  filesWith,
  keychainOf,
  rotateAndSettle,
  rotationWorld,
  type RotationWorld,
} from './rotation-test-kit';

class FlakyKeychain extends MemorySecretStore {
  refuseSets = 0;
  override set(key: string, secret: string): Promise<void> {
    if (this.refuseSets > 0) {
      this.refuseSets -= 1;
      return Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'The keychain is locked.'));
    }
    return super.set(key, secret);
  }
}

describe('overlap rotation (api services)', () => {
  let w: RotationWorld;
  afterEach(() => w.t.cleanup());

  it('creates, stores, verifies, promotes and revokes: the keychain ends with the new secret only', async () => {
    w = await rotationWorld();
    const view = await rotateAndSettle(w);

    expect(view.status).toBe('done');
    expect(view.steps.map((s) => [s.step, s.state])).toEqual([
      ['intent', 'done'],
      ['create', 'done'],
      ['store', 'done'],
      ['verify', 'done'],
      ['publish', 'skipped'],
      ['promote', 'done'],
      ['revoke', 'done'],
    ]);
    const newId = view.newTokenId ?? '';
    const provider = w.t.provider;
    expect(provider.revoked).toEqual([w.tokenId]);
    const newToken = provider.tokens.get(newId);
    // Same settings, a name carrying the rotation marker.
    expect(newToken?.name).toMatch(/^ci-deploy-r[0-9a-f]{8}$/);
    expect(provider.lastCreate).toMatchObject({
      description: 'CI deploys',
      expiry: { kind: 'days', days: 30 },
      extended: false,
    });
    const keychain = await keychainOf(w.t.secrets, w.accountId);
    expect([...keychain.keys()].sort()).toEqual([newId, 'manage'].sort());
    expect(keychain.get(newId)).toBe(provider.secretOf(newId));

    const [inventory] = await w.t.core.inventory.snapshot();
    const ids = inventory?.tokens.map((t) => t.id) ?? [];
    expect(ids).toContain(newId);
    expect(ids).not.toContain(w.tokenId);
    expect(inventory?.tokens.find((t) => t.id === newId)).toMatchObject({
      hasSecret: true,
      lastVerifiedAt: expect.any(String) as string,
      leasedBy: null,
    });
  });

  it('journals, announces and audits every step without a secret anywhere on disk', async () => {
    w = await rotationWorld();
    const view = await rotateAndSettle(w);
    const newSecret = w.t.provider.secretOf(view.newTokenId ?? '') ?? 'missing';

    const progress = w.t.events.flatMap((e) =>
      e.event === 'rotation:progress' ? [e.payload] : [],
    );
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)?.status).toBe('done');
    expect(JSON.stringify(w.t.events)).not.toContain(newSecret);

    const journal = JSON.parse(
      await readFile(join(w.t.dataDir, 'rotations', `${view.rotationId}.json`), 'utf8'),
    ) as { status: string };
    expect(journal.status).toBe('done');

    const audit = (await readFile(join(w.t.dataDir, 'audit', 'audit.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, string>);
    expect(audit[0]).toMatchObject({ action: 'rotation.started', rotationId: view.rotationId });
    expect(audit.filter((e) => e.action === 'rotation.step')).toHaveLength(12);
    expect(audit.at(-1)).toMatchObject({ action: 'rotation.done', newTokenId: view.newTokenId });

    for (const secret of [newSecret, w.tokenSecret, w.credential ?? 'missing']) {
      expect(await filesWith(w.t.dataDir, secret)).toEqual([]);
    }
  });

  it('reveals the new secret exactly once', async () => {
    w = await rotationWorld();
    const view = await rotateAndSettle(w);
    expect(view.revealAvailable).toBe(true);
    const { secret } = await w.t.core.rotation.reveal(view.rotationId);
    expect(secret).toBe(w.t.provider.secretOf(view.newTokenId ?? ''));
    await expect(w.t.core.rotation.reveal(view.rotationId)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await w.t.core.rotation.view(view.rotationId)).revealAvailable).toBe(false);
  });

  it('rolls back when the service refuses the create: nothing new exists, the old stays', async () => {
    w = await rotationWorld();
    w.t.provider.failNext.create = 'REJECTED_BY_SERVICE';
    const view = await rotateAndSettle(w);

    expect(view.status).toBe('rolled-back');
    expect(view.error?.code).toBe('REJECTED_BY_SERVICE');
    expect(view.error?.message).toMatch(/^Fake refused to create the new token\. Injected/);
    expect(view.instruction).toBe('Nothing changed: “ci-deploy” is still the current token.');
    expect(w.t.provider.revoked).toEqual([]);
    expect(w.t.provider.tokens.has(w.tokenId)).toBe(true);
    expect((await keychainOf(w.t.secrets, w.accountId)).get(w.tokenId)).toBe(w.tokenSecret);
  });

  it('finds and revokes a token whose create answer was lost, by the marker in its name', async () => {
    w = await rotationWorld();
    w.t.provider.loseAnswer.create = 'TIMEOUT';
    const before = new Set(w.t.provider.tokens.keys());
    const view = await rotateAndSettle(w);

    expect(view.status).toBe('rolled-back');
    expect(view.newTokenId).toBeNull();
    const stray = w.t.provider.revoked;
    expect(stray).toHaveLength(1);
    expect(before.has(stray[0] ?? '')).toBe(false);
    expect([...w.t.provider.tokens.keys()].sort()).toEqual([...before].sort());
    expect(view.error?.message).toContain('gave no clear answer to creating the new token');
    expect(view.error?.message).toContain("found it in the service's list and revoked it");
  });

  it('watches for a token whose create timed out and landed later, and revokes it at a refresh', async () => {
    w = await rotationWorld();
    w.t.provider.failNext.create = 'TIMEOUT';
    const view = await rotateAndSettle(w);
    expect(view.status).toBe('rolled-back');
    expect(view.instruction).toContain('TokenDesk watches for it');
    expect(view.error?.message).toContain('looks for it at every refresh');

    // The service finishes the create after TokenDesk stopped waiting.
    const late = w.t.provider.seed(view.newTokenName);
    await w.t.core.inventory.refresh(w.accountId);
    expect(w.t.provider.revoked).toEqual([late.id]);
    const after = await w.t.core.rotation.view(view.rotationId);
    expect(after.instruction).toBe('Nothing changed: “ci-deploy” is still the current token.');
    expect(after.error?.message).toContain('completed the create later after all');
    expect(after.error?.message).not.toContain('looks for it at every refresh');

    // Accounted for: a later refresh leaves a token of the same name alone.
    const another = w.t.provider.seed(view.newTokenName);
    await w.t.core.inventory.refresh(w.accountId);
    expect(w.t.provider.revoked).not.toContain(another.id);
  });

  it('does not watch after a definite refusal of the create', async () => {
    w = await rotationWorld();
    w.t.provider.failNext.create = 'REJECTED_BY_SERVICE';
    const view = await rotateAndSettle(w);
    const stranger = w.t.provider.seed(view.newTokenName);
    await w.t.core.inventory.refresh(w.accountId);
    expect(w.t.provider.revoked).not.toContain(stranger.id);
  });

  it('revokes the new token again when the keychain refuses its secret', async () => {
    const secrets = new FlakyKeychain();
    w = await rotationWorld({ secrets });
    secrets.refuseSets = 3;
    const view = await rotateAndSettle(w);

    expect(view.status).toBe('rolled-back');
    expect(view.error?.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(w.t.provider.revoked).toEqual([view.newTokenId]);
    expect(w.t.provider.tokens.has(w.tokenId)).toBe(true);
  });

  it('rolls back when the new token does not verify: revoked, its secret dropped', async () => {
    w = await rotationWorld();
    w.t.provider.failNext.verify = 'AUTH_FAILED';
    const view = await rotateAndSettle(w);

    expect(view.status).toBe('rolled-back');
    expect(view.steps.find((s) => s.step === 'verify')?.state).toBe('failed');
    const newId = view.newTokenId ?? '';
    expect(w.t.provider.revoked).toEqual([newId]);
    const keychain = await keychainOf(w.t.secrets, w.accountId);
    expect(keychain.has(newId)).toBe(false);
    expect(keychain.get(w.tokenId)).toBe(w.tokenSecret);
    const [inventory] = await w.t.core.inventory.snapshot();
    expect(inventory?.tokens.map((t) => t.id)).not.toContain(newId);
  });

  it('leaves revoke-pending when the old token cannot be revoked, and finishes on retry', async () => {
    w = await rotationWorld();
    w.t.provider.failNext.revoke = 'SERVICE_ERROR';
    const view = await rotateAndSettle(w);

    expect(view).toMatchObject({ status: 'revoke-pending', canRetry: true });
    expect(view.instruction).toContain('ci-deploy');
    const newId = view.newTokenId ?? '';
    const keychain = await keychainOf(w.t.secrets, w.accountId);
    expect(keychain.get(newId)).toBe(w.t.provider.secretOf(newId));
    expect(keychain.get(w.tokenId)).toBe(w.tokenSecret);

    const retried = await w.t.core.rotation.retry(view.rotationId);
    expect(retried.status).toBe('done');
    expect(w.t.provider.revoked).toEqual([w.tokenId]);
    expect((await keychainOf(w.t.secrets, w.accountId)).has(w.tokenId)).toBe(false);
  });

  it('settles a revoke whose answer was lost by the service’s list: the old token is gone, done', async () => {
    w = await rotationWorld();
    w.t.provider.loseAnswer.revoke = 'UNREACHABLE';
    const view = await rotateAndSettle(w);
    expect(view.status).toBe('done');
    expect(w.t.provider.revoked).toContain(w.tokenId);
  });

  it('leaves a revoke pending when the answer was lost and the list still shows the token', async () => {
    w = await rotationWorld();
    w.t.provider.failNext.revoke = 'SERVICE_ERROR';
    const view = await rotateAndSettle(w);
    expect(view.status).toBe('revoke-pending');
    expect((await w.t.core.rotation.retry(view.rotationId)).status).toBe('done');
  });

  it('goes forward when promote fails (the new token is verified): needs-user, then retry', async () => {
    let refuse = true;
    const publisher: RotationPublisher = {
      targets: () => Promise.resolve([]),
      write: () => Promise.reject(new Error('no targets')),
      rebind: () => {
        if (!refuse) return Promise.resolve();
        refuse = false;
        return Promise.reject(new AppError('STORAGE_FAILED', 'The disk is full.'));
      },
    };
    w = await rotationWorld({ publisher });
    const view = await rotateAndSettle(w);
    expect(view).toMatchObject({ status: 'needs-user', waitingFor: 'retry', canCancel: false });
    expect(w.t.provider.revoked).toEqual([]);
    expect((await w.t.core.rotation.retry(view.rotationId)).status).toBe('done');
  });

  it('keeps the new secret when undoing fails, and finishes the undo on retry', async () => {
    w = await rotationWorld();
    w.t.provider.failNext.verify = 'AUTH_FAILED';
    w.t.provider.failNext.revoke = 'UNREACHABLE';
    const view = await rotateAndSettle(w);

    expect(view).toMatchObject({ status: 'needs-user', waitingFor: 'retry', canRetry: true });
    expect(view.error?.message).toContain('Undoing the rotation failed');
    const newId = view.newTokenId ?? '';
    expect((await keychainOf(w.t.secrets, w.accountId)).get(newId)).toBe(
      w.t.provider.secretOf(newId),
    );

    const retried = await w.t.core.rotation.retry(view.rotationId);
    expect(retried.status).toBe('rolled-back');
    expect(w.t.provider.tokens.has(newId)).toBe(false);
    expect((await keychainOf(w.t.secrets, w.accountId)).has(newId)).toBe(false);
  });

  it('refuses calls that do not fit the state', async () => {
    w = await rotationWorld();
    const view = await rotateAndSettle(w);
    const id = view.rotationId;
    await expect(w.t.core.rotation.retry(id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(w.t.core.rotation.cancel(id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(w.t.core.rotation.provideSecret(id, 'x')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(w.t.core.rotation.confirmRevoked(id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(w.t.core.rotation.retry('no-such-rotation')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses to rotate a token the service no longer lists', async () => {
    w = await rotationWorld();
    await expect(w.t.core.rotation.start(w.accountId, 'tok-unknown')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await w.t.core.rotation.list()).toEqual([]);
  });
});
