import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { secretKeys } from '../secrets/secret-store';
import {
  addFakeAccount,
  addGuidedAccount,
  createTestCore,
  type TestCore,
} from '../test-support/test-core';

/** A keychain that refuses writes once told to, as a locked or failing keychain does. */
class RefusingSecretStore extends MemorySecretStore {
  refuse = false;

  override set(key: string, secret: string): Promise<void> {
    if (this.refuse) {
      return Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'The keychain is locked.'));
    }
    return super.set(key, secret);
  }
}

describe('AccountsService.setCredential', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());

  it('verifies the new credential, then replaces the old one and marks its token', async () => {
    t = await createTestCore();
    const { accountId } = await addFakeAccount(t);
    const fresh = t.provider.seed('management-2');
    t.events.length = 0;

    const account = await t.core.accounts.setCredential(accountId, `  ${fresh.secret}\n`);

    expect(account.id).toBe(accountId);
    expect(await t.secrets.get(secretKeys.management(accountId))).toBe(fresh.secret);
    expect(t.provider.calls.at(-1)).toMatchObject({ operation: 'list', credential: fresh.secret });
    const [inventory] = await t.core.inventory.snapshot();
    const management = inventory?.tokens.filter((token) => token.isManagementCredential);
    expect(management?.map((token) => token.id)).toEqual([fresh.id]);
    expect(t.events.map((e) => e.event)).toContain('inventory:changed');
  });

  it('keeps the old credential when the service refuses the new one, saying so', async () => {
    t = await createTestCore();
    const { accountId, credential: old } = await addFakeAccount(t);

    const error = await t.core.accounts
      .setCredential(accountId, 'not-a-token-it-knows')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'AUTH_FAILED' });
    expect((error as AppError).message).toContain('the old one is kept');
    expect((error as AppError).message).not.toContain('not-a-token-it-knows');
    expect(await t.secrets.get(secretKeys.management(accountId))).toBe(old);
  });

  it('keeps the old credential when the keychain refuses the write', async () => {
    const secrets = new RefusingSecretStore();
    t = await createTestCore({ secrets });
    const { accountId, credential: old } = await addFakeAccount(t);
    const fresh = t.provider.seed('management-2');
    secrets.refuse = true;

    await expect(t.core.accounts.setCredential(accountId, fresh.secret)).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
    });
    expect(await secrets.get(secretKeys.management(accountId))).toBe(old);
  });

  it('refuses a blank credential and a guided account, changing nothing', async () => {
    t = await createTestCore({ guided: true });
    const guidedId = await addGuidedAccount(t);
    const { secret } = t.provider.seed('management');

    await expect(t.core.accounts.setCredential(guidedId, secret)).rejects.toMatchObject({
      code: 'UNSUPPORTED',
    });
    expect(await t.secrets.get(secretKeys.management(guidedId))).toBeNull();
    expect(t.provider.calls).toEqual([]);
  });

  it('refuses an empty credential before asking the service', async () => {
    t = await createTestCore();
    const { accountId, credential: old } = await addFakeAccount(t);
    const callsBefore = t.provider.calls.length;

    await expect(t.core.accounts.setCredential(accountId, '   ')).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(t.provider.calls.length).toBe(callsBefore);
    expect(await t.secrets.get(secretKeys.management(accountId))).toBe(old);
  });

  it('says plainly when the account does not exist', async () => {
    t = await createTestCore();
    await expect(t.core.accounts.setCredential('acc-missing', 'x')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
