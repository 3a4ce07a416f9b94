import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/errors';

/** Creates the folder private to the user (the data dir holds metadata about their tokens). */
export async function ensurePrivateDir(path: string): Promise<void> {
  await mkdir(path, { recursive: true, mode: 0o700 });
}

/**
 * Replaces `path` so that a crash at any moment leaves either the old or the new content,
 * never a mix: write a temp file beside it, fsync it, keep the old one as `.bak`, rename over,
 * then fsync the folder so the rename itself is durable.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await ensurePrivateDir(dir);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await copyFile(path, `${path}.bak`).catch((error: unknown) => {
      if (!isMissing(error)) throw error;
    });
    await rename(temp, path);
    await syncDir(dir);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw storageError(path, error);
  }
}

/** Reads a file as text, or null when it does not exist. */
export async function readFileIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    throw storageError(path, error);
  }
}

async function syncDir(dir: string): Promise<void> {
  // Directories cannot be opened for fsync on Windows; the rename is as durable as it gets there.
  if (process.platform === 'win32') return;
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function isMissing(error: unknown): boolean {
  return errnoCode(error) === 'ENOENT';
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function storageError(path: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exceeded',
    EACCES: 'permission was denied',
    EPERM: 'permission was denied',
    EROFS: 'the file system is read-only',
  };
  const reason = reasons[errnoCode(error) ?? ''] ?? 'the file system refused the operation';
  return new AppError(
    'STORAGE_FAILED',
    `TokenDesk could not save its data to ${path}: ${reason}. Nothing was changed.`,
  );
}
