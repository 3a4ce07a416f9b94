import { rename } from 'node:fs/promises';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { readFileIfPresent, writeFileAtomic } from './atomic-file';

export interface RecoveryNotice {
  path: string;
  keptAs: string;
  restoredFrom: 'backup' | 'defaults';
}

/**
 * One JSON file of app state with a schema. Writes are serialized (one at a time, in order),
 * so concurrent updates never lose each other's changes. A file that no longer parses is kept
 * aside (never deleted) and the last good backup is used instead.
 */
export class JsonDocument<T> {
  private queue: Promise<unknown> = Promise.resolve();
  private cached: T | undefined;

  constructor(
    private readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly initial: () => T,
    private readonly onRecovered: (notice: RecoveryNotice) => void = () => undefined,
  ) {}

  async read(): Promise<T> {
    if (this.cached === undefined) this.cached = await this.load();
    return this.cached;
  }

  /** Applies `change` to the current value and saves the result before resolving. */
  update(change: (current: T) => T): Promise<T> {
    const run = async (): Promise<T> => {
      const next = change(await this.read());
      await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
      this.cached = next;
      return next;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async load(): Promise<T> {
    const text = await readFileIfPresent(this.path);
    if (text === null) return this.initial();
    const parsed = this.parse(text);
    if (parsed !== undefined) return parsed;

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
