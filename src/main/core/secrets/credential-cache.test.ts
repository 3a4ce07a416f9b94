import { describe, expect, it } from 'vitest';
import { RecordingSecretStore } from '../inventory/recording-secret-store';
import { CredentialCache } from './credential-cache';
import { MemorySecretStore } from './memory-secret-store';
import { secretKeys } from './secret-store';

function setup(): { keychain: RecordingSecretStore; cache: CredentialCache } {
  const keychain = new RecordingSecretStore(new MemorySecretStore());
  return { keychain, cache: new CredentialCache(keychain) };
}

const manage = secretKeys.management('acc');

describe('CredentialCache', () => {
  it('reads a management credential from the keychain once, however many ask at once', async () => {
    const { keychain, cache } = setup();
    await keychain.set(manage, 'credential-1');
    keychain.clear();

    const values = await Promise.all(Array.from({ length: 10 }, () => cache.getForListing(manage)));
    await cache.getForListing(manage);

    expect(values.every((value) => value === 'credential-1')).toBe(true);
    expect(keychain.reads()).toEqual([manage]);
  });

  it('answers with the new credential after it is replaced, without reading it back', async () => {
    const { keychain, cache } = setup();
    await cache.set(manage, 'credential-1');
    await cache.getForListing(manage);
    await cache.set(manage, 'credential-2');
    keychain.clear();

    expect(await cache.getForListing(manage)).toBe('credential-2');
    expect(keychain.reads()).toEqual([]);
  });

  it('forgets a deleted credential', async () => {
    const { cache } = setup();
    await cache.set(manage, 'credential-1');
    await cache.delete(manage);
    expect(await cache.getForListing(manage)).toBeNull();
  });

  it('reads the keychain for every other use, so a locked keyring shows before an action', async () => {
    const { keychain, cache } = setup();
    await cache.set(manage, 'credential-1');
    keychain.clear();
    await cache.get(manage);
    await cache.get(manage);
    expect(keychain.reads()).toEqual([manage, manage]);
  });

  it('holds no token secret: each read of one goes to the keychain', async () => {
    const { keychain, cache } = setup();
    const key = secretKeys.token('acc', 'tok-1');
    await cache.set(key, 'token-secret');
    keychain.clear();
    await cache.getForListing(key);
    await cache.getForListing(key);
    expect(keychain.reads()).toEqual([key, key]);
  });

  it('asks the keychain again when it had nothing or failed', async () => {
    const { keychain, cache } = setup();
    expect(await cache.getForListing(manage)).toBeNull();
    await keychain.set(manage, 'added-later');
    expect(await cache.getForListing(manage)).toBe('added-later');
  });
});
