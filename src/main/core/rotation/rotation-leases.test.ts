import { afterEach, describe, expect, it } from 'vitest';
import type { RotationView } from '../../../shared/model';
import { addFakeAccount } from '../test-support/test-core';
import {
  freezeAt,
  restart,
  rotateAndSettle,
  rotationWorld,
  type RotationWorld,
} from './rotation-test-kit';

const dotenv = { kind: 'dotenv', path: '~/app/.env', key: 'CI_TOKEN' } as const;

describe('leases: an unfinished rotation holds its token and account', () => {
  const worlds: RotationWorld[] = [];
  afterEach(async () => {
    for (const w of worlds.splice(0)) await w.t.cleanup();
  });

  /** A rotation left in revoke-pending: unfinished, both the old and the new token exist. */
  async function heldWorld(): Promise<{ w: RotationWorld; view: RotationView }> {
    const w = await rotationWorld();
    worlds.push(w);
    w.t.provider.failNext.revoke = 'UNREACHABLE';
    const view = await rotateAndSettle(w);
    expect(view.status).toBe('revoke-pending');
    return { w, view };
  }

  const refusal = { code: 'ROTATION_UNFINISHED' };
  const reason = /rotation of “ci-deploy” is unfinished\. Finish or cancel it under Rotations/;

  it.each([
    ['revoke', (w: RotationWorld, id: string) => w.t.core.tokens.revoke(w.accountId, id)],
    ['rename', (w: RotationWorld, id: string) => w.t.core.tokens.rename(w.accountId, id, 'x')],
    [
      'deactivate',
      (w: RotationWorld, id: string) => w.t.core.tokens.setStatus(w.accountId, id, 'inactive'),
    ],
    [
      'bind a publish target',
      (w: RotationWorld, id: string) => w.t.core.publishing.add(w.accountId, id, dotenv),
    ],
    [
      'remove a publish target',
      (w: RotationWorld, id: string) => w.t.core.publishing.remove(w.accountId, id, 'pub-1'),
    ],
    ['publish', (w: RotationWorld, id: string) => w.t.core.publishing.run(w.accountId, id)],
    ['rotate again', (w: RotationWorld, id: string) => w.t.core.rotation.start(w.accountId, id)],
  ])('refuses to %s the old or the new token, naming the rotation', async (_, act) => {
    const { w, view } = await heldWorld();
    for (const tokenId of [view.oldTokenId, view.newTokenId ?? '']) {
      const attempt = act(w, tokenId);
      await expect(attempt).rejects.toMatchObject(refusal);
      await expect(attempt).rejects.toThrow(reason);
    }
  });

  it('refuses to remove the account or change its credential', async () => {
    const { w } = await heldWorld();
    const remove = w.t.core.accounts.remove(w.accountId);
    await expect(remove).rejects.toMatchObject(refusal);
    await expect(remove).rejects.toThrow(reason);
    const credential = w.t.core.accounts.setCredential(w.accountId, w.credential ?? '');
    await expect(credential).rejects.toMatchObject(refusal);
    expect(await w.t.core.accounts.list()).toHaveLength(1);
  });

  it('refuses to forget a tracked token whose guided rotation waits for the new secret', async () => {
    const w = await rotationWorld({ guided: true });
    worlds.push(w);
    const { rotationId } = await w.t.core.rotation.start(w.accountId, w.tokenId);
    expect((await w.t.core.rotation.whenSettled(rotationId)).waitingFor).toBe('secret');
    const forget = w.t.core.tracking.forget(w.accountId, w.tokenId);
    await expect(forget).rejects.toMatchObject(refusal);
    await expect(forget).rejects.toThrow(reason);
  });

  it('leaves other tokens and other accounts free', async () => {
    const { w } = await heldWorld();
    const other = await w.t.core.tokens.create({
      accountId: w.accountId,
      name: 'other',
      expiry: { kind: 'never' },
    });
    await w.t.core.tokens.revoke(w.accountId, other.token.id);
    const second = await addFakeAccount(w.t, 'Second');
    await w.t.core.accounts.remove(second.accountId);
    expect((await w.t.core.accounts.list()).map((a) => a.id)).toEqual([w.accountId]);
  });

  it('shows the lease on the tokens and the account, and gives it back when the rotation ends', async () => {
    const { w, view } = await heldWorld();
    const lease = { rotationId: view.rotationId, tokenName: 'ci-deploy' };
    const [held] = await w.t.core.inventory.snapshot();
    expect(held?.leasedBy).toEqual(lease);
    expect(held?.tokens.find((t) => t.id === view.newTokenId)?.leasedBy).toEqual(lease);
    expect(held?.tokens.find((t) => t.isManagementCredential)?.leasedBy).toBeNull();

    await w.t.core.rotation.retry(view.rotationId);
    const [free] = await w.t.core.inventory.snapshot();
    expect(free?.leasedBy).toBeNull();
    expect(free?.tokens.every((t) => t.leasedBy === null)).toBe(true);
    const announced = w.t.events.filter((e) => e.event === 'inventory:changed').at(-1);
    expect(announced?.payload).toMatchObject({ leasedBy: null });
    await w.t.core.tokens.revoke(w.accountId, view.newTokenId ?? '');
  });

  it('knows the leases of rotations journaled before a restart', async () => {
    const { w, view } = await heldWorld();
    const t = await restart(w);
    await expect(t.core.tokens.revoke(w.accountId, view.oldTokenId)).rejects.toMatchObject(refusal);
    const [inventory] = await t.core.inventory.snapshot();
    expect(inventory?.leasedBy).toMatchObject({ rotationId: view.rotationId });
  });

  it('a rotation of TokenDesk’s own credential holds every token of the account', async () => {
    const w = await rotationWorld();
    worlds.push(w);
    const [inventory] = await w.t.core.inventory.snapshot();
    const management = inventory?.tokens.find((t) => t.isManagementCredential);
    w.t.provider.failNext.revoke = 'UNREACHABLE';
    const { rotationId } = await w.t.core.rotation.start(w.accountId, management?.id ?? '');
    expect((await w.t.core.rotation.whenSettled(rotationId)).status).toBe('revoke-pending');
    await expect(w.t.core.tokens.revoke(w.accountId, w.tokenId)).rejects.toMatchObject(refusal);
  });

  it('makes leased actions and rotation calls wait until recovery is over', async () => {
    const first = freezeAt('verify:started');
    const w = await rotationWorld({ checkpoint: first.checkpoint });
    worlds.push(w);
    const other = await w.t.core.tokens.create({
      accountId: w.accountId,
      name: 'other',
      expiry: { kind: 'never' },
    });
    void w.t.core.rotation.start(w.accountId, w.tokenId);
    await first.reached;

    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let reachedUndo: () => void = () => undefined;
    const undoing = new Promise<void>((resolve) => (reachedUndo = resolve));
    const t = await restart(w, {
      checkpoint: (point) => {
        if (point !== 'rollback:revoked') return Promise.resolve();
        reachedUndo();
        return released;
      },
    });
    const recovery = t.core.rotation.recover();
    await undoing;

    const order: string[] = [];
    const revoke = t.core.tokens.revoke(w.accountId, other.token.id).then(() => {
      order.push('revoke');
    });
    const cancel = t.core.rotation.cancel('no-such-rotation').catch(() => {
      order.push('cancel');
    });
    await new Promise((resolve) => setImmediate(resolve));
    order.push('recovery released');
    release();
    await recovery;
    await Promise.all([revoke, cancel]);
    expect(order[0]).toBe('recovery released');
    expect(order).toHaveLength(3);
  });
});
