import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the server misbehaves on its next answers. */
export type HostileMode =
  | 'ok'
  | 'huge-body'
  | 'wrong-types'
  | 'html-error'
  | 'html-login-page'
  | 'slow-loris'
  | 'redirect'
  | 'hostile-names'
  | 'odd-dates'
  | 'echo-credential';

export const HOSTILE_NAMES = [
  '<script>alert("xss")</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '\u202Egnp.exe\u202C deploy',
  '🔑 deploy 🚀 bot',
  'zero\u200Bwidth\u200Dname',
  'ﷺ مفتاح النشر',
];

interface Seen {
  path: string;
  authorization: string | undefined;
}

export interface HostileKestra {
  url: string;
  mode: HostileMode;
  /** Every request that reached this server. */
  seen: Seen[];
  /** Where `redirect` sends the client, and what arrived there (it must stay empty). */
  elsewhere: { url: string; seen: Seen[] };
  close(): Promise<void>;
}

const token = (name: string, extra: Record<string, unknown> = {}) => ({
  id: `id-${Buffer.from(name).toString('hex').slice(0, 16)}`,
  name,
  description: null,
  prefix: 'kst_',
  iat: '2026-01-01T00:00:00.000Z',
  exp: null,
  lastUsed: null,
  extended: false,
  expired: false,
  ...extra,
});

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A server that answers Kestra's token routes the way a broken or hostile server might. Only the
 * credential it was started with is accepted, so a well-behaved phase can add the account first.
 */
export async function startHostileKestra(credential: string): Promise<HostileKestra> {
  const elsewhereSeen: Seen[] = [];
  const elsewhere = await listen((request, response) => {
    elsewhereSeen.push({ path: request.url ?? '', authorization: request.headers.authorization });
    json(response, 200, { results: [] });
  });
  const timers = new Set<NodeJS.Timeout>();

  const state: HostileKestra = {
    url: '',
    mode: 'ok',
    seen: [],
    elsewhere: { url: elsewhere.url, seen: elsewhereSeen },
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      await Promise.all([main.close(), elsewhere.close()]);
    },
  };

  const main = await listen((request, response) => {
    const authorization = request.headers.authorization;
    state.seen.push({ path: request.url ?? '', authorization });
    if (state.mode === 'echo-credential') {
      return json(response, 401, { message: `The token ${authorization ?? ''} is not valid here` });
    }
    if (authorization !== `Bearer ${credential}`) return json(response, 401, { message: 'no' });
    switch (state.mode) {
      case 'ok':
        return json(response, 200, { results: [token('ci-deploy')], total: 1 });
      case 'huge-body': {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"results":[');
        const row = JSON.stringify(token('x'.repeat(1000)));
        for (let i = 0; i < 4000; i += 1) response.write(`${row},`);
        return void response.end(`${row}]}`);
      }
      case 'wrong-types':
        return json(response, 200, { results: [{ id: 42, name: ['ci'], iat: true }], total: 'x' });
      case 'html-error':
        response.writeHead(502, { 'content-type': 'text/html' });
        return void response.end(
          `<html><body><h1>502 Bad Gateway</h1><script>alert(1)</script>${authorization ?? ''}</body></html>`,
        );
      case 'html-login-page':
        response.writeHead(200, { 'content-type': 'text/html' });
        return void response.end('<!doctype html><html><body><form>Sign in</form></body></html>');
      case 'slow-loris': {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"results":[');
        const timer = setInterval(() => response.write(' '), 200);
        timers.add(timer);
        response.on('close', () => clearInterval(timer));
        return;
      }
      case 'redirect':
        response.writeHead(302, { location: `${elsewhere.url}/api/v1/steal` });
        return void response.end();
      case 'hostile-names':
        return json(response, 200, {
          results: HOSTILE_NAMES.map((name) => token(name, { description: name })),
          total: HOSTILE_NAMES.length,
        });
      case 'odd-dates':
        return json(response, 200, {
          results: [token('dates', { iat: '2026-13-45T99:00:00Z', exp: 'next tuesday' })],
          total: 1,
        });
    }
  });
  state.url = main.url;
  return state;
}
