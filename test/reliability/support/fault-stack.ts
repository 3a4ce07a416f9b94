import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src/main/core/app-core';
import { createHttpClient } from '../../../src/main/core/http/http-client';
import { silentLogger } from '../../../src/main/core/log/logger';
import { bodhiAdapter } from '../../../src/main/core/providers/bodhi/bodhi.adapter';
import { githubAdapter } from '../../../src/main/core/providers/github/github.adapter';
import { gitlabAdapter } from '../../../src/main/core/providers/gitlab/gitlab.adapter';
import { kestraAdapter } from '../../../src/main/core/providers/kestra/kestra.adapter';
import type { ProviderAdapter } from '../../../src/main/core/providers/provider-adapter';
import { createDispatcher } from '../../../src/main/ipc/handle';
import { createHandlerTable } from '../../../src/main/ipc/handlers';
import { KeytarSecretStore } from '../../../src/main/platform/keytar-secret-store';
import type { Envelope } from '../../../src/shared/contract';

export { gitlabAccountsOnly } from '../../integration/support/gitlab-accounts-only';

/** How long the client waits for an answer: a "commit late" fault lands well after it. */
export const CLIENT_TIMEOUT_MS = 400;

export interface FaultStack {
  core: Core;
  secrets: KeytarSecretStore;
  call(channel: string, args: unknown): Promise<Envelope<unknown>>;
  stop(): Promise<void>;
}

/**
 * The core as the app composes it, with the real keychain under a service name of its own and
 * real HTTP with a short timeout. Waits between attempts are skipped: the matrix counts what is
 * sent, not how long it waits.
 */
export async function startFaultStack(
  adapters: readonly ProviderAdapter[] = [gitlabAdapter],
): Promise<FaultStack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-faults-'));
  const secrets = new KeytarSecretStore(`TokenDesk-matrix-${randomBytes(4).toString('hex')}`);
  const http = createHttpClient({
    connectTimeoutMs: 2_000,
    requestTimeoutMs: CLIENT_TIMEOUT_MS,
    baseDelayMs: 10,
    sleep: () => Promise.resolve(),
  });
  const core = createCore({
    dataDir,
    secrets,
    http,
    adapters: [kestraAdapter, bodhiAdapter, githubAdapter, ...adapters],
    log: silentLogger,
    emit: () => undefined,
    clipboard: null,
  });
  const dispatch = createDispatcher(
    createHandlerTable(core, { target: 'browser', version: 'test' }),
    {
      isTrustedSender: () => true,
      log: silentLogger,
    },
  );
  return {
    core,
    secrets,
    call: (channel, args) =>
      dispatch(channel, { url: 'http://127.0.0.1', isMainFrame: true }, args),
    async stop() {
      for (const key of await secrets.list()) await secrets.delete(key);
      await http.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
