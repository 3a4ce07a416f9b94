import type { SecretStore } from './secret-store';

const isManagementKey = (key: string): boolean => key.endsWith('/manage');

/**
 * A SecretStore that remembers each account's management credential in memory, for listing only:
 * a refresh of a hundred accounts then asks the keychain nothing (each read is a D-Bus round
 * trip, and a locked keyring would prompt). Every other caller still reads the keychain through
 * get(), so an action that is about to store a secret (create, rotate) finds a locked keyring
 * before it changes anything at the service. Every change of a credential goes through set() or
 * delete() here, which replace or drop the remembered value. Token secrets are never held.
 */
export class CredentialCache implements SecretStore {
  private readonly held = new Map<string, Promise<string | null>>();

  constructor(private readonly inner: SecretStore) {}

  /** Reads the keychain (and remembers a management credential it returns). */
  get(key: string): Promise<string | null> {
    if (!isManagementKey(key)) return this.inner.get(key);
    const reading: Promise<string | null> = this.inner.get(key).then(
      (secret) => {
        // Nothing to hold: the next read asks again, in case the user fixed the keychain entry.
        if (secret === null) this.drop(key, reading);
        return secret;
      },
      (error: unknown) => {
        this.drop(key, reading);
        throw error;
      },
    );
    this.held.set(key, reading);
    return reading;
  }

  /** A management credential for listing tokens: from memory when it was read before. */
  getForListing(key: string): Promise<string | null> {
    return this.held.get(key) ?? this.get(key);
  }

  async set(key: string, secret: string): Promise<void> {
    this.held.delete(key);
    await this.inner.set(key, secret);
    if (isManagementKey(key)) this.held.set(key, Promise.resolve(secret));
  }

  delete(key: string): Promise<boolean> {
    this.held.delete(key);
    return this.inner.delete(key);
  }

  list(): Promise<string[]> {
    return this.inner.list();
  }

  /** Drops a read that ended empty or failed, unless a newer value replaced it meanwhile. */
  private drop(key: string, reading: Promise<string | null>): void {
    if (this.held.get(key) === reading) this.held.delete(key);
  }
}
