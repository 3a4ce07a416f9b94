import { afterEach, describe, expect, it } from 'vitest';
import { SimHttpError } from './sim-error';
import { startSimServer } from './sim-server';
import type { SimServerOptions } from './sim-server';
import type { SimServer } from './sim-types';

let sim: SimServer | null = null;
let echoed: string[] = [];

afterEach(async () => {
  await sim?.close();
  sim = null;
  echoed = [];
});

async function start(options: Partial<SimServerOptions> = {}): Promise<SimServer> {
  sim = await startSimServer({
    name: 'test',
    routes: [
      {
        key: 'echo',
        method: 'POST',
        path: '/things/:id',
        handle: ({ params, body, query }) => {
          echoed.push(params.id ?? '');
          return { status: 201, body: { id: params.id, body, q: query.get('q') } };
        },
      },
      {
        key: 'ping',
        method: 'GET',
        path: '/ping',
        handle: () => ({ status: 200, body: { ok: 1 } }),
      },
      {
        key: 'teapot',
        method: 'GET',
        path: '/teapot',
        handle: () => {
          throw new SimHttpError(418, 'short and stout');
        },
      },
    ],
    control: {
      state: () => ({ things: echoed.length }),
      actions: { touch: (body) => ({ touched: body }) },
    },
    ...options,
  });
  return sim;
}

async function call(server: SimServer, path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

function post(body: unknown): RequestInit {
  return {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  };
}

/** The error code Node gives for a failed fetch (e.g. ECONNRESET), or 'ok'. */
async function failureCode(server: SimServer, path: string): Promise<string> {
  try {
    await call(server, path);
    return 'ok';
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? 'unknown';
  }
}

describe('routing', () => {
  it('listens on 127.0.0.1 and passes params, query and JSON body to the handler', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await call(server, '/things/a%20b?q=1', post({ x: 1 }));
    expect(response.status).toBe(201);
    expect(JSON.parse(response.text)).toEqual({ id: 'a b', body: { x: 1 }, q: '1' });
  });

  it('answers 404 JSON for an unknown route and the handler status for a SimHttpError', async () => {
    const server = await start();
    expect(await call(server, '/nope')).toMatchObject({
      status: 404,
      text: '{"message":"Not Found"}',
    });
    expect(await call(server, '/teapot')).toMatchObject({
      status: 418,
      text: '{"message":"short and stout"}',
    });
  });

  it('refuses a malformed JSON body with 400', async () => {
    const server = await start();
    const response = await call(server, '/things/x', { method: 'POST', body: '{oops' });
    expect(response.status).toBe(400);
    expect(echoed).toEqual([]);
  });
});

describe('failure injection', () => {
  it('answers an injected status the given number of times, then works again', async () => {
    const server = await start();
    server.injectFailure({ route: 'ping', kind: 'status', status: 503, times: 2, retryAfter: '7' });
    const first = await call(server, '/ping');
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('7');
    expect((await call(server, '/ping')).status).toBe(503);
    expect((await call(server, '/ping')).status).toBe(200);
    expect(server.state().failures).toEqual([]);
  });

  it('targets one route key, or every route with "*"', async () => {
    const server = await start();
    server.injectFailure({ route: 'ping', kind: 'status' });
    expect((await call(server, '/things/x', post({}))).status).toBe(201);
    expect((await call(server, '/ping')).status).toBe(500);
    server.clearFailures();
    server.injectFailure({ route: '*', kind: 'status', status: 502, times: 1 });
    expect((await call(server, '/things/x', post({}))).status).toBe(502);
  });

  it('resets the connection', async () => {
    const server = await start();
    server.injectFailure({ route: 'ping', kind: 'reset', times: 1 });
    expect(await failureCode(server, '/ping')).toBe('ECONNRESET');
    expect((await call(server, '/ping')).status).toBe(200);
  });

  it('sends truncated JSON with 200', async () => {
    const server = await start();
    server.injectFailure({ route: 'ping', kind: 'malformed', times: 1 });
    const response = await call(server, '/ping');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(() => JSON.parse(response.text) as unknown).toThrow();
  });

  it('sends an HTML error page', async () => {
    const server = await start();
    server.injectFailure({ route: 'ping', kind: 'html', times: 1 });
    const response = await call(server, '/ping');
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.text).toContain('<html>');
  });

  it('commits, then answers 503 with the service’s words instead of the result', async () => {
    const server = await start();
    server.injectFailure({
      route: 'echo',
      kind: 'commit-then-status',
      message: 'upstream gone',
      times: 1,
    });
    const response = await call(server, '/things/a', post({}));
    expect(response.status).toBe(503);
    expect(JSON.parse(response.text)).toEqual({ message: 'upstream gone' });
    expect(echoed).toEqual(['a']);
  });

  it('commits, then drops the connection before the answer', async () => {
    const server = await start();
    server.injectFailure({ route: 'echo', kind: 'commit-then-close', times: 1 });
    let code = 'ok';
    await fetch(`${server.url}/things/b`, post({})).catch((error: unknown) => {
      code = (error as { cause?: { code?: string } }).cause?.code ?? 'unknown';
    });
    expect(code).toBe('ECONNRESET');
    expect(echoed).toEqual(['b']);
  });

  it('commits late: the work lands after the client gave up', async () => {
    const server = await start();
    server.injectFailure({ route: 'echo', kind: 'commit-late', delayMs: 150, times: 1 });
    const gaveUp = await fetch(`${server.url}/things/c`, {
      ...post({}),
      signal: AbortSignal.timeout(30),
    }).then(
      () => false,
      () => true,
    );
    expect(gaveUp).toBe(true);
    expect(echoed).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(echoed).toEqual(['c']);
  });

  it('does not commit when the handler itself refuses, and answers its refusal', async () => {
    const server = await start();
    server.injectFailure({ route: 'teapot', kind: 'commit-then-status', times: 1 });
    expect((await call(server, '/teapot')).status).toBe(418);
  });

  it('refuses with the service’s words before any work (401/422)', async () => {
    const server = await start();
    server.injectFailure({ route: 'echo', kind: 'status', status: 422, message: 'name taken' });
    const response = await call(server, '/things/d', post({}));
    expect(response.status).toBe(422);
    expect(JSON.parse(response.text)).toEqual({ message: 'name taken' });
    expect(echoed).toEqual([]);
  });

  it('adds the service’s own rate-limit headers to an injected 429', async () => {
    const server = await start({
      throttleHeaders: (seconds) => ({ 'ratelimit-reset': `${seconds}` }),
    });
    server.injectFailure({ route: 'ping', kind: 'status', status: 429, retryAfter: '4' });
    const response = await call(server, '/ping');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('4');
    expect(response.headers.get('ratelimit-reset')).toBe('4');
  });

  it('takes the commit faults through the control route', async () => {
    const server = await start();
    const added = await call(
      server,
      '/__sim/failures',
      post({ route: 'echo', kind: 'commit-late', delayMs: 10, times: 1 }),
    );
    expect(added.status).toBe(200);
    expect(server.state().failures).toEqual([
      { route: 'echo', kind: 'commit-late', delayMs: 10, times: 1 },
    ]);
  });

  it('hangs on "timeout" until hangMs, then drops the connection', async () => {
    const server = await start({ hangMs: 50 });
    server.injectFailure({ route: 'ping', kind: 'timeout', times: 1 });
    expect(await failureCode(server, '/ping')).not.toBe('ok');
  });

  it('close() ends a hanging request instead of waiting for it', async () => {
    const server = await start();
    server.injectFailure({ route: 'ping', kind: 'timeout' });
    const pending = failureCode(server, '/ping');
    await expect.poll(() => server.state().hanging).toBe(1);
    await server.close();
    sim = null;
    expect(await pending).not.toBe('ok');
  });
});

