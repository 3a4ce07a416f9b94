import { createHash } from 'node:crypto';

/** The system clipboard as the platform layer offers it. */
export interface ClipboardPort {
  /** Writes the text marked as a password where the platform has a way to say so. */
  writeSecret(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): Promise<void>;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending clear must not keep a closing app alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

const fingerprint = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Copies secrets and clears them again after a while, but only if the clipboard still holds
 * what we put there: what the user copied since is theirs. Only a hash of the secret is kept
 * for that comparison.
 */
export class SecretClipboard {
  private pending: { handle: unknown; fingerprint: string } | null = null;

  constructor(
    private readonly clipboard: ClipboardPort,
    private readonly clearAfterSeconds: () => number,
    private readonly timers: Timers = realTimers,
    /** A clear that fails on its timer has no caller to tell; the app logs it. */
    private readonly onClearFailed: (error: unknown) => void = () => undefined,
  ) {}

  async copy(secret: string): Promise<{ clearsAfterSeconds: number }> {
    this.cancel();
    await this.clipboard.writeSecret(secret);
    const seconds = this.clearAfterSeconds();
    if (seconds > 0) {
      const expected = fingerprint(secret);
      const handle = this.timers.setTimeout(() => {
        this.clearIfStillOurs(expected).catch(this.onClearFailed);
      }, seconds * 1000);
      this.pending = { handle, fingerprint: expected };
    }
    return { clearsAfterSeconds: seconds };
  }

  /** On quit: clear now rather than leave a secret behind. */
  async flush(): Promise<void> {
    const pending = this.pending;
    this.cancel();
    if (pending) await this.clearIfStillOurs(pending.fingerprint);
  }

  private async clearIfStillOurs(expected: string): Promise<void> {
    this.pending = null;
    if (fingerprint(await this.clipboard.readText()) === expected) await this.clipboard.clear();
  }

  private cancel(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.handle);
    this.pending = null;
  }
}
