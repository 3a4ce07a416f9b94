import { afterEach, describe, expect, it } from 'vitest';
import { rotateAndSettle, rotationWorld, type RotationWorld } from './rotation-test-kit';

describe('a replacement keeps the old token’s lifetime', () => {
  const worlds: RotationWorld[] = [];
  async function world(options: Parameters<typeof rotationWorld>[0] = {}) {
    const w = await rotationWorld(options);
    worlds.push(w);
    return w;
  }
  afterEach(async () => {
    for (const w of worlds.splice(0)) await w.t.cleanup();
  });

  it('creates the new token with the old one’s lifetime unless the user chose another', async () => {
    const w = await world();
    expect((await rotateAndSettle(w)).status).toBe('done');
    // The world's token was created for 30 days.
    expect(w.t.provider.lastCreate?.expiry).toEqual({ kind: 'days', days: 30 });

    const other = await w.t.core.tokens.create({
      accountId: w.accountId,
      name: 'other',
      expiry: { kind: 'days', days: 30 },
    });
    const { rotationId } = await w.t.core.rotation.start(w.accountId, other.token.id, {
      expiry: { kind: 'never' },
    });
    expect((await w.t.core.rotation.whenSettled(rotationId)).status).toBe('done');
    expect(w.t.provider.lastCreate?.expiry).toEqual({ kind: 'never' });
  });

  it('refuses a chosen lifetime the service does not offer, before anything exists', async () => {
    const w = await world();
    w.t.provider.info.capabilities.expiryDays = [7, 30, 90];
    const creates = w.t.provider.calls.filter((c) => c.operation === 'create').length;
    await expect(
      w.t.core.rotation.start(w.accountId, w.tokenId, { expiry: { kind: 'days', days: 84 } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(w.t.provider.calls.filter((c) => c.operation === 'create')).toHaveLength(creates);
  });

  it('refuses to roll an expired token and says to create a replacement', async () => {
    const w = await world({ mode: 'roll' });
    const stored = w.t.provider.tokens.get(w.tokenId);
    if (stored === undefined) throw new Error('no token');
    stored.status = 'expired';
    const refusal = w.t.core.rotation.start(w.accountId, w.tokenId);
    await expect(refusal).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(refusal).rejects.toThrow(/Create a replacement instead/);
    expect(w.t.provider.calls.some((c) => c.operation === 'roll')).toBe(false);
  });

  it('creates a replacement with the old settings and keeps the old token', async () => {
    const w = await world({ mode: 'roll' });
    const created = await w.t.core.tokens.createReplacement(w.accountId, w.tokenId, null);
    expect(created.token).toMatchObject({ name: 'ci-deploy', description: 'CI deploys' });
    expect(w.t.provider.lastCreate?.expiry).toEqual({ kind: 'days', days: 30 });
    expect(await w.t.secrets.get(`${w.accountId}/${created.token.id}`)).toBe(created.secret);
    expect(w.t.provider.tokens.has(w.tokenId)).toBe(true);

    await w.t.core.tokens.createReplacement(w.accountId, w.tokenId, { kind: 'days', days: 7 });
    expect(w.t.provider.lastCreate?.expiry).toEqual({ kind: 'days', days: 7 });
  });
});
