import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../../../shared/contract';
import { createCore, type Core } from '../app-core';
import type { ClipboardPort } from '../clipboard/secret-clipboard';
import type { HttpClient } from '../http/http-client.types';
import { silentLogger } from '../log/logger';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import type { SecretStore } from '../secrets/secret-store';
import { FakeProvider } from './fake-provider';

export interface TestCore {
  core: Core;
  provider: FakeProvider;
  secrets: SecretStore;
  dataDir: string;
  events: Array<{ event: EventName; payload: EventPayload<EventName> }>;
  cleanup(): Promise<void>;
}

const unusedHttp: HttpClient = {
  request: () => Promise.reject(new Error('the fake provider makes no HTTP calls')),
  close: () => Promise.resolve(),
};

/** A core over a temp data dir, a memory keychain and one fake provider. */
export async function createTestCore(
  options: {
    secrets?: SecretStore;
    clipboard?: ClipboardPort;
    guided?: boolean;
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<TestCore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-core-'));
  const provider = new FakeProvider({ guided: options.guided === true });
  const secrets = options.secrets ?? new MemorySecretStore();
  const events: TestCore['events'] = [];
  const core = createCore({
    dataDir,
    secrets,
    http: unusedHttp,
    adapters: [provider],
    log: silentLogger,
    emit: (event, payload) => events.push({ event, payload }),
    clipboard: options.clipboard ?? null,
    importEnvironment: { env: options.env ?? {}, home: dataDir },
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
    provider: 'kestra',
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
