import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKestraSim, type KestraSim } from '../sim/kestra/kestra.sim';
import { BenchKeychain } from './bench-keychain';
import { createCore, type Core } from '../src/main/core/app-core';
import { createHttpClient } from '../src/main/core/http/http-client';
import { silentLogger } from '../src/main/core/log/logger';
import { kestraAdapter } from '../src/main/core/providers/kestra/kestra.adapter';
import { MemorySecretStore } from '../src/main/core/secrets/memory-secret-store';

export interface BenchWorld {
  core: Core;
  /** The keychain as the core sees it, counting every call. */
  keychain: BenchKeychain;
  sims: KestraSim[];
  accountIds: string[];
  close(): Promise<void>;
}

/**
 * `accounts` Kestra accounts, each on its own simulator (its own origin), each holding `tokens`,
 * with the reminder scheduler running as in the app.
 */
export async function startBenchWorld(options: {
  accounts: number;
  tokens: number;
  latencyMs: number;
}): Promise<BenchWorld> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-bench-'));
  const http = createHttpClient({});
  const keychain = new BenchKeychain(new MemorySecretStore());
  const core = createCore({
    dataDir,
    secrets: keychain,
    http,
    adapters: [kestraAdapter],
    log: silentLogger,
    emit: () => undefined,
    clipboard: null,
  });
  const sims: KestraSim[] = [];
  const accountIds: string[] = [];
  for (let i = 0; i < options.accounts; i++) {
    const credential = `bench-management-${i}-${'x'.repeat(24)}`;
    const tokens = Array.from({ length: options.tokens }, (_, n) => ({
      name: `token-${n}`,
      maxAge: 'P90D',
      iatDaysAgo: n % 80,
      lastUsedDaysAgo: n % 40,
    }));
    const sim = await startKestraSim({
      users: [{ id: 'bench', tokens: [{ name: 'tokendesk', secret: credential }, ...tokens] }],
    });
    sims.push(sim);
    const account = await core.accounts.add({
      provider: 'kestra',
      label: `Kestra ${i}`,
      baseUrl: sim.url,
      settings: { userId: 'bench', tenant: 'main' },
      credential,
    });
    accountIds.push(account.id);
    sim.setKnobs({ latencyMs: options.latencyMs });
  }
  await core.reminders.start();
  return {
    core,
    keychain,
    sims,
    accountIds,
    async close() {
      await core.reminders.stop();
      await http.close();
      await Promise.all(sims.map((sim) => sim.close()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
