import { RecordingSecretStore } from '../src/main/core/inventory/recording-secret-store';

/** The keychain as a benchmark sees it: every call counted, and the time writes took summed. */
export class BenchKeychain extends RecordingSecretStore {
  private writing = 0;

  override async set(key: string, secret: string): Promise<void> {
    const start = performance.now();
    try {
      await super.set(key, secret);
    } finally {
      this.writing += performance.now() - start;
    }
  }

  override async delete(key: string): Promise<boolean> {
    const start = performance.now();
    try {
      return await super.delete(key);
    } finally {
      this.writing += performance.now() - start;
    }
  }

  /** Milliseconds spent in set() and delete() since the last clear(). */
  writeMs(): number {
    return this.writing;
  }

  override clear(): void {
    super.clear();
    this.writing = 0;
  }
}
