import { rename } from 'node:fs/promises';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { readFileIfPresent, writeFileAtomic } from './atomic-file';
import { storageMeter } from './storage-meter';

export interface RecoveryNotice {
  path: string;
  keptAs: string;
  restoredFrom: 'backup' | 'defaults';
}

/** The longest a deferred change waits for its write. */
const DEFERRED_WRITE_MS = 1_000;

interface Unsaved<T> {
  change: (current: T) => T;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
  value: T;
}

/**
 * One JSON file of app state with a schema. A change applies to the value in memory at once, in
 * the order asked for (so concurrent updates never lose each other's changes, and readers see
 * it), and resolves once a write holding it is on disk. The changes made while a write is under
 * way are saved together by the next one: one fsync for a burst, such as every account of a
 * refresh finishing at once. A write that fails takes its changes back out of memory. A file
 * that no longer parses is kept aside (never deleted) and the last good backup is used instead.
 */
export class JsonDocument<T> {
  private loading: Promise<T> | undefined;
  private current: T | undefined;
  /** The value and text on disk: a failed write goes back to them; equal text is not written. */
  private saved: { value: T; text: string | null } | undefined;
  private unsaved: Unsaved<T>[] = [];
  private flushing = false;
  /** The last change asked for: changes are saved in order, so it settles after all others. */
  private last: Promise<unknown> = Promise.resolve();
  private deferredTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly initial: () => T,
    private readonly onRecovered: (notice: RecoveryNotice) => void = () => undefined,
  ) {}

  /** The value with every change made so far; concurrent first readers share one load. */
  read(): Promise<T> {
    if (this.current !== undefined) return Promise.resolve(this.current);
    this.loading ??= this.load().then(
      ({ value, text }) => {
        if (this.current === undefined) {
          this.current = value;
          this.saved = { value, text };
        }
        return this.current;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  /**
   * Applies `change` to the current value; resolves with the result once it is on disk. A
   * deferred change waits for the next write (another change, settled(), or a second at most),
   * so a burst of them costs one write.
   */
  update(change: (current: T) => T, options: { defer?: boolean } = {}): Promise<T> {
    const result = new Promise<T>((resolve, reject) => {
      const apply = (current: T): void => {
        try {
          const value = change(current);
          this.current = value;
          this.unsaved.push({ change, resolve, reject, value });
          if (options.defer === true) this.flushWithin(DEFERRED_WRITE_MS);
          else this.scheduleFlush();
        } catch (error) {
          reject(asError(error));
        }
      };
      if (this.current !== undefined) apply(this.current);
      else
        this.read().then(
          () => apply(this.current as T),
          (error: unknown) => reject(asError(error)),
        );
    });
    this.last = result.catch(() => undefined);
    return result;
  }

  /** Writes the deferred changes now; resolves once every change so far is on disk (or failed). */
  async settled(): Promise<void> {
    if (this.unsaved.length > 0) this.scheduleFlush();
    await this.last;
  }

  private flushWithin(ms: number): void {
    if (this.deferredTimer !== null) return;
    this.deferredTimer = setTimeout(() => {
      this.deferredTimer = null;
      if (this.unsaved.length > 0) this.scheduleFlush();
    }, ms);
    // A pending deferred write must not keep a process (tests, the browser target) alive.
    this.deferredTimer.unref();
  }

  private scheduleFlush(): void {
    if (this.deferredTimer !== null) {
      clearTimeout(this.deferredTimer);
      this.deferredTimer = null;
    }
    if (this.flushing) return;
    this.flushing = true;
    void this.flush().finally(() => {
      this.flushing = false;
      if (this.unsaved.length > 0) this.scheduleFlush();
    });
  }

  private async flush(): Promise<void> {
    while (this.unsaved.length > 0) {
      const batch = this.unsaved;
      this.unsaved = [];
      const value = this.current as T;
      const text = JSON.stringify(value);
      try {
        if (this.saved === undefined || text !== this.saved.text) {
          await writeFileAtomic(this.path, text);
          storageMeter.wrote(this.path);
        }
        this.saved = { value, text };
      } catch (error) {
        for (const entry of batch) entry.reject(error);
        this.takeBack();
        continue;
      }
      for (const entry of batch) entry.resolve(entry.value);
    }
  }

  /** After a failed write: memory goes back to the disk, plus the changes made since. */
  private takeBack(): void {
    const later = this.unsaved;
    this.unsaved = [];
    let value = (this.saved as { value: T }).value;
    for (const entry of later) {
      try {
        value = entry.change(value);
        this.unsaved.push({ ...entry, value });
      } catch (error) {
        entry.reject(error);
      }
    }
    this.current = value;
  }

  private async load(): Promise<{ value: T; text: string | null }> {
    const text = await readFileIfPresent(this.path);
    storageMeter.read(this.path);
    if (text === null) return { value: this.initial(), text: null };
    const parsed = this.parse(text);
    if (parsed !== undefined) return { value: parsed, text };

    const keptAs = `${this.path}.corrupt-${Date.now()}`;
    await rename(this.path, keptAs).catch(() => {
      throw new AppError('STORAGE_FAILED', `${this.path} is damaged and could not be moved aside.`);
    });
    const backupText = await readFileIfPresent(`${this.path}.bak`);
    const backup = backupText === null ? undefined : this.parse(backupText);
    this.onRecovered({ path: this.path, keptAs, restoredFrom: backup ? 'backup' : 'defaults' });
    return { value: backup ?? this.initial(), text: null };
  }

  private parse(text: string): T | undefined {
    try {
      const result = this.schema.safeParse(JSON.parse(text));
      return result.success ? result.data : undefined;
    } catch {
      return undefined;
    }
  }
}

/** What a change threw, as an Error (changes throw AppErrors; anything else is wrapped). */
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
