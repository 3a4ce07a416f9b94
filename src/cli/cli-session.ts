import { join } from 'node:path';
import { createCore, type Core } from '../main/core/app-core';
import type { EmitEvent } from '../main/core/events';
import { createHttpClient } from '../main/core/http/http-client';
import { createLogger, fileLogWriter } from '../main/core/log/logger';
import { allAdapters } from '../main/core/providers/all-adapters';
import { ensurePrivateDir } from '../main/core/storage/atomic-file';
import { resolveDataDir } from '../main/core/storage/data-dir';
import { acquireWriterLock, type WriterLock } from '../main/core/storage/writer-lock';
import { KeytarSecretStore } from '../main/platform/keytar-secret-store';
import type { RotationView } from '../shared/model';

/**
 * Reading needs no lock: lists, checks and exports read files that are only ever replaced
 * atomically, so they work while the app runs. Writing takes the data dir's writer lock, waiting
 * up to `waitMs` for the app or another command to finish.
 */
export type SessionMode = { write: false } | { write: true; command: string; waitMs: number };

export interface CliSession {
  core: Core;
  dataDir: string;
  /** Every step of every rotation this process drives. */
  onRotationProgress(listener: (view: RotationView) => void): void;
  close(): Promise<void>;
}

/**
 * The same core as the app (compose.ts), with the same data dir and keychain, and without what
 * only a long-running app needs (the reminder scheduler, a clipboard).
 */
export async function openSession(mode: SessionMode): Promise<CliSession> {
  const dataDir = resolveDataDir();
  await ensurePrivateDir(dataDir);
  let lock: WriterLock | null = null;
  if (mode.write) {
    lock = await acquireWriterLock(dataDir, {
      owner: `tokendesk ${mode.command}`,
      waitMs: mode.waitMs,
    });
  }
  const writer = fileLogWriter(join(dataDir, 'logs', 'tokendesk.log'));
  const log = createLogger(writer);
  const http = createHttpClient({});
  const listeners: Array<(view: RotationView) => void> = [];
  const emit: EmitEvent = (event, payload) => {
    if (event !== 'rotation:progress') return;
    for (const listener of listeners) listener(payload as RotationView);
  };
  const core = createCore({
    dataDir,
    secrets: new KeytarSecretStore(),
    http,
    adapters: allAdapters,
    log,
    emit,
    clipboard: null,
  });
  const close = async (): Promise<void> => {
    await http.close();
    writer.close();
    if (lock !== null) await lock.release();
  };
  // The writer finishes what a crash interrupted before it changes anything, as the app does on
  // start: otherwise a half-done rotation would block its token until the app next opens.
  if (mode.write) {
    try {
      await core.rotation.recover();
    } catch (error) {
      await close();
      throw error;
    }
  }
  return {
    core,
    dataDir,
    onRotationProgress: (listener) => listeners.push(listener),
    close,
  };
}
