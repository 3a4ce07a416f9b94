import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { isMissing } from './atomic-file';
import { isRunning, ownIdentity } from './process-identity';

export const WRITER_LOCK_FILE = 'writer.lock';

const HolderSchema = z.object({
  pid: z.number().int().positive(),
  startTime: z.string().nullable(),
  /** In words, for the message the next writer shows: "the TokenDesk app", "tokendesk rotate". */
  owner: z.string(),
  since: z.string(),
  /** Tells this lock from a later one of the same process. */
  nonce: z.string(),
});
export type LockHolder = z.infer<typeof HolderSchema>;

/** Another process changes this data dir now; the caller may wait and try again. */
export class DataDirBusyError extends AppError {
  constructor(readonly holder: LockHolder) {
    super(
      'CONFLICT',
      `${holder.owner} (process ${holder.pid}, since ${holder.since}) is changing TokenDesk's ` +
        'data now, and only one program may do that at a time. Let it finish or close it, then ' +
        'try again. Reading (list, check, export) works meanwhile.',
    );
  }
}

export interface WriterLock {
  readonly holder: LockHolder;
  release(): Promise<void>;
}

export interface AcquireOptions {
  owner: string;
  /** How long to wait for the holder to finish before giving up; 0 asks once. */
  waitMs: number;
  pollMs?: number;
}

/**
 * One writer per data dir: the desktop app, the browser target and the command line each take
 * this lock before they change anything, so two of them never rewrite the same files or drive
 * the same rotation. The lock is a file created exclusively; a holder that died without removing
 * it (its pid gone, or reused by a process that started later) no longer counts.
 */
export async function acquireWriterLock(
  dataDir: string,
  options: AcquireOptions,
): Promise<WriterLock> {
  const path = join(dataDir, WRITER_LOCK_FILE);
  const deadline = Date.now() + options.waitMs;
  const me: LockHolder = {
    ...(await ownIdentity()),
    owner: options.owner,
    since: new Date().toISOString(),
    nonce: randomBytes(8).toString('hex'),
  };
  for (;;) {
    if (await createExclusively(path, me)) return heldLock(path, me);
    const holder = await liveHolder(path);
    if (holder !== null) {
      if (Date.now() >= deadline) throw new DataDirBusyError(holder);
      await sleep(Math.min(options.pollMs ?? 200, Math.max(deadline - Date.now(), 1)));
    }
  }
}

/** Who holds the lock now, if anyone alive does (a stale lock is removed on the way). */
export async function liveHolder(path: string): Promise<LockHolder | null> {
  const holder = await readHolder(path);
  if (holder === 'absent') return null;
  if (holder !== 'unreadable' && (await isRunning(holder))) return holder;
  await removeStale(path, holder);
  return null;
}

async function createExclusively(path: string, holder: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new AppError('STORAGE_FAILED', 'TokenDesk could not create its lock file.');
  }
  try {
    await handle.writeFile(JSON.stringify(holder));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

async function readHolder(path: string): Promise<LockHolder | 'absent' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return 'absent';
    throw new AppError('STORAGE_FAILED', 'TokenDesk could not read its lock file.');
  }
  try {
    const parsed = HolderSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    // Half written: its writer is between create and write, or died there.
    return text === '' ? await recentlyEmpty(path) : 'unreadable';
  }
}

/** An empty file may be a lock being written right now: give its writer a moment. */
async function recentlyEmpty(path: string): Promise<LockHolder | 'absent' | 'unreadable'> {
  await sleep(100);
  try {
    const again = await readFile(path, 'utf8');
    const parsed = HolderSchema.safeParse(again === '' ? null : JSON.parse(again));
    return parsed.success ? parsed.data : 'unreadable';
  } catch (error) {
    return isMissing(error) ? 'absent' : 'unreadable';
  }
}

/**
 * Moves the stale lock aside rather than deleting it: a rename succeeds for one process only,
 * so of two that found the same stale lock, only one takes it away. If what was moved is no
 * longer the stale lock (a live one replaced it meanwhile), it goes back.
 */
async function removeStale(path: string, stale: LockHolder | 'unreadable'): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (isMissing(error)) return;
    throw new AppError('STORAGE_FAILED', 'TokenDesk could not clear a stale lock file.');
  }
  const moved = await readHolder(aside);
  const sameLock =
    stale === 'unreadable'
      ? moved === 'unreadable'
      : typeof moved === 'object' && moved.nonce === stale.nonce;
  if (!sameLock) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

function heldLock(path: string, me: LockHolder): WriterLock {
  let released = false;
  return {
    holder: me,
    async release() {
      if (released) return;
      released = true;
      const current = await readHolder(path);
      if (typeof current === 'object' && current.nonce === me.nonce) {
        await unlink(path).catch(() => undefined);
      }
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
