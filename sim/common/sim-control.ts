import { z } from 'zod';
import { parseBody } from './sim-body';
import type { SimClock } from './sim-clock';
import { SimHttpError } from './sim-error';
import { asObject } from './sim-json';
import type { SimControl, SimKnobs, SimRoute, SimServer } from './sim-types';

const RateLimitSchema = z.object({
  limit: z.number().int().min(0),
  windowMs: z.number().int().positive(),
  route: z.string().min(1).optional(),
});

const KnobsSchema = z.object({
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  rateLimit: RateLimitSchema.nullable().optional(),
});

const FailureSchema = z.object({
  route: z.string().min(1),
  kind: z.enum([
    'status',
    'timeout',
    'reset',
    'malformed',
    'html',
    'commit-then-status',
    'commit-then-close',
    'commit-late',
  ]),
  status: z.number().int().min(100).max(599).optional(),
  message: z.string().min(1).max(500).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  times: z.number().int().positive().optional(),
  retryAfter: z.string().min(1).optional(),
});

const ClockSchema = z.object({
  offsetMs: z.number().int().optional(),
  advanceMs: z.number().int().optional(),
});

/**
 * `/__sim/…`: the same knobs as the in-process handle, for tests and fixtures in another process
 * (Playwright). Never subject to latency, failures or rate limits.
 */
export function controlRoutes(
  sim: SimServer,
  clock: SimClock,
  control: SimControl | undefined,
): SimRoute[] {
  const state = (): { status: number; body: unknown } => ({ status: 200, body: sim.state() });
  return [
    { key: 'sim.state', method: 'GET', path: '/__sim/state', handle: state },
    {
      key: 'sim.knobs',
      method: 'POST',
      path: '/__sim/knobs',
      handle: ({ body }) => {
        sim.setKnobs(parseBody<SimKnobs>(KnobsSchema, body));
        return state();
      },
    },
    {
      key: 'sim.failures.add',
      method: 'POST',
      path: '/__sim/failures',
      handle: ({ body }) => {
        sim.injectFailure(parseBody(FailureSchema, body));
        return state();
      },
    },
    {
      key: 'sim.failures.clear',
      method: 'DELETE',
      path: '/__sim/failures',
      handle: () => {
        sim.clearFailures();
        return state();
      },
    },
    {
      key: 'sim.clock',
      method: 'POST',
      path: '/__sim/clock',
      handle: ({ body }) => {
        const { offsetMs, advanceMs } = parseBody(ClockSchema, body);
        if (offsetMs !== undefined) clock.setOffset(offsetMs);
        if (advanceMs !== undefined) clock.advance(advanceMs);
        return {
          status: 200,
          body: { now: clock.now().toISOString(), clockOffsetMs: clock.offsetMs() },
        };
      },
    },
    {
      key: 'sim.dashboard',
      method: 'POST',
      path: '/__sim/dashboard/:action',
      handle: async ({ params, body }) => {
        const action = control?.actions[params.action ?? ''];
        if (action === undefined) {
          throw new SimHttpError(404, `No dashboard action "${params.action ?? ''}"`);
        }
        const result: unknown = await action(asObject(body ?? {}));
        return { status: 200, body: result ?? {} };
      },
    },
  ];
}
