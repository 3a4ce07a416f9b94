import { cacheMemory } from './cache-memory.bench';
import { listScaling } from './list-scaling.bench';
import { formatLine, meetsTarget, type BenchLine } from './measure';
import { refreshConcurrency } from './refresh-concurrency.bench';

const benches: Array<() => Promise<BenchLine>> = [refreshConcurrency, listScaling, cacheMemory];

async function main(): Promise<void> {
  let missed = 0;
  for (const bench of benches) {
    const line = await bench();
    if (!meetsTarget(line)) missed++;
    console.log(formatLine(line));
  }
  process.exitCode = missed === 0 ? 0 : 1;
}

void main();
