import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { createHttpClient } from './http-client';
import type { HttpClient } from './http-client.types';

// The same client over real loopback sockets: proves that undici's own error codes for refused,
// reset and hanging connections land on the right AppError codes.

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(handler: (res: ServerResponse, count: number) => void): Promise<string> {
  let count = 0;
  const server: Server = createServer((_req, res) => {
    count += 1;
    handler(res, count);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function client(requestTimeoutMs = 15_000): HttpClient {
  const http = createHttpClient({ requestTimeoutMs, sleep: () => Promise.resolve() });
  cleanups.push(() => http.close());
  return http;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('over loopback', () => {
  it('maps a refused connection to UNREACHABLE', async () => {
    const url = await listen((res) => res.end());
    await cleanups.pop()?.();
    const code = await codeOf(client().request({ method: 'GET', url, retry: 'idempotent' }));
    expect(code).toBe('UNREACHABLE');
  });

  it('maps a reset to UNREACHABLE and retries it when idempotent', async () => {
    const url = await listen((res, count) => {
      if (count === 1) res.socket?.resetAndDestroy();
      else res.end('{}');
    });
    const response = await client().request({ method: 'GET', url, retry: 'idempotent' });
    expect(response.status).toBe(200);
  });

  it('maps a server that closes the socket without answering to UNREACHABLE', async () => {
    const url = await listen((res) => res.socket?.destroy());
    const code = await codeOf(
      client().request({ method: 'POST', url, json: {}, retry: 'throttled' }),
    );
    expect(code).toBe('UNREACHABLE');
  });

  it('maps a server that never answers to TIMEOUT', async () => {
    const url = await listen(() => undefined);
    const code = await codeOf(client(50).request({ method: 'GET', url, retry: 'idempotent' }));
    expect(code).toBe('TIMEOUT');
  });

  it('maps a body that stalls half-way to TIMEOUT', async () => {
    const url = await listen((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"results": [');
    });
    const code = await codeOf(client(50).request({ method: 'GET', url, retry: 'idempotent' }));
    expect(code).toBe('TIMEOUT');
  });

  it('stops reading a body over the size limit (undici maxResponseSize), sent once', async () => {
    let sends = 0;
    const url = await listen((res) => {
      sends += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`"${'x'.repeat(5000)}"`);
    });
    const http = createHttpClient({ maxBodyBytes: 1024, sleep: () => Promise.resolve() });
    cleanups.push(() => http.close());
    const error = await http
      .request({ method: 'GET', url, retry: 'idempotent' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_RESPONSE');
    expect((error as AppError).message).toContain('larger than 1 KiB');
    expect(sends).toBe(1);
  });
});
