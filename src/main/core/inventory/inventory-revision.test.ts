import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceToken } from '../providers/provider-adapter';
import { rotateAndSettle, rotationWorld, type RotationWorld } from '../rotation/rotation-test-kit';

let w: RotationWorld;
afterEach(() => w.t.cleanup());

/** Makes the next list call answer with the service's list as it is now, once released. */
function holdNextList(world: RotationWorld): { listed: Promise<void>; release: () => void } {
  const list = world.t.provider.listTokens.bind(world.t.provider);
  let release: () => void = () => undefined;
  let listed: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const done = new Promise<void>((resolve) => (listed = resolve));
  world.t.provider.listTokens = async (ctx): Promise<ServiceToken[]> => {
    world.t.provider.listTokens = list;
    const tokens = await list(ctx);
    listed();
    await gate;
    return tokens;
  };
  return { listed: done, release };
}

describe('inventory cache revisions', () => {
  it('drops a refreshed list fetched before a rotation promoted its new token', async () => {
    w = await rotationWorld();
    const held = holdNextList(w);
    const refreshing = w.t.core.inventory.refresh(w.accountId);
    await held.listed;

    const view = await rotateAndSettle(w);
    expect(view.status).toBe('done');
    held.release();
    const [afterRefresh] = await refreshing;

    const ids = (afterRefresh?.tokens ?? []).map((token) => token.id);
    expect(ids).toContain(view.newTokenId);
    expect(ids).not.toContain(w.tokenId);
    const [shown] = await w.t.core.inventory.snapshot();
    expect(shown?.tokens.map((token) => token.id)).toContain(view.newTokenId);
  });

  it('stores a refreshed list when nothing changed the cache meanwhile', async () => {
    w = await rotationWorld();
    const seeded = w.t.provider.seed('made-in-the-dashboard');
    const [inventory] = await w.t.core.inventory.refresh(w.accountId);
    expect(inventory?.tokens.map((token) => token.id)).toContain(seeded.id);
  });
});
