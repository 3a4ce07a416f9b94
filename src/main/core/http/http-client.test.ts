import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ErrorCode } from '../../../shared/errors';
import { createLogger } from '../log/logger';
import type { HttpClientOptions } from './http-client';
import { createHttpClient } from './http-client';
import type { HttpClient, HttpRequest } from './http-client.types';
import { appErrorOf } from '../providers/test-support/app-error-of';

const ORIGIN = 'https://svc.test';
const SECRET = 'Zk3vQ9pL2mX8rT4wY6uB1nC5dF7gH0jK';
const NOW = new Date('2025-06-01T12:00:00Z');

let agent: MockAgent;
let sleeps: number[];

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  agent.enableCallHistory();
  sleeps = [];
});

afterEach(async () => {
  await agent.close();
});

function client(options: HttpClientOptions = {}): HttpClient {
  return createHttpClient({
    dispatcher: agent,
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    clock: { now: () => NOW },
    ...options,
  });
}

function pool() {
  return agent.get(ORIGIN);
}

function calls(): string[] {
  return (
    agent
      .getCallHistory()
      ?.calls()
      .map((call) => `${call.method} ${call.origin}${call.path}`) ?? []
  );
}

const get: HttpRequest = {
  method: 'GET',
  url: `${ORIGIN}/items`,
  service: 'Svc',
  retry: 'idempotent',
};
const post: HttpRequest = {
  method: 'POST',
  url: `${ORIGIN}/items`,
  service: 'Svc',
  json: { a: 1 },
  retry: 'throttled',
};
const json = { headers: { 'content-type': 'application/json' } };
const resetError = () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });

describe('successful requests', () => {
  it('returns status, headers and a validated JSON body', async () => {
    pool()
      .intercept({ path: '/items', method: 'GET' })
      .reply(200, { items: [1, 2] }, json);
    const response = await client().request(get);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.json(z.object({ items: z.array(z.number()) }))).toEqual({ items: [1, 2] });
  });

  it('sends a JSON body with its content type and the caller headers', async () => {
    pool()
      .intercept({
        path: '/items',
        method: 'POST',
        body: '{"a":1}',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
      })
      .reply(201, { id: 'x' }, json);
    const response = await client().request({
      ...post,
      headers: { authorization: `Bearer ${SECRET}` },
    });
    expect(response.status).toBe(201);
  });

  it('hands back a status listed in acceptStatus instead of throwing', async () => {
    pool().intercept({ path: '/items', method: 'GET' }).reply(404, { message: 'gone' }, json);
    const response = await client().request({ ...get, acceptStatus: [404] });
    expect(response.status).toBe(404);
  });
});

describe('redirects', () => {
  it('refuses to follow a redirect, so credentials never reach another host', async () => {
    pool()
      .intercept({ path: '/items', method: 'GET' })
      .reply(302, '', { headers: { location: 'https://evil.test/steal' } });
    agent.get('https://evil.test').intercept({ path: '/steal', method: 'GET' }).reply(200, {});
    const error = await appErrorOf(
      client().request({ ...get, headers: { authorization: `Bearer ${SECRET}` } }),
    );
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toContain('redirected the request to another address');
    expect(error.message).toContain('does not follow redirects with credentials');
    expect(calls()).toEqual([`GET ${ORIGIN}/items`]);
  });
});

describe('size limit', () => {
  it('aborts a body larger than the limit', async () => {
    pool().intercept({ path: '/items', method: 'GET' }).reply(200, 'x'.repeat(5000));
    const error = await appErrorOf(client({ maxBodyBytes: 1024 }).request(get));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toContain('larger than 1 KiB');
  });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    pool()
      .intercept({ path: '/items', method: 'GET' })
      .reply(200, 'x', { headers: { 'content-length': String(10 * 1024 * 1024) } });
    const error = await appErrorOf(client().request(get));
    expect(error.code).toBe('BAD_RESPONSE');
  });

  it('accepts a body right at the limit', async () => {
    pool().intercept({ path: '/items', method: 'GET' }).reply(200, 'x'.repeat(1024));
    const response = await client({ maxBodyBytes: 1024 }).request(get);
    expect(response.text).toHaveLength(1024);
  });
});

