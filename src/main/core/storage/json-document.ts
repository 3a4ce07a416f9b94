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

interface PendingChange<T> {
  change: (current: T) => T;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * One JSON file of app state with a schema. Changes apply in the order they were asked for, so
 * concurrent updates never lose each other's changes; the changes asked for while a write is
 * under way are saved together by the next one (one fsync for a burst, such as every account of
 * a refresh finishing at once). A file that no longer parses is kept aside (never deleted) and
 * the last good backup is used instead.
 */
export class JsonDocument<T> {
  private loading: Promise<T> | undefined;
  private saved: T | undefined;
  /** What the file holds now, to skip a write that would change nothing. */
  private savedText: string | null = null;
  private pending: PendingChange<T>[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly initial: () => T,
    private readonly onRecovered: (notice: RecoveryNotice) => void = () => undefined,
  ) {}

  /** The last saved value; concurrent first readers share one load of the file. */
  read(): Promise<T> {
    if (this.saved !== undefined) return Promise.resolve(this.saved);
    this.loading ??= this.load().then(
      (value) => {
        this.saved ??= value;
        return this.saved;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  /** Applies `change` to the current value and saves the result before resolving. */
  update(change: (current: T) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ change, resolve, reject });
      this.flushing ??= this.flush().finally(() => {
        this.flushing = null;
      });
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      await this.saveBatch(batch);
    }
  }

  private async saveBatch(batch: PendingChange<T>[]): Promise<void> {
    let current: T;
    try {
      current = await this.read();
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    const applied: Array<{ entry: PendingChange<T>; value: T }> = [];
    for (const entry of batch) {
      try {
        current = entry.change(current);
        applied.push({ entry, value: current });
      } catch (error) {
        entry.reject(error);
      }
    }
    if (applied.length === 0) return;
    const text = JSON.stringify(current);
    try {
      // Unchanged content keeps the same object, so readers can tell "nothing changed" by identity.
      if (text !== this.savedText) {
        await writeFileAtomic(this.path, text);
        storageMeter.wrote(this.path);
        this.savedText = text;
        this.saved = current;
      }
    } catch (error) {
      for (const { entry } of applied) entry.reject(error);
      return;
    }
    for (const { entry, value } of applied) entry.resolve(value);
  }

  private async load(): Promise<T> {
    const text = await readFileIfPresent(this.path);
    storageMeter.read(this.path);
    if (text === null) return this.initial();
    const parsed = this.parse(text);
    if (parsed !== undefined) {
      this.savedText = text;
      return parsed;
    }

    const keptAs = `${this.path}.corrupt-${Date.now()}`;
    await rename(this.path, keptAs).catch(() => {
      throw new AppError('STORAGE_FAILED', `${this.path} is damaged and could not be moved aside.`);
    });
    const backupText = await readFileIfPresent(`${this.path}.bak`);
    const backup = backupText === null ? undefined : this.parse(backupText);
    this.onRecovered({ path: this.path, keptAs, restoredFrom: backup ? 'backup' : 'defaults' });
    return backup ?? this.initial();
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
