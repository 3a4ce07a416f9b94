import { startBenchWorld } from './bench-core';
import type { BenchLine } from './measure';

const TOKENS = 4_000;

function heapUsed(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

/** The inventory in memory should stay within a small multiple of its own JSON size. */
export async function cacheMemory(): Promise<BenchLine> {
  const world = await startBenchWorld({ accounts: 2, tokens: TOKENS / 2, latencyMs: 0 });
  try {
    const before = heapUsed();
    const inventory = await world.core.inventory.refresh();
    const after = heapUsed();
    const jsonBytes = Buffer.byteLength(JSON.stringify(inventory));
    const heapBytes = Math.max(after - before, 1);
    return {
      name: `inventory of ${TOKENS.toLocaleString('en')} tokens: heap growth ÷ JSON size`,
      figures: `${(heapBytes / 1e6).toFixed(1)} MB heap for ${(jsonBytes / 1e6).toFixed(1)} MB of JSON`,
      ratio: heapBytes / jsonBytes,
      target: { atMost: 8 },
    };
  } finally {
    await world.close();
  }
}
