import { startBenchWorld } from './bench-core';
import { bestTime, type BenchLine } from './measure';

const ACCOUNTS = 100;
const TOKENS = 50;
const LATENCY_MS = 100;

/**
 * A refresh of every account must cost about what one account's does: the services answer in
 * parallel, so only the local work (parse, store, judge) may grow with the count. Serial would
 * be 100. Also counts the keychain reads of a refresh: the credentials are held for listing.
 */
export async function refreshScale(): Promise<BenchLine[]> {
  const world = await startBenchWorld({
    accounts: ACCOUNTS,
    tokens: TOKENS,
    latencyMs: LATENCY_MS,
  });
  try {
    const [first] = world.accountIds;
    if (first === undefined) throw new Error('no account');
    await world.core.inventory.refresh();
    const one = await bestTime(() => world.core.inventory.refresh(first), 3);
    world.keychain.clear();
    const all = await bestTime(() => world.core.inventory.refresh(), 3);
    const reads = world.keychain.reads().length;
    return [
      {
        name: `refresh ${ACCOUNTS} accounts × ${TOKENS} tokens at ${LATENCY_MS} ms ÷ one account`,
        figures: `${all.toFixed(0)} ms all, ${one.toFixed(0)} ms one`,
        ratio: all / one,
        target: { atMost: 1.5 },
      },
      {
        name: `keychain reads during a refresh of ${ACCOUNTS} accounts (3 refreshes)`,
        figures: `${reads} reads`,
        ratio: reads,
        target: { atMost: 0 },
      },
    ];
  } finally {
    await world.close();
  }
}
