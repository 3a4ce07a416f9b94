import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/main/core/app-core';
import { createHttpClient } from '../src/main/core/http/http-client';
import { silentLogger } from '../src/main/core/log/logger';
import { kestraAdapter } from '../src/main/core/providers/kestra/kestra.adapter';
import { MemorySecretStore } from '../src/main/core/secrets/memory-secret-store';
import { storageMeter } from '../src/main/core/storage/storage-meter';
import { seedDataDir } from '../src/main/core/test-support/seed-data-dir';
import type { BenchLine } from './measure';

const ACCOUNTS = 200;
const TOKENS = 50;

/**
 * A start with 200 accounts in the data dir: the time until `tokens:inventory` answers (what
 * the window waits for before it shows anything), and how often inventory.json was read for it.
 */
export async function coldStart(): Promise<BenchLine[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-bench-cold-'));
  const http = createHttpClient({});
  try {
    await seedDataDir(dataDir, { accounts: ACCOUNTS, tokensPerAccount: TOKENS });
    storageMeter.reset();
    const start = performance.now();
    const core = createCore({
      dataDir,
      secrets: new MemorySecretStore(),
      http,
      adapters: [kestraAdapter],
      log: silentLogger,
      emit: () => undefined,
      clipboard: null,
    });
    const inventory = await core.inventory.snapshot();
    const ms = performance.now() - start;
    if (inventory.length !== ACCOUNTS) throw new Error('the cold start lost accounts');
    const reads = storageMeter.readsOf('inventory.json');
    return [
      {
        name: `cold start with ${ACCOUNTS} accounts × ${TOKENS} tokens: first answer (ms)`,
        figures: `${ms.toFixed(0)} ms until tokens:inventory answered`,
        ratio: ms,
        target: { atMost: 1000 },
      },
      {
        name: `cold start with ${ACCOUNTS} accounts: reads of inventory.json`,
        figures: `${reads} read(s)`,
        ratio: reads,
        target: { atMost: 1 },
      },
    ];
  } finally {
    await http.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
