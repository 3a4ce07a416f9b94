import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../../src/shared/contract';
import { createCore, type Core } from '../../../src/main/core/app-core';
import { MemoryClipboard } from '../../../src/main/core/test-support/memory-clipboard';
import { createHttpClient } from '../../../src/main/core/http/http-client';
import { createLogger, fileLogWriter } from '../../../src/main/core/log/logger';
import type { ProviderAdapter } from '../../../src/main/core/providers/provider-adapter';
import { kestraAdapter } from '../../../src/main/core/providers/kestra/kestra.adapter';
import type { Checkpoint } from '../../../src/main/core/rotation/rotation-deps';
import { createDispatcher } from '../../../src/main/ipc/handle';
import { createHandlerTable } from '../../../src/main/ipc/handlers';
import { KeytarSecretStore } from '../../../src/main/platform/keytar-secret-store';

export interface Recorded {
  channel: string;
  payload: unknown;
}

/**
 * The app as compose.ts builds it (real keychain under a test service name, the file logger in
 * the data dir, real HTTP with short timeouts), with every reply and every event the renderer
 * would receive recorded for the leak scan.
 */
export async function startRecordingStack(
  keychainService: string,
  options: {
    adapters?: readonly ProviderAdapter[];
    env?: NodeJS.ProcessEnv;
    /** Start over an existing data dir: the app restarted over the same state. */
    dataDir?: string;
    /** Called at each named point of a rotation, to bring a fault in at that moment. */
    rotationCheckpoint?: Checkpoint;
  } = {},
) {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'tokendesk-reliability-')));
  // The user's own files (publish targets) live elsewhere: they may hold secrets, the data dir not.
  const homeDir = await mkdtemp(join(tmpdir(), 'tokendesk-reliability-home-'));
  const secrets = new KeytarSecretStore(keychainService);
  const http = createHttpClient({
    connectTimeoutMs: 2_000,
    requestTimeoutMs: 2_000,
    maxAttempts: 2,
    baseDelayMs: 10,
  });
  const replies: Recorded[] = [];
  const events: Recorded[] = [];
  const clipboard = new MemoryClipboard();
  const log = createLogger(fileLogWriter(join(dataDir, 'logs', 'tokendesk.log')));
  const core: Core = createCore({
    dataDir,
    secrets,
    http,
    adapters: [kestraAdapter, ...(options.adapters ?? [])],
    log,
    emit: (channel, payload) => events.push({ channel, payload }),
    clipboard,
    importEnvironment: { env: options.env ?? {}, home: homeDir },
    ...(options.rotationCheckpoint === undefined
      ? {}
      : { rotationCheckpoint: options.rotationCheckpoint }),
  });
  const dispatch = createDispatcher(
    createHandlerTable(core, { target: 'electron', version: 'reliability' }),
    {
      isTrustedSender: () => true,
      log,
      onReply: (channel, payload) => replies.push({ channel, payload }),
    },
  );
  return {
    dataDir,
    homeDir,
    secrets,
    core,
    clipboard,
    replies,
    events,
    call: (channel: string, args: unknown): Promise<Envelope<unknown>> =>
      dispatch(channel, { url: 'file:///reliability', isMainFrame: true }, args),
    /** Stops this instance and leaves its data dir and keychain entries to the other one. */
    async release(): Promise<void> {
      await http.close();
      await rm(homeDir, { recursive: true, force: true });
    },
    async stop(): Promise<void> {
      if (core.clipboard) await core.clipboard.flush();
      for (const key of await secrets.list()) await secrets.delete(key);
      await http.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(homeDir, { recursive: true, force: true });
    },
  };
}

export type RecordingStack = Awaited<ReturnType<typeof startRecordingStack>>;

/** The result of a call that must succeed; a failure ends the test with its message. */
export function resultOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.result as T;
}
