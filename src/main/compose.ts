import { join } from 'node:path';
import { createCore, type Core } from './core/app-core';
import { clearDelayFrom } from './core/clipboard/clear-delay';
import type { ReminderPort } from './core/attention/reminder-scheduler';
import type { Clock } from './core/clock';
import type { ClipboardPort } from './core/clipboard/secret-clipboard';
import type { EmitEvent } from './core/events';
import { createHttpClient } from './core/http/http-client';
import { createLogger, fileLogWriter, type Logger } from './core/log/logger';
import { allAdapters } from './core/providers/all-adapters';
import type { SecretStore } from './core/secrets/secret-store';
import { ensurePrivateDir } from './core/storage/atomic-file';
import { checkedEvents, type SendEvent } from './ipc/checked-events';
import { acquireWriterLock } from './core/storage/writer-lock';
import { createDispatcher, type Dispatch, type SenderFacts } from './ipc/handle';
import { createHandlerTable } from './ipc/handlers';

export interface AppOptions {
  target: 'electron' | 'browser';
  version: string;
  dataDir: string;
  secrets: SecretStore;
  clipboard: ClipboardPort | null;
  /** The target's raw way to push an event; compose puts the contract check in front of it. */
  emit: SendEvent;
  isTrustedSender: (sender: SenderFacts) => boolean;
  /** Desktop notifications and the tray badge (Electron only). */
  reminderPort?: ReminderPort | null;
  /** Only the e2e tests move it (TOKENDESK_CLOCK_OFFSET_MS in serve.ts); the system clock otherwise. */
  clock?: Clock;
}

export interface App {
  core: Core;
  dispatch: Dispatch;
  log: Logger;
  /** Every event main sends goes through here: parsed by its contract schema first. */
  emit: EmitEvent;
  close(): Promise<void>;
}

/** Long enough for a command-line rotation to finish its step; then the app says who holds it. */
const APP_LOCK_WAIT_MS = 15_000;

/** What both targets share: the core, its handlers and the one dispatcher in front of them. */
export async function composeApp(options: AppOptions): Promise<App> {
  await ensurePrivateDir(options.dataDir);
  // One writer per data dir: a `tokendesk` command that is changing it now gets to finish first.
  const lock = await acquireWriterLock(options.dataDir, {
    owner: options.target === 'electron' ? 'The TokenDesk app' : 'TokenDesk in the browser',
    waitMs: APP_LOCK_WAIT_MS,
  });
  const log = createLogger(fileLogWriter(join(options.dataDir, 'logs', 'tokendesk.log')));
  const emit = checkedEvents(options.emit, (event, fields) =>
    log.error('an event broke its contract and was not sent', { event, fields }),
  );
  const http = createHttpClient({});
  const clearDelay = clearDelayFrom(process.env);
  if (clearDelay.problem !== null) log.warn(clearDelay.problem);
  const core = createCore({
    clipboardClearSeconds: clearDelay.seconds,
    dataDir: options.dataDir,
    secrets: options.secrets,
    http,
    adapters: allAdapters,
    log,
    emit,
    clipboard: options.clipboard,
    reminderPort: options.reminderPort ?? null,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  // Unfinished rotations resume or are undone now, in the background: the window need not wait
  // for the services, and a rotation started meanwhile is refused if it touches the same token.
  core.rotation.recover().catch((error: unknown) => {
    log.error('recovering unfinished rotations failed', { error });
  });
  core.reminders.start().catch((error: unknown) => {
    log.error('starting the reminder scheduler failed', { error });
  });
  const table = createHandlerTable(core, { target: options.target, version: options.version });
  const dispatch = createDispatcher(table, { isTrustedSender: options.isTrustedSender, log });
  return {
    core,
    dispatch,
    log,
    emit,
    async close() {
      await core.reminders.stop();
      if (core.clipboard) await core.clipboard.flush();
      await core.flushWrites();
      await http.close();
      await lock.release();
    },
  };
}
