import type { SecretStore } from '../secrets/secret-store';

export type SecretStoreOperation = 'get' | 'set' | 'delete' | 'list';

/**
 * A SecretStore that notes every call before passing it on: what tests use to prove that
 * showing and refreshing the inventory never read a token's secret.
 */
export class RecordingSecretStore implements SecretStore {
  readonly calls: Array<{ operation: SecretStoreOperation; key: string | null }> = [];

  constructor(private readonly inner: SecretStore) {}

  /** Keys read with get(), in order. */
  reads(): string[] {
    return this.calls.flatMap((call) =>
      call.operation === 'get' && call.key !== null ? [call.key] : [],
    );
  }

  clear(): void {
    this.calls.length = 0;
  }

  get(key: string): Promise<string | null> {
    this.calls.push({ operation: 'get', key });
    return this.inner.get(key);
  }

  set(key: string, secret: string): Promise<void> {
    this.calls.push({ operation: 'set', key });
    return this.inner.set(key, secret);
  }

  delete(key: string): Promise<boolean> {
    this.calls.push({ operation: 'delete', key });
    return this.inner.delete(key);
  }

  list(): Promise<string[]> {
    this.calls.push({ operation: 'list', key: null });
    return this.inner.list();
  }
}
