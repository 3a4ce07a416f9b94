import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpClientOptions } from './http-client';
import { createHttpClient } from './http-client';
import type { HttpClient, HttpMethod, RetryPolicy } from './http-client.types';
import { appErrorOf } from '../providers/test-support/app-error-of';

// Retries are undici's retry interceptor driven by each request's policy; counted here on a real
// loopback server, because only the server can tell how many times a request was sent.

type Fault = 'reset' | 'close' | 'hang' | { status: number; headers?: Record<string, string> };

interface Loopback {
  url: string;
  /** Requests the server received. */
  count(): number;
}

const cleanups: (() => Promise<void>)[] = [];
let sleeps: number[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  sleeps = [];
});

/** Answers request n with `faults[n-1]`, and every later request with 200 `{"ok":true}`. */
async function loopback(faults: readonly Fault[]): Promise<Loopback> {
  let count = 0;
  const server: Server = createServer((request, response: ServerResponse) => {
    count += 1;
    const fault = faults[count - 1];
    request.resume();
    request.on('end', () => {
      if (fault === undefined) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"ok":true}');
      } else if (fault === 'reset') response.socket?.resetAndDestroy();
      else if (fault === 'close') response.socket?.destroy();
      else if (fault !== 'hang') {
        response.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
        response.end(JSON.stringify({ message: `the service says ${fault.status}` }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, count: () => count };
}

function client(options: HttpClientOptions = {}): HttpClient {
  const http = createHttpClient({
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    requestTimeoutMs: 200,
    ...options,
  });
  cleanups.push(() => http.close());
  return http;
}

function send(http: HttpClient, url: string, retry: RetryPolicy, method: HttpMethod = 'POST') {
  return http.request({ method, url, retry, service: 'Svc', json: { name: 'ci' } });
}

const faults: [string, Fault][] = [
  ['429', { status: 429, headers: { 'retry-after': '1' } }],
  ['500', { status: 500 }],
  ['502', { status: 502 }],
  ['503', { status: 503 }],
  ['504', { status: 504 }],
  ['a reset after the request arrived', 'reset'],
  ['a socket closed without an answer', 'close'],
  ['no answer (timeout)', 'hang'],
];

/** Requests the server sees when the first attempt meets the fault and the second would work. */
const expectedSends: Record<RetryPolicy, Record<string, number>> = {
  never: Object.fromEntries(faults.map(([name]) => [name, 1])),
  throttled: { ...Object.fromEntries(faults.map(([name]) => [name, 1])), '429': 2 },
  idempotent: { ...Object.fromEntries(faults.map(([name]) => [name, 2])), '500': 1 },
};

describe('retry policy × fault, counted at the server', () => {
  for (const policy of ['never', 'throttled', 'idempotent'] as const) {
    it.each(faults)(`${policy}: %s`, async (name, fault) => {
      const server = await loopback([fault]);
      const outcome = await send(client(), server.url, policy).then(
        (response) => response.status,
        (error: unknown) => error,
      );
      expect(server.count()).toBe(expectedSends[policy][name]);
      if (server.count() === 2) expect(outcome).toBe(200);
      else expect(outcome).not.toBe(200);
    });
  }

  it('sends a roll answered 503 after it was performed exactly once, in the service’s words', async () => {
    const server = await loopback([{ status: 503 }]);
    const error = await appErrorOf(send(client(), server.url, 'throttled'));
    expect(server.count()).toBe(1);
    expect(error.code).toBe('SERVICE_ERROR');
    expect(error.message).toContain('the service says 503');
  });
});

describe('waits between attempts', () => {
  it('backs off with full jitter when the service names no wait', async () => {
    const server = await loopback([{ status: 503 }, { status: 503 }]);
    const http = client({ baseDelayMs: 100, maxDelayMs: 10_000 });
    expect((await send(http, server.url, 'idempotent', 'GET')).status).toBe(200);
    // random() = 0.5: half of 100 * 2^0, then half of 100 * 2^1.
    expect(sleeps).toEqual([50, 100]);
    expect(server.count()).toBe(3);
  });

  it('caps the backoff at maxDelayMs', async () => {
    const server = await loopback([{ status: 503 }, { status: 503 }, { status: 503 }]);
    const http = client({ baseDelayMs: 100, maxDelayMs: 150, maxAttempts: 4 });
    await send(http, server.url, 'idempotent', 'GET');
    expect(sleeps).toEqual([50, 75, 75]);
  });

  it('waits the Retry-After of a 429, in seconds or as an HTTP-date', async () => {
    const at = new Date(Date.now() + 7000).toUTCString();
    const server = await loopback([
      { status: 429, headers: { 'retry-after': '3' } },
      { status: 429, headers: { 'retry-after': at } },
    ]);
    const http = client({ clock: { now: () => new Date(Date.parse(at) - 7000) } });
    expect((await send(http, server.url, 'throttled')).status).toBe(200);
    expect(sleeps).toEqual([3000, 7000]);
  });

  it('gives up at once with RATE_LIMITED when Retry-After is over the cap', async () => {
    const server = await loopback([{ status: 429, headers: { 'retry-after': '120' } }]);
    const error = await appErrorOf(
      send(client({ maxRetryAfterMs: 60_000 }), server.url, 'throttled'),
    );
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBe(120_000);
    expect(server.count()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('ends with RATE_LIMITED after the last attempt', async () => {
    const limited = { status: 429, headers: { 'retry-after': '2' } };
    const server = await loopback([limited, limited, limited]);
    const error = await appErrorOf(send(client({ maxAttempts: 3 }), server.url, 'throttled'));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBe(2000);
    expect(server.count()).toBe(3);
  });
});

describe('deadline and cancel', () => {
  it('ends a request that outlives its overall deadline with TIMEOUT, across attempts', async () => {
    const server = await loopback(['hang', 'hang', 'hang']);
    const http = client({ requestTimeoutMs: 10_000 });
    const error = await appErrorOf(
      http.request({ method: 'GET', url: server.url, retry: 'idempotent', deadlineMs: 150 }),
    );
    expect(error.code).toBe('TIMEOUT');
    expect(server.count()).toBe(1);
  });

  it('does not wait for a Retry-After that ends after the deadline', async () => {
    const server = await loopback([{ status: 503, headers: { 'retry-after': '30' } }]);
    const error = await appErrorOf(
      client().request({ method: 'GET', url: server.url, retry: 'idempotent', deadlineMs: 5_000 }),
    );
    expect(error.code).toBe('SERVICE_ERROR');
    expect(error.retryAfterMs).toBe(30_000);
    expect(sleeps).toEqual([]);
    expect(server.count()).toBe(1);
  });

  it('stops at the caller’s abort while the request is in flight', async () => {
    const server = await loopback(['hang']);
    const controller = new AbortController();
    const pending = client({ requestTimeoutMs: 10_000 }).request({
      method: 'GET',
      url: server.url,
      retry: 'idempotent',
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    expect((await appErrorOf(pending)).code).toBe('CANCELLED');
    expect(server.count()).toBe(1);
  });

  it('stops at the caller’s abort during the wait before a retry, sending nothing more', async () => {
    const server = await loopback([{ status: 429, headers: { 'retry-after': '30' } }]);
    // The real, abortable wait: the abort must end it well before its 30 s.
    const http = createHttpClient({ random: () => 0.5 });
    cleanups.push(() => http.close());
    const controller = new AbortController();
    const pending = http.request({
      method: 'POST',
      url: server.url,
      json: {},
      retry: 'throttled',
      signal: controller.signal,
    });
    const waitStarted = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (server.count() === 1) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
    });
    await waitStarted;
    controller.abort();
    expect((await appErrorOf(pending)).code).toBe('CANCELLED');
    expect(server.count()).toBe(1);
  });
});
