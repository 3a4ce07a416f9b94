import { describe, expect, it } from 'vitest';
import { KeyedLimiter } from './keyed-limiter';

/** Runs `tasks` (key per task) through the limiter and reports the peaks it allowed. */
async function peaks(
  limiter: KeyedLimiter,
  keys: string[],
): Promise<{ total: number; byKey: Map<string, number>; results: number[] }> {
  let running = 0;
  let total = 0;
  const runningByKey = new Map<string, number>();
  const byKey = new Map<string, number>();
  const results = await Promise.all(
    keys.map((key, index) =>
      limiter.run(key, async () => {
        running += 1;
        total = Math.max(total, running);
        runningByKey.set(key, (runningByKey.get(key) ?? 0) + 1);
        byKey.set(key, Math.max(byKey.get(key) ?? 0, runningByKey.get(key) ?? 0));
        await new Promise((resolve) => setTimeout(resolve, 1));
        runningByKey.set(key, (runningByKey.get(key) ?? 0) - 1);
        running -= 1;
        return index;
      }),
    ),
  );
  return { total, byKey, results };
}

describe('KeyedLimiter', () => {
  it('runs every key side by side, each at most perKey at once', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `origin-${i % 4}`);
    const { total, byKey, results } = await peaks(new KeyedLimiter(3, 100), keys);

    expect(results).toEqual(keys.map((_, i) => i));
    expect(total).toBe(12);
    expect([...byKey.values()]).toEqual([3, 3, 3, 3]);
  });

  it('never runs more than the total at once across keys', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `origin-${i}`);
    const { total } = await peaks(new KeyedLimiter(2, 7), keys);
    expect(total).toBe(7);
  });

  it('does not let one busy key hold back the others', async () => {
    const keys = [...Array.from({ length: 10 }, () => 'busy'), 'quiet'];
    const limiter = new KeyedLimiter(1, 5);
    const order: string[] = [];
    await Promise.all(
      keys.map((key) =>
        limiter.run(key, async () => {
          order.push(key);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }),
      ),
    );
    expect(order.indexOf('quiet')).toBe(1);
  });

  it('frees the slot of a task that failed', async () => {
    const limiter = new KeyedLimiter(1, 1);
    await expect(limiter.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('a', () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
