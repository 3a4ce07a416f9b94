import { join } from 'node:path';
import { createCore, type Core } from './core/app-core';
import type { ClipboardPort } from './core/clipboard/secret-clipboard';
import type { EmitEvent } from './core/events';
import { createHttpClient } from './core/http/http-client';
import { createLogger, fileLogWriter, type Logger } from './core/log/logger';
import { githubAdapter } from './core/providers/github/github.adapter';
import { kestraAdapter } from './core/providers/kestra/kestra.adapter';
import type { SecretStore } from './core/secrets/secret-store';
import { ensurePrivateDir } from './core/storage/atomic-file';
import { createDispatcher, type Dispatch, type SenderFacts } from './ipc/handle';
import { createHandlerTable } from './ipc/handlers';

export interface AppOptions {
  target: 'electron' | 'browser';
  version: string;
  dataDir: string;
  secrets: SecretStore;
  clipboard: ClipboardPort | null;
  emit: EmitEvent;
  isTrustedSender: (sender: SenderFacts) => boolean;
}

export interface App {
  core: Core;
  dispatch: Dispatch;
  log: Logger;
  close(): Promise<void>;
}

/** What both targets share: the core, its handlers and the one dispatcher in front of them. */
export async function composeApp(options: AppOptions): Promise<App> {
  await ensurePrivateDir(options.dataDir);
  const log = createLogger(fileLogWriter(join(options.dataDir, 'logs', 'tokendesk.log')));
  const http = createHttpClient({});
  const core = createCore({
    dataDir: options.dataDir,
    secrets: options.secrets,
    http,
    adapters: [kestraAdapter, githubAdapter],
    log,
    emit: options.emit,
    clipboard: options.clipboard,
  });
  // Unfinished rotations resume or are undone now, in the background: the window need not wait
  // for the services, and a rotation started meanwhile is refused if it touches the same token.
  core.rotation.recover().catch((error: unknown) => {
    log.error('recovering unfinished rotations failed', { error });
  });
  const table = createHandlerTable(core, { target: options.target, version: options.version });
  const dispatch = createDispatcher(table, { isTrustedSender: options.isTrustedSender, log });
  return {
    core,
    dispatch,
    log,
    async close() {
      if (core.clipboard) core.clipboard.flush();
      await http.close();
    },
  };
}
