import { startBenchWorld } from './bench-core';
import type { BenchLine } from './measure';

const LATENCY_MS = 100;

/**
 * One overlap rotation (Kestra) at 100 ms per service round trip: its wall time ÷ the time its
 * round trips and keychain writes take by themselves. What is left over is TokenDesk's own
 * work: journaling, checks, the inventory; 1 would be no overhead at all.
 */
export async function rotationOverhead(): Promise<BenchLine> {
  const world = await startBenchWorld({ accounts: 1, tokens: 10, latencyMs: LATENCY_MS });
  try {
    const [accountId] = world.accountIds;
    const [sim] = world.sims;
    if (accountId === undefined || sim === undefined) throw new Error('no account');
    const created = await world.core.tokens.create({
      accountId,
      name: 'ci-deploy',
      expiry: { kind: 'days', days: 30 },
    });
    const callsBefore = sim.calls().length;
    world.keychain.clear();
    const start = performance.now();
    const { rotationId } = await world.core.rotation.start(accountId, created.token.id);
    const view = await world.core.rotation.whenSettled(rotationId);
    const wall = performance.now() - start;
    if (view.status !== 'done') throw new Error(`the rotation ended ${view.status}`);
    const roundTrips = sim.calls().length - callsBefore;
    const keychainMs = world.keychain.writeMs();
    const floor = roundTrips * LATENCY_MS + keychainMs;
    return {
      name: `one overlap rotation at ${LATENCY_MS} ms ÷ its round trips and keychain writes`,
      figures: `${wall.toFixed(0)} ms wall, ${roundTrips} round trips, ${keychainMs.toFixed(0)} ms of keychain writes`,
      ratio: wall / floor,
      target: { atMost: 1.2 },
    };
  } finally {
    await world.close();
  }
}