describe('status mapping', () => {
  const cases: [number, ErrorCode][] = [
    [400, 'REJECTED_BY_SERVICE'],
    [401, 'AUTH_FAILED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [405, 'REJECTED_BY_SERVICE'],
    [409, 'CONFLICT'],
    [422, 'REJECTED_BY_SERVICE'],
    [500, 'SERVICE_ERROR'],
    [502, 'SERVICE_ERROR'],
    [503, 'SERVICE_ERROR'],
  ];

  it.each(cases)('maps HTTP %i to %s, naming the service', async (status, code) => {
    pool().intercept({ path: '/items', method: 'GET' }).reply(status, '').persist();
    const error = await appErrorOf(client().request({ ...get, retry: 'never' }));
    expect(error.code).toBe(code);
    expect(error.message).toContain('Svc');
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it('names the host when the caller gave no service name', async () => {
    pool().intercept({ path: '/items', method: 'GET' }).reply(500, '');
    const error = await appErrorOf(
      client().request({ method: 'GET', url: `${ORIGIN}/items`, retry: 'never' }),
    );
    expect(error.message).toContain('svc.test');
  });

  it("includes the service's own short message from JSON", async () => {
    pool()
      .intercept({ path: '/items', method: 'POST' })
      .reply(422, { message: 'Invalid name: must be kebab-case' }, json);
    const error = await appErrorOf(client().request(post));
    expect(error.code).toBe('REJECTED_BY_SERVICE');
    expect(error.message).toContain('Invalid name: must be kebab-case');
  });

  it('reads an {"error": …} field too and truncates long messages', async () => {
    pool()
      .intercept({ path: '/items', method: 'POST' })
      .reply(400, { error: 'bad '.repeat(200) }, json);
    const error = await appErrorOf(client().request(post));
    expect(error.message).toContain('bad bad');
    expect(error.message).toContain('…');
    expect(error.message.length).toBeLessThan(400);
  });

  it('never shows an HTML body', async () => {
    pool()
      .intercept({ path: '/items', method: 'POST' })
      .reply(400, '<html><body><h1>Bad</h1><p>internal-marker-42</p></body></html>', {
        headers: { 'content-type': 'text/html' },
      });
    const error = await appErrorOf(client().request(post));
    expect(error.code).toBe('REJECTED_BY_SERVICE');
    expect(error.message).not.toContain('internal-marker-42');
    expect(error.message).not.toContain('<');
  });

  it('redacts a planted secret the service echoes in its error body', async () => {
    pool()
      .intercept({ path: '/items', method: 'POST' })
      .reply(422, { message: `token ${SECRET} is not allowed here` }, json);
    const error = await appErrorOf(
      client().request({ ...post, headers: { authorization: `Bearer ${SECRET}` } }),
    );
    expect(error.message).not.toContain(SECRET);
    expect(error.message).toContain('[redacted]');
    expect(error.message).toContain('is not allowed here');
  });

  it('redacts a short listed secret that no heuristic would catch', async () => {
    pool()
      .intercept({ path: '/items', method: 'POST' })
      .reply(400, { message: 'value hunter2x rejected' }, json);
    const error = await appErrorOf(client().request({ ...post, secrets: ['hunter2x'] }));
    expect(error.message).not.toContain('hunter2x');
  });
});

describe('json()', () => {
  it('reports an HTML page as BAD_RESPONSE without dumping it', async () => {
    pool()
      .intercept({ path: '/items', method: 'GET' })
      .reply(200, '<!DOCTYPE html><html><body>Sign in page</body></html>');
    const response = await client().request(get);
    const error = await appErrorOf(Promise.resolve().then(() => response.json(z.object({}))));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toContain('a web page instead of data');
    expect(error.message).not.toContain('Sign in page');
  });

  it('reports a schema mismatch by field path, never by value', async () => {
    pool()
      .intercept({ path: '/items', method: 'GET' })
      .reply(200, { results: [{ id: SECRET }] }, json);
    const response = await client().request(get);
    const schema = z.object({ results: z.array(z.object({ id: z.number() })) });
    const error = await appErrorOf(Promise.resolve().then(() => response.json(schema)));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toContain('results.0.id');
    expect(error.message).not.toContain(SECRET);
  });
});

describe('addresses and logging', () => {
  it('refuses an invalid address with VALIDATION', async () => {
    const error = await appErrorOf(
      client().request({ method: 'GET', url: 'not a url', retry: 'idempotent' }),
    );
    expect(error.code).toBe('VALIDATION');
  });

  it('refuses a non-http scheme', async () => {
    const error = await appErrorOf(
      client().request({ method: 'GET', url: 'file:///etc/passwd', retry: 'idempotent' }),
    );
    expect(error.code).toBe('VALIDATION');
  });

  it('logs each failed attempt and the answer without the credential', async () => {
    const lines: string[] = [];
    const logger = createLogger({ write: (line) => lines.push(line) });
    pool()
      .intercept({ path: `/items?key=${SECRET}`, method: 'GET' })
      .replyWithError(resetError());
    pool()
      .intercept({ path: `/items?key=${SECRET}`, method: 'GET' })
      .reply(200, {}, json);
    await client({ logger }).request({
      ...get,
      url: `${ORIGIN}/items?key=${SECRET}`,
      headers: { authorization: `Bearer ${SECRET}` },
    });
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'warn',
      fields: { method: 'GET', attempt: 1, code: 'UNREACHABLE', retry: true },
    });
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({
      level: 'info',
      fields: { method: 'GET', status: 200 },
    });
  });
});
