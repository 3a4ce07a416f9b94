import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tokenInactiveError } from '../../../shared/errors';
import { secretKeys } from '../secrets/secret-store';
import { addGuidedAccount, createTestCore, type TestCore } from '../test-support/test-core';

describe('TrackingService (guided services)', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore({ guided: true });
  });
  afterEach(() => t.cleanup());

  it('adds a guided account without a credential and with its token page', async () => {
    const accountId = await addGuidedAccount(t);
    const [account] = await t.core.accounts.list();
    expect(account?.mode).toBe('guided');
    expect(account?.tokenPageUrl).toBe('https://dashboard.example.com/tokens');
    expect(await t.secrets.get(secretKeys.management(accountId))).toBeNull();
  });

  it('tracks a pasted token only after it is verified, secret in the keychain only', async () => {
    const accountId = await addGuidedAccount(t);
    const { secret } = t.provider.seed('ci');
    const token = await t.core.tracking.track({
      accountId,
      name: 'CI pipeline',
      secret,
      project: 'web',
      role: 'Owner',
      expiresAt: '2030-01-01',
    });

    expect(token).toMatchObject({
      source: 'tracked',
      prefix: secret.slice(0, 8),
      project: 'web',
      role: 'Owner',
      hasSecret: true,
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
    expect(await t.secrets.get(secretKeys.token(accountId, token.id))).toBe(secret);
    const [inventory] = await t.core.inventory.snapshot();
    expect(inventory?.tokens.map((x) => x.name)).toEqual(['CI pipeline']);
    const file = await readFile(join(t.dataDir, 'tracked-tokens.json'), 'utf8');
    expect(file).toContain('CI pipeline');
    expect(file).not.toContain(secret);
  });

  it('refuses a secret the service does not accept, and keeps nothing', async () => {
    const accountId = await addGuidedAccount(t);
    await expect(
      t.core.tracking.track({ accountId, name: 'x', secret: 'wrong-secret', role: 'Owner' }),
    ).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(await t.secrets.list()).toEqual([]);
    const [inventory] = await t.core.inventory.snapshot();
    expect(inventory?.tokens).toEqual([]);
  });

  it('needs a role where the service has roles, and refuses the same token twice', async () => {
    const accountId = await addGuidedAccount(t);
    const { secret } = t.provider.seed('ci');
    await expect(
      t.core.tracking.track({ accountId, name: 'x', secret, role: 'Admin' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await t.core.tracking.track({ accountId, name: 'x', secret, role: 'Owner' });
    await expect(
      t.core.tracking.track({ accountId, name: 'y', secret, role: 'Owner' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('verifies a stored secret and marks a refused one revoked', async () => {
    const accountId = await addGuidedAccount(t);
    const seeded = t.provider.seed('ci');
    const token = await t.core.tracking.track({
      accountId,
      name: 'ci',
      secret: seeded.secret,
      role: 'Owner',
    });

    expect((await t.core.tracking.verify(accountId, token.id)).works).toBe(true);
    t.provider.tokens.delete(seeded.id);
    const outcome = await t.core.tracking.verify(accountId, token.id);
    expect(outcome.works).toBe(false);
    expect(outcome.problem?.code).toBe('AUTH_FAILED');
    const [inventory] = await t.core.inventory.snapshot();
    expect(inventory?.tokens[0]?.status).toBe('revoked');
  });

  it('marks a token the service switched off inactive, not revoked', async () => {
    const accountId = await addGuidedAccount(t);
    const seeded = t.provider.seed('ci');
    const token = await t.core.tracking.track({
      accountId,
      name: 'ci',
      secret: seeded.secret,
      role: 'Owner',
    });

    vi.spyOn(t.provider, 'verify').mockRejectedValueOnce(tokenInactiveError('Switched off.'));
    const outcome = await t.core.tracking.verify(accountId, token.id);
    expect(outcome).toMatchObject({ works: false, problem: { code: 'AUTH_FAILED' } });
    const [inventory] = await t.core.inventory.snapshot();
    expect(inventory?.tokens[0]?.status).toBe('inactive');

    expect((await t.core.tracking.verify(accountId, token.id)).works).toBe(true);
    const [after] = await t.core.inventory.snapshot();
    expect(after?.tokens[0]?.status).toBe('active');
  });

  it('forgets a tracked token and its secret', async () => {
    const accountId = await addGuidedAccount(t);
    const { secret } = t.provider.seed('ci');
    const token = await t.core.tracking.track({ accountId, name: 'ci', secret, role: 'Owner' });
    await t.core.tracking.forget(accountId, token.id);

    expect(await t.secrets.get(secretKeys.token(accountId, token.id))).toBeNull();
    const [inventory] = await t.core.inventory.snapshot();
    expect(inventory?.tokens).toEqual([]);
  });

  it('will not create tokens for a guided account', async () => {
    const accountId = await addGuidedAccount(t);
    await expect(
      t.core.tokens.create({ accountId, name: 'x', expiry: { kind: 'never' } }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });
});
