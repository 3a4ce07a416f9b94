import { afterEach, describe, expect, it } from 'vitest';
import { secretKeys } from '../secrets/secret-store';
import { MemoryClipboard } from '../test-support/memory-clipboard';
import { addFakeAccount } from '../test-support/test-core';
import {
  freezeAt,
  keychainOf,
  restart,
  rotateAndSettle,
  rotationWorld,
  type RotationWorld,
} from './rotation-test-kit';

describe('rotation rules', () => {
  const worlds: RotationWorld[] = [];
  async function world(options: Parameters<typeof rotationWorld>[0] = {}) {
    const w = await rotationWorld(options);
    worlds.push(w);
    return w;
  }
  afterEach(async () => {
    for (const w of worlds.splice(0)) await w.t.cleanup();
  });

  async function managementTokenId(w: RotationWorld): Promise<string> {
    const [inventory] = await w.t.core.inventory.snapshot();
    const management = inventory?.tokens.find((t) => t.isManagementCredential);
    if (management === undefined) throw new Error('no management token');
    return management.id;
  }

  it('switches the account to a new management credential and revokes the old with the new', async () => {
    const w = await world();
    const oldId = await managementTokenId(w);
    const oldCredential = w.credential ?? '';
    const { rotationId } = await w.t.core.rotation.start(w.accountId, oldId);
    const view = await w.t.core.rotation.whenSettled(rotationId);

    expect(view).toMatchObject({ status: 'done', isManagementCredential: true });
    const newId = view.newTokenId ?? '';
    const newCredential = w.t.provider.secretOf(newId);
    expect(await w.t.secrets.get(secretKeys.management(w.accountId))).toBe(newCredential);
    expect(w.t.provider.tokens.has(oldId)).toBe(false);
    const revoke = w.t.provider.calls.find((c) => c.operation === 'revoke');
    expect(revoke).toMatchObject({ tokenId: oldId, credential: newCredential });
    // Neither the old credential nor a stray pending entry is left behind.
    const keychain = await keychainOf(w.t.secrets, w.accountId);
    expect([...keychain.values()]).not.toContain(oldCredential);
    expect(keychain.has(newId)).toBe(false);

    const [inventory] = await w.t.core.inventory.refresh(w.accountId);
    expect(inventory?.state).toBe('ok');
    expect(inventory?.tokens.find((t) => t.isManagementCredential)?.id).toBe(newId);
  });

  it('copies the new management credential from its management key after the switch', async () => {
    const clipboard = new MemoryClipboard();
    const w = await world({ clipboard });
    const { rotationId } = await w.t.core.rotation.start(w.accountId, await managementTokenId(w));
    const view = await w.t.core.rotation.whenSettled(rotationId);
    const newId = view.newTokenId ?? '';

    await w.t.core.secrets.copy(w.accountId, newId);
    expect(clipboard.written).toEqual([w.t.provider.secretOf(newId)]);
    await expect(w.t.core.secrets.copy(w.accountId, 'no-such-token')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it.each(['promote:previous-kept', 'promote:manage-switched', 'promote:keychain'])(
    'finishes a management switch cut off at %s',
    async (point) => {
      const frozen = freezeAt(point);
      const w = await world({ checkpoint: frozen.checkpoint });
      const oldId = await managementTokenId(w);
      void w.t.core.rotation.start(w.accountId, oldId);
      await frozen.reached;

      const t = await restart(w);
      await t.core.rotation.recover();
      const [view] = await t.core.rotation.list();
      expect(view?.status).toBe('done');
      const newCredential = w.t.provider.secretOf(view?.newTokenId ?? '');
      expect(await w.t.secrets.get(secretKeys.management(w.accountId))).toBe(newCredential);
      expect(w.t.provider.tokens.has(oldId)).toBe(false);
      expect((await keychainOf(w.t.secrets, w.accountId)).size).toBe(2);
    },
  );

  it('refuses a second rotation of the same token: the first holds it', async () => {
    const w = await world();
    const first = freezeAt('verify:started');
    const t = await restart(w, { checkpoint: first.checkpoint });
    await t.core.rotation.start(w.accountId, w.tokenId);
    await first.reached;
    await expect(t.core.rotation.start(w.accountId, w.tokenId)).rejects.toMatchObject({
      code: 'ROTATION_UNFINISHED',
    });
  });

  it('refuses two clicks at once on the same token: one starts, the other is refused by its lease', async () => {
    const w = await world();
    const results = await Promise.allSettled([
      w.t.core.rotation.start(w.accountId, w.tokenId),
      w.t.core.rotation.start(w.accountId, w.tokenId),
    ]);
    const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(started).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'ROTATION_UNFINISHED' });
    expect((await w.t.core.rotation.whenSettled(started[0]?.rotationId ?? '')).status).toBe('done');
  });

  it('rotates tokens of different accounts in parallel', async () => {
    const w = await world();
    const other = await addFakeAccount(w.t, 'Other');
    const created = await w.t.core.tokens.create({
      accountId: other.accountId,
      name: 'other-ci',
      expiry: { kind: 'never' },
    });
    const [a, b] = await Promise.all([
      w.t.core.rotation.start(w.accountId, w.tokenId),
      w.t.core.rotation.start(other.accountId, created.token.id),
    ]);
    const views = await Promise.all([
      w.t.core.rotation.whenSettled(a.rotationId),
      w.t.core.rotation.whenSettled(b.rotationId),
    ]);
    expect(views.map((v) => v.status)).toEqual(['done', 'done']);
  });

  it('refuses a management rotation while another rotation of the account is unfinished', async () => {
    const w = await world();
    w.t.provider.failNext.revoke = 'UNREACHABLE';
    const pending = await rotateAndSettle(w);
    expect(pending.status).toBe('revoke-pending');
    await expect(
      w.t.core.rotation.start(w.accountId, await managementTokenId(w)),
    ).rejects.toMatchObject({ code: 'ROTATION_UNFINISHED' });
  });

  it('refuses, before anything exists, a rotation that would need a token over the cap', async () => {
    const w = await world({ maxActive: 4 });
    w.t.provider.seed('idle-one', { lastUsedAt: '2025-03-01T00:00:00.000Z' });
    w.t.provider.seed('busy-one', { lastUsedAt: '2026-01-05T00:00:00.000Z' });
    await w.t.core.inventory.refresh(w.accountId);
    const creates = w.t.provider.calls.filter((c) => c.operation === 'create').length;

    const refusal = w.t.core.rotation.start(w.accountId, w.tokenId);
    await expect(refusal).rejects.toMatchObject({ code: 'CONFLICT' });
    // Never the token being rotated, nor TokenDesk's own credential (both never used here).
    const message = await refusal.catch((error: Error) => error.message);
    expect(message).toContain('at most 4 active tokens');
    expect(message).toContain('Revoke “idle-one” (last used 2025-03-01');
    expect(message).not.toContain('“management”');
    expect(message).not.toContain('“ci-deploy”');
    expect(w.t.provider.calls.filter((c) => c.operation === 'create')).toHaveLength(creates);
    expect(await w.t.core.rotation.list()).toEqual([]);
  });

  it('names the least recently used token when all were used', async () => {
    const w = await world({ maxActive: 3 });
    for (const token of w.t.provider.tokens.values()) token.lastUsedAt = '2026-01-10T00:00:00Z';
    w.t.provider.seed('stale', { lastUsedAt: '2025-12-01T00:00:00.000Z' });
    await expect(w.t.core.rotation.start(w.accountId, w.tokenId)).rejects.toThrow(
      /Revoke “stale” \(last used 2025-12-01/,
    );
  });

  it('rotates when the account is below the cap', async () => {
    const w = await world({ maxActive: 3 });
    expect((await rotateAndSettle(w)).status).toBe('done');
  });
});
