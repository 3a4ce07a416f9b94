import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { isMissing, readFileIfPresent, writeFileAtomic } from '../storage/atomic-file';
import { RotationRecordSchema, type RotationRecord } from './rotation-record';

const ID = /^[A-Za-z0-9-]{1,64}$/;

/**
 * One file per rotation under `<dataDir>/rotations/`, replaced atomically (temp, fsync, rename,
 * fsync of the folder) before and after every step, so that after a crash the file says exactly
 * which steps ran. A record that no longer parses falls back to its `.bak` (the previous write).
 */
export class RotationJournal {
  private readonly dir: string;
  /**
   * Writes and the removal of one record are serialized: a later state must never be overtaken
   * by an older one.
   */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'rotations');
  }

  async write(record: RotationRecord): Promise<void> {
    const path = this.pathOf(record.rotationId);
    const content = `${JSON.stringify(RotationRecordSchema.parse(record), null, 2)}\n`;
    await this.enqueue(record.rotationId, () => writeFileAtomic(path, content));
  }

  /**
   * Deletes a record and its backup, in the record's write queue. The backup goes first: a crash
   * in between leaves the record itself, which the next prune finds again.
   */
  async remove(rotationId: string): Promise<void> {
    const path = this.pathOf(rotationId);
    const drop = async (): Promise<void> => {
      try {
        await rm(`${path}.bak`, { force: true });
        await rm(path, { force: true });
      } catch {
        throw new AppError('STORAGE_FAILED', `TokenDesk could not delete ${path}.`);
      }
    };
    await this.enqueue(rotationId, drop);
  }

  async read(rotationId: string): Promise<RotationRecord | null> {
    if (!ID.test(rotationId)) return null;
    const path = this.pathOf(rotationId);
    return (await this.parseFile(path)) ?? (await this.parseFile(`${path}.bak`));
  }

  async get(rotationId: string): Promise<RotationRecord> {
    const record = await this.read(rotationId);
    if (record === null) throw new AppError('NOT_FOUND', 'TokenDesk has no such rotation.');
    return record;
  }

  /** Every record, newest first. */
  async list(): Promise<RotationRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (isMissing(error)) return [];
      throw new AppError('STORAGE_FAILED', `TokenDesk could not read ${this.dir}.`);
    }
    const ids = names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length));
    const records = await Promise.all(ids.map((id) => this.read(id)));
    return records
      .filter((record): record is RotationRecord => record !== null)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  /** Resolves once every write queued so far has finished (or failed): quitting waits for it. */
  async flush(): Promise<void> {
    await Promise.all(this.queues.values());
  }

  private enqueue(rotationId: string, work: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(rotationId) ?? Promise.resolve();
    const run = previous.then(work, work);
    this.queues.set(
      rotationId,
      run.catch(() => undefined),
    );
    return run;
  }

  private pathOf(rotationId: string): string {
    if (!ID.test(rotationId)) throw new AppError('VALIDATION', 'Not a rotation id.');
    return join(this.dir, `${rotationId}.json`);
  }

  private async parseFile(path: string): Promise<RotationRecord | null> {
    const text = await readFileIfPresent(path);
    if (text === null) return null;
    try {
      const parsed = RotationRecordSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
