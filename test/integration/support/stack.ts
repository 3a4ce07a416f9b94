import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../../src/main/core/app-core';
import { createHttpClient } from '../../../src/main/core/http/http-client';
import { silentLogger } from '../../../src/main/core/log/logger';
import { kestraAdapter } from '../../../src/main/core/providers/kestra/kestra.adapter';
import type { ProviderAdapter } from '../../../src/main/core/providers/provider-adapter';
import type { Envelope } from '../../../src/shared/contract';
import { createDispatcher } from '../../../src/main/ipc/handle';
import { createHandlerTable } from '../../../src/main/ipc/handlers';
import { KeytarSecretStore } from '../../../src/main/platform/keytar-secret-store';

/**
 * The app as the renderer reaches it, minus the transport: dispatcher, handlers, core, the
 * real keychain (under a test service name) and real HTTP. `call` is what one IPC call does.
 */
export async function startStack(
  keychainService: string,
  adapters: readonly ProviderAdapter[] = [kestraAdapter],
) {
  const dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-int-'));
  const secrets = new KeytarSecretStore(keychainService);
  const http = createHttpClient({
    connectTimeoutMs: 2_000,
    requestTimeoutMs: 3_000,
    baseDelayMs: 10,
  });
  const core = createCore({
    dataDir,
    secrets,
    http,
    adapters,
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
    dataDir,
    secrets,
    core,
    call: (channel: string, args: unknown): Promise<Envelope<unknown>> =>
      dispatch(channel, { url: 'http://127.0.0.1', isMainFrame: true }, args),
    async stop(): Promise<void> {
      for (const key of await secrets.list()) await secrets.delete(key);
      await http.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
