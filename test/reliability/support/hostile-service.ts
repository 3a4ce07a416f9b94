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
  | 'bad-dates'
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

/** A token as the hostile server lists it, its dates spelled as the server chooses. */
export interface HostileRow {
  name: string;
  created: string;
  lastUsed: string | null;
  expires: string | null;
}

/** Unusual spellings a real service may use, and what each means in ISO form. */
export const ODD_DATES = {
  /** Java's Instant writes nanoseconds. */
  created: ['2026-01-01T00:00:00.123456789Z', '2026-01-01T00:00:00.123Z'],
  /** A local time with its offset. */
  lastUsed: ['2026-02-01T09:30:00+09:30', '2026-02-01T00:00:00.000Z'],
  /** A bare date. */
  expires: ['2026-03-01', '2026-03-01T00:00:00.000Z'],
} as const;

const PLAIN_DATE = '2026-01-01T00:00:00.000Z';

export function rowsFor(mode: HostileMode): HostileRow[] {
  const plain = (name: string): HostileRow => ({
    name,
    created: PLAIN_DATE,
    lastUsed: null,
    expires: null,
  });
  switch (mode) {
    case 'hostile-names':
      return HOSTILE_NAMES.map(plain);
    case 'odd-dates':
      return [
        {
          name: 'dates',
          created: ODD_DATES.created[0],
          lastUsed: ODD_DATES.lastUsed[0],
          expires: ODD_DATES.expires[0],
        },
      ];
    case 'bad-dates':
      return [{ name: 'dates', created: '2026-13-45T99:00:00Z', lastUsed: null, expires: 'soon' }];
    default:
      return [plain('ci-deploy')];
  }
}

/** What one service's routes answer: the hostile server only chooses when and how to break. */
export interface HostileAnswers {
  /** A well-formed answer at `path` listing `rows`. */
  body(path: string, rows: HostileRow[]): unknown;
  /** An answer at `path` of the right outline but with fields of the wrong JSON types. */
  wrongTypes(path: string): unknown;
}

interface Seen {
  path: string;
  authorization: string | undefined;
}

export interface HostileService {
  url: string;
  mode: HostileMode;
  /** Secrets the server accepts, in the Authorization header or a cookie. */
  credentials: string[];
  /** Every request that reached this server. */
  seen: Seen[];
  /** Where `redirect` sends the client, and what arrived there (it must stay empty). */
  elsewhere: { url: string; seen: Seen[] };
  close(): Promise<void>;
}

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

function carriesOneOf(request: IncomingMessage, credentials: readonly string[]): boolean {
  const { authorization, cookie } = request.headers;
  return credentials.some(
    (credential) =>
      authorization === `Bearer ${credential}` ||
      (cookie !== undefined &&
        cookie.split(/;\s*/).some((part) => part.endsWith(`=${credential}`))),
  );
}

/**
 * A server that answers one service's routes the way a broken or hostile server might. Only the
 * credentials it knows are accepted, so a well-behaved phase can add the account first.
 */
export async function startHostileService(
  answers: HostileAnswers,
  credential: string,
): Promise<HostileService> {
  const elsewhereSeen: Seen[] = [];
  const elsewhere = await listen((request, response) => {
    elsewhereSeen.push({ path: request.url ?? '', authorization: request.headers.authorization });
    json(response, 200, {});
  });
  const timers = new Set<NodeJS.Timeout>();

  const state: HostileService = {
    url: '',
    mode: 'ok',
    credentials: [credential],
    seen: [],
    elsewhere: { url: elsewhere.url, seen: elsewhereSeen },
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      await Promise.all([main.close(), elsewhere.close()]);
    },
  };

  const main = await listen((request, response) => {
    const authorization = request.headers.authorization;
    const path = request.url ?? '';
    state.seen.push({ path, authorization });
    if (state.mode === 'echo-credential') {
      return json(response, 401, { message: `The token ${authorization ?? ''} is not valid here` });
    }
    if (!carriesOneOf(request, state.credentials)) return json(response, 401, { message: 'no' });
    switch (state.mode) {
      case 'ok':
      case 'hostile-names':
      case 'odd-dates':
      case 'bad-dates':
        return json(response, 200, answers.body(path, rowsFor(state.mode)));
      case 'huge-body': {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"results":[');
        const row = JSON.stringify('x'.repeat(1000));
        for (let i = 0; i < 4000; i += 1) response.write(`${row},`);
        return void response.end(`${row}]}`);
      }
      case 'wrong-types':
        return json(response, 200, answers.wrongTypes(path));
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
        response.writeHead(302, { location: `${elsewhere.url}/steal${path}` });
        return void response.end();
    }
  });
  state.url = main.url;
  return state;
}