describe('rate limit and clock', () => {
  it('allows N requests per window, then 429 with Retry-After until the window ends', async () => {
    const server = await start({ rateLimit: { limit: 2, windowMs: 10_000 } });
    expect((await call(server, '/ping')).status).toBe(200);
    expect((await call(server, '/ping')).status).toBe(200);
    const limited = await call(server, '/ping');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(9);
    server.advanceClock(10_000);
    expect((await call(server, '/ping')).status).toBe(200);
  });

  it('moves now() with the clock offset', async () => {
    const server = await start();
    const before = server.now().getTime();
    server.setClockOffset(86_400_000);
    expect(server.now().getTime() - before).toBeGreaterThanOrEqual(86_400_000);
    expect(server.state().clockOffsetMs).toBe(86_400_000);
  });
});

describe('control routes', () => {
  it('sets knobs, failures and the clock over HTTP and reports them in the state', async () => {
    const server = await start();
    await call(
      server,
      '/__sim/knobs',
      post({ latencyMs: 5, rateLimit: { limit: 9, windowMs: 1000 } }),
    );
    await call(server, '/__sim/failures', post({ route: 'ping', kind: 'status', status: 500 }));
    const clock = await call(server, '/__sim/clock', post({ offsetMs: 1000, advanceMs: 500 }));
    expect(JSON.parse(clock.text)).toMatchObject({ clockOffsetMs: 1500 });
    const state = JSON.parse((await call(server, '/__sim/state')).text) as unknown;
    expect(state).toMatchObject({
      name: 'test',
      latencyMs: 5,
      clockOffsetMs: 1500,
      rateLimit: { limit: 9, windowMs: 1000 },
      failures: [{ route: 'ping', kind: 'status', status: 500 }],
      service: { things: 0 },
    });
    await call(server, '/__sim/failures', { method: 'DELETE' });
    expect(server.state().failures).toEqual([]);
  });

  it('is never subject to injected failures or rate limits', async () => {
    const server = await start({ rateLimit: { limit: 0, windowMs: 1000 } });
    server.injectFailure({ route: '*', kind: 'reset' });
    expect((await call(server, '/__sim/state')).status).toBe(200);
  });

  it('refuses an invalid knob with 400', async () => {
    const server = await start();
    const response = await call(
      server,
      '/__sim/failures',
      post({ route: 'ping', kind: 'explode' }),
    );
    expect(response.status).toBe(400);
    expect(server.state().failures).toEqual([]);
  });

  it('runs dashboard actions and answers 404 for unknown ones', async () => {
    const server = await start();
    const touched = await call(server, '/__sim/dashboard/touch', post({ a: 1 }));
    expect(JSON.parse(touched.text)).toEqual({ touched: { a: 1 } });
    expect((await call(server, '/__sim/dashboard/nope', post({}))).status).toBe(404);
  });
});
