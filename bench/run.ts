import { bundleSize } from './bundle-size.bench';
import { cacheMemory } from './cache-memory.bench';
import { coldStart } from './cold-start.bench';
import { listScaling } from './list-scaling.bench';
import { formatLine, meetsTarget, type BenchLine } from './measure';
import { refreshConcurrency } from './refresh-concurrency.bench';
import { refreshScale } from './refresh-scale.bench';
import { rotationOverhead } from './rotation-overhead.bench';

const benches: Array<() => Promise<BenchLine | BenchLine[]>> = [
  refreshScale,
  rotationOverhead,
  coldStart,
  bundleSize,
  refreshConcurrency,
  listScaling,
  cacheMemory,
];

async function main(): Promise<void> {
  let missed = 0;
  for (const bench of benches) {
    const result = await bench();
    for (const line of Array.isArray(result) ? result : [result]) {
      if (!meetsTarget(line)) missed++;
      console.log(formatLine(line));
    }
  }
  process.exitCode = missed === 0 ? 0 : 1;
}

void main();
