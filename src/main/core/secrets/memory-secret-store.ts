import type { SecretStore } from './secret-store';

/** For unit tests of one module; integration tests use the real keychain. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();

  get(key: string): Promise<string | null> {
    return Promise.resolve(this.values.get(key) ?? null);
  }

  set(key: string, secret: string): Promise<void> {
    this.values.set(key, secret);
    return Promise.resolve();
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.values.delete(key));
  }

  list(): Promise<string[]> {
    return Promise.resolve([...this.values.keys()]);
  }
}
