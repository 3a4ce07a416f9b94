import { afterEach, describe, expect, it } from 'vitest';
import type { RotationView } from '../../../shared/model';
import {
  freezeAt,
  keychainOf,
  restart,
  rotateAndSettle,
  rotationWorld,
  traceCheckpoints,
  type RotationWorld,
} from './rotation-test-kit';

/** Every checkpoint a clean overlap rotation passes, in order, with its occurrence number. */
async function overlapTrace(): Promise<Array<{ point: string; nth: number }>> {
  const trace = traceCheckpoints();
  const w = await rotationWorld({ checkpoint: trace.checkpoint });
  trace.points.length = 0;
  await rotateAndSettle(w);
  await w.t.cleanup();
  const seen = new Map<string, number>();
  return trace.points.map((point) => {
    const nth = (seen.get(point) ?? 0) + 1;
    seen.set(point, nth);
    return { point, nth };
  });
}

/** The invariants after recovery, as the crash harness checks them against a real service. */
async function expectSafeEnd(w: RotationWorld, view: RotationView | undefined): Promise<void> {
  const provider = w.t.provider;
  const keychain = await keychainOf(w.t.secrets, w.accountId);
  const held = new Set(keychain.values());
  // Every live token (the management one included, under `manage`) has its secret in the keychain.
  for (const [id, token] of provider.tokens) {
    expect(held.has(token.secret), `secret of live token ${id}`).toBe(true);
  }
  // No secret kept of a token that no longer lives.
  for (const secret of held) {
    expect([...provider.tokens.values()].some((t) => t.secret === secret)).toBe(true);
  }
  if (view === undefined) {
    expect(provider.tokens.has(w.tokenId)).toBe(true);
    expect(provider.tokens.size).toBe(2);
    return;
  }
  expect(['done', 'rolled-back']).toContain(view.status);
  const markerTokens = [...provider.tokens.values()].filter((t) => /-r[0-9a-f]{8}$/.test(t.name));
  if (view.status === 'done') {
    expect(provider.tokens.has(w.tokenId)).toBe(false);
    expect(markerTokens.map((t) => t.id)).toEqual([view.newTokenId]);
  } else {
    expect(provider.tokens.has(w.tokenId)).toBe(true);
    expect(keychain.get(w.tokenId)).toBe(w.tokenSecret);
    expect(markerTokens).toEqual([]);
  }
}

describe('recovery after a crash at any point of an overlap rotation', async () => {
  const points = await overlapTrace();
  let w: RotationWorld;
  const worlds: RotationWorld[] = [];
  afterEach(async () => {
    for (const world of worlds.splice(0)) await world.t.cleanup();
  });

  it('passes the named step boundaries and service calls', () => {
    const names = points.map((p) => p.point);
    for (const step of ['create', 'store', 'verify', 'publish', 'promote', 'revoke']) {
      expect(names).toContain(`${step}:started`);
    }
    expect(names).toEqual(
      expect.arrayContaining(['call:listTokens', 'call:createToken', 'call:verify']),
    );
    expect(names.at(-1)).toBe('rotation:done');
  });

  it.each(points)('ends safe after a crash at $point (#$nth)', async ({ point, nth }) => {
    const frozen = freezeAt(point, nth);
    w = await rotationWorld({ checkpoint: frozen.checkpoint });
    worlds.push(w);
    void w.t.core.rotation.start(w.accountId, w.tokenId).catch(() => undefined);
    await frozen.reached;

    const t = await restart(w);
    await t.core.rotation.recover();
    const [view] = await t.core.rotation.list();
    await expectSafeEnd(w, view);
    const promoted = points.findIndex((p) => p.point === 'promote:started');
    const at = points.findIndex((p) => p.point === point && p.nth === nth);
    if (view !== undefined) expect(view.status).toBe(at >= promoted ? 'done' : 'rolled-back');

    // Recovering again changes nothing: every journal is final.
    const calls = w.t.provider.calls.length;
    await (await restart(w)).core.rotation.recover();
    expect(w.t.provider.calls.length).toBe(calls);
  });

  it('survives a second crash in the middle of the undo', async () => {
    const first = freezeAt('verify:started');
    w = await rotationWorld({ checkpoint: first.checkpoint });
    worlds.push(w);
    void w.t.core.rotation.start(w.accountId, w.tokenId);
    await first.reached;

    const second = freezeAt('rollback:revoked');
    const t = await restart(w, { checkpoint: second.checkpoint });
    void t.core.rotation.recover();
    await second.reached;

    const final = await restart(w);
    await final.core.rotation.recover();
    const [view] = await final.core.rotation.list();
    expect(view?.status).toBe('rolled-back');
    await expectSafeEnd(w, view);
  });

  it('survives a second crash while finishing the revoke', async () => {
    const first = freezeAt('promote:done');
    w = await rotationWorld({ checkpoint: first.checkpoint });
    worlds.push(w);
    void w.t.core.rotation.start(w.accountId, w.tokenId);
    await first.reached;

    const second = freezeAt('revoke:service');
    void (await restart(w, { checkpoint: second.checkpoint })).core.rotation.recover();
    await second.reached;

    const final = await restart(w);
    await final.core.rotation.recover();
    const [view] = await final.core.rotation.list();
    expect(view?.status).toBe('done');
    await expectSafeEnd(w, view);
  });

  it('turns a revoke that fails during recovery into revoke-pending', async () => {
    const frozen = freezeAt('revoke:started');
    w = await rotationWorld({ checkpoint: frozen.checkpoint });
    worlds.push(w);
    void w.t.core.rotation.start(w.accountId, w.tokenId);
    await frozen.reached;

    const t = await restart(w);
    w.t.provider.failNext.revoke = 'UNREACHABLE';
    await t.core.rotation.recover();
    const [view] = await t.core.rotation.list();
    expect(view?.status).toBe('revoke-pending');
    expect((await t.core.rotation.retry(view?.rotationId ?? '')).status).toBe('done');
  });
});
