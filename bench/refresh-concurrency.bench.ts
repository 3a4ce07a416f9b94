import { startBenchWorld } from './bench-core';
import { bestTime, type BenchLine } from './measure';

const ACCOUNTS = 8;
const LATENCY_MS = 150;

/** Refreshing every account at once must cost about one service's latency, not the sum of all. */
export async function refreshConcurrency(): Promise<BenchLine> {
  const world = await startBenchWorld({ accounts: ACCOUNTS, tokens: 40, latencyMs: LATENCY_MS });
  try {
    const oneByOne = await bestTime(async () => {
      for (const id of world.accountIds) await world.core.inventory.refresh(id);
    }, 2);
    const together = await bestTime(() => world.core.inventory.refresh(), 2);
    return {
      name: `inventory refresh, ${ACCOUNTS} services at ${LATENCY_MS} ms latency: one by one ÷ all at once`,
      figures: `${oneByOne.toFixed(0)} ms one by one, ${together.toFixed(0)} ms at once`,
      ratio: oneByOne / together,
      target: { atLeast: 3 },
    };
  } finally {
    await world.close();
  }
}
