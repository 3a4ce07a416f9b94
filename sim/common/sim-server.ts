import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRouteMatcher } from './route-matcher';
import type { RouteMatcher } from './route-matcher';
import type { SimClock } from './sim-clock';
import { createSimClock } from './sim-clock';
import { controlRoutes } from './sim-control';
import { SimHttpError } from './sim-error';
import type { ThrottleHeaders } from './sim-faults';
import {
  SimFaults,
  actOutAfterCommit,
  actOutFailure,
  commitDelayMs,
  commitsFirst,
} from './sim-faults';
import { readJsonBody, sendJson } from './sim-json';
import type {
  SimControl,
  SimMethod,
  SimRoute,
  SimServer,
  SimServerState,
  RateLimitSpec,
} from './sim-types';

export interface SimServerOptions {
  /** Shown in /__sim/state; defaults to "sim". */
  name?: string;
  routes: readonly SimRoute[];
  control?: SimControl;
  /** Shared with the service model, so that its rules and the knobs agree on "now". */
  clock?: SimClock;
  latencyMs?: number;
  rateLimit?: RateLimitSpec | null;
  /** A "timeout" failure drops its connection after this long even if no client gave up. */
  hangMs?: number;
  /** The rate-limit headers the service sends with a 429 besides Retry-After (GitLab's RateLimit-*). */
  throttleHeaders?: ThrottleHeaders;
}

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const CONTROL_PREFIX = '/__sim/';

function wait(ms: number): Promise<void> {
  // unref: a pending latency timer must not keep a finished test process alive.
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Starts a simulator on 127.0.0.1 with an OS-chosen port. */
export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const name = options.name ?? 'sim';
  const clock = options.clock ?? createSimClock();
  const faults = new SimFaults();
  faults.setRateLimit(options.rateLimit ?? null);
  const hangMs = options.hangMs ?? 60_000;
  let latencyMs = options.latencyMs ?? 0;
  const hanging = new Map<ServerResponse, NodeJS.Timeout>();
  const matchService = createRouteMatcher(options.routes);
  // Control routes act on the handle, which exists only once the server listens.
  let matchControl: RouteMatcher = () => null;

  async function serve(
    match: ReturnType<RouteMatcher>,
    request: IncomingMessage,
    url: URL,
    delayMs = 0,
  ) {
    if (match === null) throw new SimHttpError(404, 'Not Found');
    const body = await readJsonBody(request);
    if (delayMs > 0) await wait(delayMs);
    return match.route.handle({
      method: request.method as SimMethod,
      path: url.pathname,
      params: match.params,
      query: url.searchParams,
      headers: request.headers,
      body,
    });
  }

  function hang(response: ServerResponse): void {
    const timer = setTimeout(() => {
      hanging.delete(response);
      response.socket?.destroy();
    }, hangMs);
    timer.unref();
    hanging.set(response, timer);
    response.on('close', () => {
      clearTimeout(timer);
      hanging.delete(response);
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://sim.invalid');
    const method = (request.method ?? '').toUpperCase();
    if (!METHODS.has(method)) throw new SimHttpError(405, 'Method Not Allowed');
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      const reply = await serve(matchControl(method as SimMethod, url.pathname), request, url);
      sendJson(response, reply.status, reply.body, reply.headers);
      return;
    }
    const match = matchService(method as SimMethod, url.pathname);
    if (match !== null) {
      if (latencyMs > 0) await wait(latencyMs);
      const retryAfter = faults.overLimit(match.route.key, clock.now().getTime());
      if (retryAfter !== null) {
        sendJson(
          response,
          429,
          { message: 'Too many requests' },
          { 'retry-after': `${retryAfter}`, ...(options.throttleHeaders?.(retryAfter) ?? {}) },
        );
        return;
      }
      const failure = faults.take(match.route.key);
      if (failure !== null && commitsFirst(failure)) {
        // A refusal of the service's own (validation, auth) throws here: nothing was committed.
        const reply = await serve(match, request, url, commitDelayMs(failure));
        actOutAfterCommit(response, failure, () =>
          sendJson(response, reply.status, reply.body, reply.headers),
        );
        return;
      }
      if (failure !== null) {
        if (actOutFailure(response, failure, options.throttleHeaders)) hang(response);
        return;
      }
    }
    const reply = await serve(match, request, url);
    sendJson(response, reply.status, reply.body, reply.headers);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return;
      if (error instanceof SimHttpError) {
        sendJson(response, error.status, { message: error.message });
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      sendJson(response, 500, { message: `Internal simulator error: ${message}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sim: SimServer = {
    name,
    url,
    now: () => clock.now(),
    setClockOffset: (ms) => clock.setOffset(ms),
    advanceClock: (ms) => clock.advance(ms),
    setKnobs(knobs) {
      if (knobs.latencyMs !== undefined) latencyMs = knobs.latencyMs;
      if (knobs.rateLimit !== undefined) faults.setRateLimit(knobs.rateLimit);
    },
    injectFailure: (failure) => faults.add(failure),
    clearFailures: () => faults.clear(),
    state(): SimServerState {
      return {
        name,
        url,
        now: clock.now().toISOString(),
        clockOffsetMs: clock.offsetMs(),
        latencyMs,
        rateLimit: faults.rateLimit(),
        failures: faults.list(),
        hanging: hanging.size,
        service: options.control?.state() ?? null,
      };
    },
    close() {
      for (const timer of hanging.values()) clearTimeout(timer);
      hanging.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive and hanging connections would otherwise hold close() open indefinitely.
        server.closeAllConnections();
      });
    },
  };
  matchControl = createRouteMatcher(controlRoutes(sim, clock, options.control));
  return sim;
}
