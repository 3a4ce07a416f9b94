import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { EventName } from '../../shared/contract';
import type { Logger } from '../core/log/logger';
import type { Dispatch } from '../ipc/handle';
import { SessionGuard } from './session-guard';
import { START_AGAIN_PAGE } from './start-again-page';
import { injectWebPreload, readStaticFile } from './static-files';

export interface WebServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  log: Logger;
  port?: number;
  /** The clock the login link ages by (tests move it). */
  now?: () => number;
}

export interface WebServer {
  /** Open this once, in one tab: its nonce is traded for the session, then it is spent. */
  loginUrl: string;
  origin: string;
  /** Pushes an event to every open stream; composeApp has checked it against the contract. */
  broadcast(event: EventName, payload: unknown): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_DRAIN_BYTES = 64 * MAX_BODY_BYTES;
const TOO_LARGE = Symbol('too large');
const tooLargeEnvelope = {
  ok: false,
  error: { code: 'VALIDATION', message: 'The request is larger than 1 MiB and was refused.' },
};
const KEEPALIVE_MS = 25_000;

const securityHeaders: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

/**
 * The browser target: the same handlers as Electron's IPC, over HTTP on 127.0.0.1 only.
 * No CORS headers are ever sent, so no other origin can read an answer.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const streams = new Set<ServerResponse>();
  let guard: SessionGuard | null = null;

  const server = createServer((request, response) => {
    if (guard === null) return send(response, 503, 'Starting.');
    handle(guard, request, response).catch((error: unknown) => {
      options.log.error('web request failed', { error });
      if (!response.headersSent) send(response, 500, 'Internal error.');
      else response.end();
    });
  });

  async function handle(
    g: SessionGuard,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    if (!g.hostAllowed(request)) return send(response, 421, 'Wrong host.');
    const url = new URL(request.url ?? '/', g.origin);

    // The page and its bundle are public code; what they reach (/session, /api, /events) is not.
    const login = url.searchParams.get('login');
    if (login !== null && !g.loginIsFresh(login)) {
      return sendHtml(response, 410, START_AGAIN_PAGE);
    }
    if (url.pathname === '/signed-out') return sendHtml(response, 401, START_AGAIN_PAGE);

    if (url.pathname === '/session') {
      if (request.method !== 'POST') return send(response, 405, 'Use POST.');
      if (!isOwnPageCall(g, request))
        return send(response, 403, 'Cross-origin requests are refused.');
      const body = await readBody(request);
      const offered = isLoginBody(body) ? body.login : null;
      const token = offered === null ? null : g.exchange(offered);
      if (token === null) return send(response, 401, 'This sign-in link cannot be used again.');
      response.writeHead(200, { ...securityHeaders, 'content-type': 'application/json' });
      return void response.end(JSON.stringify({ session: token }));
    }

    const needsSession = url.pathname.startsWith('/api/') || url.pathname === '/events';
    if (needsSession && !g.hasSession(request)) {
      return send(response, 401, 'Open TokenDesk with the link it printed when it started.');
    }

    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return send(response, 405, 'Use POST.');
      if (!isOwnPageCall(g, request)) {
        return send(response, 403, 'Cross-origin requests are refused.');
      }
      const body = await readBody(request);
      if (body === TOO_LARGE) {
        // The whole body was read and dropped, so closing now resets nothing; the browser opens
        // a fresh connection for its next call instead of reusing this one.
        response.writeHead(413, {
          ...securityHeaders,
          'content-type': 'application/json',
          connection: 'close',
        });
        return void response.end(JSON.stringify(tooLargeEnvelope));
      }
      const envelope =
        body === null
          ? {
              ok: false,
              error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' },
            }
          : await options.dispatch(
              url.pathname.slice('/api/'.length),
              { url: g.origin, isMainFrame: true },
              body,
            );
      response.writeHead(200, { ...securityHeaders, 'content-type': 'application/json' });
      return void response.end(JSON.stringify(envelope));
    }

    if (request.method !== 'GET') return send(response, 405, 'Method not allowed.');
    if (!g.originAllowed(request, false))
      return send(response, 403, 'Cross-origin requests are refused.');

    if (url.pathname === '/events') return openStream(response);
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = await readStaticFile(options.rendererDir, path);
    if (file === null) return send(response, 404, 'Not found.');
    const body =
      path === '/index.html'
        ? Buffer.from(injectWebPreload(file.body.toString('utf8')))
        : file.body;
    response.writeHead(200, { ...securityHeaders, 'content-type': file.contentType });
    response.end(body);
  }

  function openStream(response: ServerResponse): void {
    response.writeHead(200, {
      ...securityHeaders,
      'content-type': 'text/event-stream',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEPALIVE_MS);
    keepAlive.unref();
    response.on('close', () => {
      clearInterval(keepAlive);
      streams.delete(response);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1 only: the app must never be reachable from another machine.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  guard = new SessionGuard(port, options.now);

  return {
    origin: guard.origin,
    loginUrl: guard.loginUrl,
    broadcast(event, payload) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of streams) stream.write(frame);
    },
    close() {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A call our page makes with fetch: our Origin, and a custom header, which makes any foreign
 * page's attempt a CORS preflight that this server never answers.
 */
function isOwnPageCall(g: SessionGuard, request: IncomingMessage): boolean {
  return (
    g.originAllowed(request, true) &&
    request.headers['x-tokendesk-request'] === '1' &&
    (request.headers['content-type'] ?? '').startsWith('application/json')
  );
}

function isLoginBody(body: unknown): body is { login: string } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { login?: unknown }).login === 'string'
  );
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { ...securityHeaders, 'content-type': 'text/html; charset=utf-8' });
  response.end(html);
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders, 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

/**
 * The body as JSON, null when it is not JSON, or TOO_LARGE past MAX_BODY_BYTES. An oversized body
 * is still read to its end (and dropped) so the answer reaches the browser: closing a socket with
 * unread data resets it, and the browser would report a network failure instead of our answer.
 * Past MAX_DRAIN_BYTES the connection is cut: nothing our page sends comes near.
 */
async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_DRAIN_BYTES) throw new Error('request body far over the limit');
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  if (size > MAX_BODY_BYTES) return TOO_LARGE;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

export const rendererDirBeside = (mainDir: string): string => join(mainDir, '..', 'renderer');
