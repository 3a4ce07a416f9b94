import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretKeys } from '../secrets/secret-store';
import { addFakeAccount, createTestCore, type TestCore } from '../test-support/test-core';

describe('AccountsService', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore();
  });
  afterEach(() => t.cleanup());

  it('keeps the credential in the keychain and only metadata in the file', async () => {
    const { accountId, credential } = await addFakeAccount(t);

    expect(await t.secrets.get(secretKeys.management(accountId))).toBe(credential);
    const file = await readFile(join(t.dataDir, 'accounts.json'), 'utf8');
    expect(JSON.parse(file)).toMatchObject({ accounts: [{ label: 'Work' }] });
    expect(file).not.toContain(credential);
    const [account] = await t.core.accounts.list();
    expect(account?.baseUrl).toBe('https://service.example.com');
  });

  it('refuses a credential the service does not accept, and saves nothing', async () => {
    await expect(
      t.core.accounts.add({
        provider: 'kestra',
        label: 'Work',
        baseUrl: 'https://service.example.com',
        settings: { userId: 'alice' },
        credential: 'wrong',
      }),
    ).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    expect(await t.core.accounts.list()).toEqual([]);
    expect(await t.secrets.list()).toEqual([]);
  });

  it.each([
    ['http://service.example.com', /https/],
    ['ftp://service.example.com', /https/],
    ['service.example.com', /full address/],
    ['https://user:pw@service.example.com', /user name/],
  ])('refuses the address %s with a clear message', async (baseUrl, message) => {
    const { secret } = t.provider.seed('management');
    await expect(
      t.core.accounts.add({
        provider: 'kestra',
        label: 'Work',
        baseUrl,
        settings: { userId: 'alice' },
        credential: secret,
      }),
    ).rejects.toThrow(message);
    expect(await t.secrets.list()).toEqual([]);
  });

  it('refuses a blank or duplicate label', async () => {
    await addFakeAccount(t, 'Work');
    const { secret } = t.provider.seed('another');
    const input = {
      provider: 'kestra' as const,
      baseUrl: 'https://service.example.com',
      settings: { userId: 'alice' },
      credential: secret,
    };
    await expect(t.core.accounts.add({ ...input, label: '  ' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(t.core.accounts.add({ ...input, label: 'work' })).rejects.toThrow(/exists/);
  });

  it('removes the account with its credential and stored token secrets', async () => {
    const { accountId } = await addFakeAccount(t);
    await t.core.tokens.create({ accountId, name: 'ci', expiry: { kind: 'never' } });
    await t.core.accounts.remove(accountId);

    expect(await t.core.accounts.list()).toEqual([]);
    expect(await t.secrets.list()).toEqual([]);
    expect(await t.core.inventory.snapshot()).toEqual([]);
  });
});
