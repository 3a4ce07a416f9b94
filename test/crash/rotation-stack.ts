import { join } from 'node:path';
import { createCore, type Core } from '../../src/main/core/app-core';
import type { EmitEvent } from '../../src/main/core/events';
import { createHttpClient } from '../../src/main/core/http/http-client';
import type { HttpClient } from '../../src/main/core/http/http-client.types';
import { createLogger, fileLogWriter, type FileLogWriter } from '../../src/main/core/log/logger';
import type { ProviderAdapter } from '../../src/main/core/providers/provider-adapter';
import { githubAdapter } from '../../src/main/core/providers/github/github.adapter';
import { gitlabAdapter } from '../../src/main/core/providers/gitlab/gitlab.adapter';
import { kestraAdapter } from '../../src/main/core/providers/kestra/kestra.adapter';
import { podstackAdapter } from '../../src/main/core/providers/podstack/podstack.adapter';
import { teraswitchAdapter } from '../../src/main/core/providers/teraswitch/teraswitch.adapter';
import type { Checkpoint } from '../../src/main/core/rotation/rotation-deps';
import { ensurePrivateDir } from '../../src/main/core/storage/atomic-file';
import { createDispatcher } from '../../src/main/ipc/handle';
import { createHandlerTable } from '../../src/main/ipc/handlers';
import { KeytarSecretStore } from '../../src/main/platform/keytar-secret-store';
import type { Envelope } from '../../src/shared/contract';

/**
 * The adapters a crash scenario may run with. A roll (GitLab) or guided (Podstack) scenario
 * plugs in by adding its adapter here once it exists in src/main/core/providers.
 */
export const crashAdapters: Record<string, ProviderAdapter> = {
  kestra: kestraAdapter,
  github: githubAdapter,
  gitlab: gitlabAdapter,
  podstack: podstackAdapter,
  teraswitch: teraswitchAdapter,
};

export interface RotationStackOptions {
  dataDir: string;
  keychainService: string;
  checkpoint?: Checkpoint;
  emit?: EmitEvent;
  /** Short, so an injected "timeout" costs little; the client still retries what is safe. */
  requestTimeoutMs?: number;
  /** Replaces backoff and Retry-After waits (the integration tests skip them). */
  sleep?: (ms: number) => Promise<void>;
}

export interface RotationStack {
  core: Core;
  secrets: KeytarSecretStore;
  dataDir: string;
  http: HttpClient;
  /** One IPC call as the renderer makes it: dispatcher, schemas, handler, core. */
  call(channel: string, args: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

/**
 * The core as the app composes it (compose.ts), with the real keychain under a test service
 * name, real HTTP, the log file in the data dir, and an optional rotation checkpoint.
 */
export async function startRotationStack(options: RotationStackOptions): Promise<RotationStack> {
  await ensurePrivateDir(options.dataDir);
  const writer: FileLogWriter = fileLogWriter(join(options.dataDir, 'logs', 'tokendesk.log'));
  const log = createLogger(writer);
  const secrets = new KeytarSecretStore(options.keychainService);
  const http = createHttpClient({
    connectTimeoutMs: 2_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 2_000,
    baseDelayMs: 10,
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
  });
  const core = createCore({
    dataDir: options.dataDir,
    secrets,
    http,
    adapters: Object.values(crashAdapters),
    log,
    emit: options.emit ?? (() => undefined),
    clipboard: null,
    ...(options.checkpoint === undefined ? {} : { rotationCheckpoint: options.checkpoint }),
  });
  const dispatch = createDispatcher(
    createHandlerTable(core, { target: 'browser', version: 'test' }),
    {
      isTrustedSender: () => true,
      log,
    },
  );
  return {
    core,
    secrets,
    dataDir: options.dataDir,
    http,
    call: (channel, args) =>
      dispatch(channel, { url: 'http://127.0.0.1', isMainFrame: true }, args),
    async close() {
      await http.close();
      writer.close();
    },
  };
}

/** Every keychain entry of the test service: key → secret. */
export async function keychainEntries(secrets: KeytarSecretStore): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  for (const key of await secrets.list()) {
    const value = await secrets.get(key);
    if (value !== null) entries.set(key, value);
  }
  return entries;
}

export async function clearKeychain(secrets: KeytarSecretStore): Promise<void> {
  for (const key of await secrets.list()) await secrets.delete(key);
}
