import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../../shared/contract';
import { createCore, type Core } from '../app-core';
import type { ReminderPort, TimerPort } from '../attention/reminder-scheduler';
import type { Clock } from '../clock';
import type { ClipboardPort } from '../clipboard/secret-clipboard';
import type { HttpClient } from '../http/http-client.types';
import { silentLogger } from '../log/logger';
import type { Checkpoint } from '../rotation/rotation-deps';
import type { RotationPublisher } from '../rotation/rotation-publisher';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import type { SecretStore } from '../secrets/secret-store';
import { FakeProvider, type FakeProviderOptions } from './fake-provider';

export interface TestCore {
  core: Core;
  provider: FakeProvider;
  secrets: SecretStore;
  dataDir: string;
  /** Every event emitted, narrowed by name (`e.event === 'rotation:progress'` types the payload). */
  events: Array<{ [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName]>;
  cleanup(): Promise<void>;
}

const unusedHttp: HttpClient = {
  request: () => Promise.reject(new Error('the fake provider makes no HTTP calls')),
  close: () => Promise.resolve(),
};

/** A core over a temp data dir, a memory keychain and one fake provider. */
export async function createTestCore(
  options: FakeProviderOptions & {
    secrets?: SecretStore;
    clipboard?: ClipboardPort;
    env?: NodeJS.ProcessEnv;
    publisher?: RotationPublisher;
    checkpoint?: Checkpoint;
    /** Reuse a data dir (a "restart" of the app over the same state). */
    dataDir?: string;
    provider?: FakeProvider;
    clock?: Clock;
    timer?: TimerPort;
    reminderPort?: ReminderPort;
  } = {},
): Promise<TestCore> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'tokendesk-core-')));
  const provider =
    options.provider ??
    new FakeProvider({
      guided: options.guided === true,
      ...(options.mode === undefined ? {} : { mode: options.mode }),
      ...(options.maxActive === undefined ? {} : { maxActive: options.maxActive }),
    });
  const secrets = options.secrets ?? new MemorySecretStore();
  const events: TestCore['events'] = [];
  const core = createCore({
    dataDir,
    secrets,
    http: unusedHttp,
    adapters: [provider],
    log: silentLogger,
    emit: (event, payload) => events.push({ event, payload } as TestCore['events'][number]),
    clipboard: options.clipboard ?? null,
    importEnvironment: { env: options.env ?? {}, home: dataDir },
    ...(options.publisher === undefined ? {} : { publisher: options.publisher }),
    ...(options.checkpoint === undefined ? {} : { rotationCheckpoint: options.checkpoint }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.timer === undefined ? {} : { timer: options.timer }),
    ...(options.reminderPort === undefined ? {} : { reminderPort: options.reminderPort }),
  });
  return {
    core,
    provider,
    secrets,
    dataDir,
    events,
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** Adds an account whose credential is a token the fake service knows. */
export async function addFakeAccount(
  t: TestCore,
  label = 'Work',
): Promise<{ accountId: string; credential: string }> {
  const { secret } = t.provider.seed('management');
  const account = await t.core.accounts.add({
    provider: t.provider.info.kind,
    label,
    baseUrl: 'https://service.example.com/',
    settings: { userId: 'alice' },
    credential: secret,
  });
  return { accountId: account.id, credential: secret };
}

/** Adds a guided account: no credential, tokens are tracked by pasting them. */
export async function addGuidedAccount(t: TestCore, label = 'Dashboard'): Promise<string> {
  const account = await t.core.accounts.add({
    provider: t.provider.info.kind,
    label,
    baseUrl: 'https://api.example.com/v2',
    settings: {},
  });
  return account.id;
}
