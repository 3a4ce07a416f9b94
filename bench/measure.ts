/** Wall time of `run`, in milliseconds; the best of `repeat` runs damps a busy machine's noise. */
export async function bestTime(run: () => unknown, repeat = 3): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint();
    await run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

export interface BenchLine {
  name: string;
  figures: string;
  ratio: number;
  /** The ratio the design promises, and which way is good. */
  target: { atLeast?: number; atMost?: number };
}

export function meetsTarget(line: BenchLine): boolean {
  const { atLeast, atMost } = line.target;
  return (
    (atLeast === undefined || line.ratio >= atLeast) &&
    (atMost === undefined || line.ratio <= atMost)
  );
}

export function formatLine(line: BenchLine): string {
  const { atLeast, atMost } = line.target;
  const target = atLeast !== undefined ? `≥ ${atLeast}` : `≤ ${atMost ?? '?'}`;
  const verdict = meetsTarget(line) ? 'ok' : 'MISSED';
  return `${line.name}: ratio ${line.ratio.toFixed(2)} (target ${target}) ${verdict} — ${line.figures}`;
}
