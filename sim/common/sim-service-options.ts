import type { SimServerOptions } from './sim-server';
import type { RateLimitSpec } from './sim-types';

/** What every service simulator takes at start besides its seed. */
export interface SimServiceOptions {
  latencyMs?: number;
  clockOffsetMs?: number;
  rateLimit?: RateLimitSpec | null;
  hangMs?: number;
}

/** The server's share of the options; the clock offset belongs to the service's own clock. */
export function serverKnobs(
  options: SimServiceOptions,
): Pick<SimServerOptions, 'latencyMs' | 'rateLimit' | 'hangMs'> {
  return { latencyMs: options.latencyMs, rateLimit: options.rateLimit, hangMs: options.hangMs };
}
