import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { ProviderInfo } from '../../../shared/model';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { secretKeys } from '../secrets/secret-store';
import { FakeProvider } from '../test-support/fake-provider';
import { addFakeAccount, createTestCore, type TestCore } from '../test-support/test-core';

class RefusingStore extends MemorySecretStore {
  refuseSets = false;
  override set(key: string, secret: string): Promise<void> {
    if (this.refuseSets) return Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'locked'));
    return super.set(key, secret);
  }
}

describe('TokensService', () => {
  let t: TestCore;
  let store: RefusingStore;

  beforeEach(async () => {
    store = new RefusingStore();
    t = await createTestCore({ secrets: store });
  });
  afterEach(() => t.cleanup());

  it('stores the new secret in the keychain and reveals it once', async () => {
    const { accountId } = await addFakeAccount(t);
    const created = await t.core.tokens.create({
      accountId,
      name: 'ci-deploy',
      expiry: { kind: 'days', days: 30 },
    });

    expect(await store.get(secretKeys.token(accountId, created.token.id))).toBe(created.secret);
    expect(created.token.hasSecret).toBe(true);
    const [inventory] = await t.core.inventory.snapshot();
    const row = inventory?.tokens.find((token) => token.id === created.token.id);
    expect(row?.hasSecret).toBe(true);
    expect(JSON.stringify(inventory)).not.toContain(created.secret);
  });

  it('revokes the new token again when the keychain refuses its secret', async () => {
    const { accountId } = await addFakeAccount(t);
    store.refuseSets = true;

    await expect(
      t.core.tokens.create({ accountId, name: 'ci-deploy', expiry: { kind: 'never' } }),
    ).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });

    expect(t.provider.revoked).toHaveLength(1);
    expect([...t.provider.tokens.values()].map((token) => token.name)).not.toContain('ci-deploy');
  });

  it('refuses a name that breaks the service rule before calling the service', async () => {
    const { accountId } = await addFakeAccount(t);
    const before = t.provider.tokens.size;
    await expect(
      t.core.tokens.create({ accountId, name: 'Not Kebab', expiry: { kind: 'never' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(t.provider.tokens.size).toBe(before);
  });

  it('revokes a token, forgets its secret and updates the list', async () => {
    const { accountId } = await addFakeAccount(t);
    const created = await t.core.tokens.create({
      accountId,
      name: 'old-one',
      expiry: { kind: 'never' },
    });
    await t.core.tokens.revoke(accountId, created.token.id);

    expect(await store.get(secretKeys.token(accountId, created.token.id))).toBeNull();
    const [inventory] = await t.core.inventory.snapshot();
    expect(inventory?.tokens.map((token) => token.id)).not.toContain(created.token.id);
    expect(t.events.at(-1)?.event).toBe('inventory:changed');
  });

  it('will not revoke the credential TokenDesk manages the account with', async () => {
    const { accountId } = await addFakeAccount(t);
    const [inventory] = await t.core.inventory.snapshot();
    const management = inventory?.tokens.find((token) => token.isManagementCredential);
    expect(management).toBeDefined();

    await expect(
      t.core.tokens.revoke(accountId, management?.id ?? 'missing'),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(t.provider.revoked).toEqual([]);
  });

  it('keeps the secret when the service refuses the revoke', async () => {
    const { accountId } = await addFakeAccount(t);
    const created = await t.core.tokens.create({ accountId, name: 'x', expiry: { kind: 'never' } });
    t.provider.failNext.revoke = 'SERVICE_ERROR';

    await expect(t.core.tokens.revoke(accountId, created.token.id)).rejects.toMatchObject({
      code: 'SERVICE_ERROR',
    });
    expect(await store.get(secretKeys.token(accountId, created.token.id))).toBe(created.secret);
  });
});

/** A service that switches tokens on and off (as Bodhi does), recording each switch. */
class SwitchingProvider extends FakeProvider {
  override readonly info: ProviderInfo;
  readonly switched: string[] = [];

  constructor() {
    super();
    const base = new FakeProvider().info;
    this.info = { ...base, capabilities: { ...base.capabilities, statusToggle: true } };
  }

  setTokenStatus(_ctx: unknown, tokenId: string, status: 'active' | 'inactive'): Promise<void> {
    this.switched.push(`${tokenId}:${status}`);
    const token = this.tokens.get(tokenId);
    if (token !== undefined) this.tokens.set(tokenId, { ...token, status });
    return Promise.resolve();
  }
}

describe('TokensService rename and status', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('refuses both where the service offers neither, before calling it', async () => {
    t = await createTestCore();
    const { accountId } = await addFakeAccount(t);
    const before = t.provider.calls.length;
    await expect(t.core.tokens.rename(accountId, 'tok', 'new-name')).rejects.toMatchObject({
      code: 'UNSUPPORTED',
    });
    await expect(t.core.tokens.setStatus(accountId, 'tok', 'inactive')).rejects.toMatchObject({
      code: 'UNSUPPORTED',
    });
    expect(t.provider.calls).toHaveLength(before);
  });

  it('never switches off the token TokenDesk manages the account with', async () => {
    const provider = new SwitchingProvider();
    t = await createTestCore({ provider });
    const { accountId } = await addFakeAccount(t);
    const [inventory] = await t.core.inventory.snapshot();
    const own = inventory?.tokens.find((token) => token.isManagementCredential);
    const other = provider.seed('ci');
    await t.core.inventory.refresh(accountId);

    await expect(
      t.core.tokens.setStatus(accountId, own?.id ?? 'missing', 'inactive'),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await t.core.tokens.setStatus(accountId, other.id, 'inactive');
    expect(provider.switched).toEqual([`${other.id}:inactive`]);
    const [after] = await t.core.inventory.snapshot();
    expect(after?.tokens.find((token) => token.id === other.id)?.status).toBe('inactive');
  });
});
