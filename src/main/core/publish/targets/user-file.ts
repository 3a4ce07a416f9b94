import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../../shared/errors';
import { isMissing, writeFileAtomic } from '../../storage/atomic-file';

const MAX_FILE_BYTES = 1024 * 1024;

/** Expands a leading `~/` to the user's home. */
export function expandHome(path: string, home: string): string {
  return path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

/**
 * The file's text, or null when it does not exist. Bytes that are not UTF-8 are refused rather
 * than decoded with replacement characters: writing those back would change lines we promised
 * to keep byte for byte.
 */
export async function readUserText(path: string): Promise<string | null> {
  let bytes: Buffer;
  try {
    // A device or a huge file is not a credentials file; reading it could hang or fill memory.
    const info = await stat(path);
    if (!info.isFile()) {
      throw new AppError('VALIDATION', `${path} is not a regular file; TokenDesk leaves it alone.`);
    }
    if (info.size > MAX_FILE_BYTES) {
      throw new AppError(
        'VALIDATION',
        `${path} is larger than ${MAX_FILE_BYTES / 1024} KiB, too large to be a credentials file; TokenDesk leaves it alone.`,
      );
    }
    bytes = await readFile(path);
  } catch (error) {
    if (isMissing(error)) return null;
    throw fileError('read', path, error);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(
      'VALIDATION',
      `${path} is not a UTF-8 text file; TokenDesk leaves it as it is rather than risk changing it.`,
    );
  }
}

/**
 * Replaces the file atomically with mode 0600: readers see the old or the new content, never a
 * mix. A symlink is followed, so the file it points to is the one replaced.
 *
 * Why the staging hop: writeFileAtomic keeps the previous version as `<path>.bak`, which is right
 * for TokenDesk's own state but wrong beside a user's `.env`: it would leave a copy of the secret
 * in a file nobody asked for (and that .gitignore rules may not cover), and overwrite a `.env.bak`
 * the user keeps. So the atomic writer writes a fresh staging name (nothing to back up), and one
 * more rename puts it in place.
 */
export async function replaceUserFile(
  path: string,
  content: string,
  options: { createFolder: boolean },
): Promise<void> {
  const target = await followLink(path);
  const folder = dirname(target);
  await checkFolder(folder, options.createFolder);
  const staging = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tokendesk`);
  try {
    await writeFileAtomic(staging, content);
    await rename(staging, target);
    await syncFolder(folder);
  } catch (error) {
    await rm(staging, { force: true }).catch(() => undefined);
    throw fileError('write', path, error);
  }
}

async function followLink(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if (isMissing(error)) return path;
    throw fileError('write', path, error);
  }
}

/** Says which folder is the problem before anything is written. */
async function checkFolder(folder: string, create: boolean): Promise<void> {
  try {
    const info = await stat(folder);
    if (!info.isDirectory()) {
      throw new AppError('STORAGE_FAILED', `${folder} is not a folder. Nothing was written.`);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (!isMissing(error)) throw fileError('write', folder, error);
    if (!create) {
      throw new AppError(
        'STORAGE_FAILED',
        `The folder ${folder} does not exist. Create it, or correct the target's path.`,
      );
    }
    // The user's own credentials folder (e.g. ~/.podstack): private to them.
    await mkdir(folder, { recursive: true, mode: 0o700 }).catch((cause: unknown) => {
      throw fileError('write', folder, cause);
    });
  }
  await access(folder, constants.W_OK).catch((cause: unknown) => {
    throw fileError('write', folder, cause);
  });
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; the rename is as durable as it gets there.
  if (process.platform === 'win32') return;
  const handle = await open(folder, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const REASONS: Record<string, string> = {
  EACCES: 'permission was denied',
  EPERM: 'the operation is not permitted (read-only or protected folder)',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
};

function errnoOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' ? code : undefined;
}

/** Names the user's file (never the staging name) and says that it was left as it was. */
function fileError(action: 'read' | 'write', path: string, error: unknown): AppError {
  if (error instanceof AppError && error.code !== 'STORAGE_FAILED') return error;
  const reason =
    REASONS[errnoOf(error) ?? ''] ??
    (error instanceof AppError
      ? 'the file system refused the write'
      : 'the file system refused the operation');
  const outcome = action === 'write' ? ' The file was left as it was.' : '';
  return new AppError('STORAGE_FAILED', `Could not ${action} ${path}: ${reason}.${outcome}`);
}
