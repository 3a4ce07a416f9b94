import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { Envelope, EventName } from '../shared/contract';
import { buildApi } from './build-api';

/**
 * The browser target's preload: the same `window.api` over HTTP to serve.ts.
 *
 * The session is a token only this page holds: the printed link's one-time nonce is traded for
 * it, it is kept in sessionStorage (isolated by scheme, host and port, unlike cookies) and sent
 * as an Authorization header on every call. Events come over a fetch stream rather than
 * EventSource, which cannot send a header.
 */
const SESSION_KEY = 'tokendesk.session';
const RECONNECT_MS = 2_000;
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
const session: Promise<string | null> = signIn();
let streaming = false;

async function signIn(): Promise<string | null> {
  const kept = sessionStorage.getItem(SESSION_KEY);
  if (kept !== null) return kept;
  const login = new URLSearchParams(location.search).get('login');
  if (login === null) return null;
  // The spent nonce leaves the address bar and the history at once.
  history.replaceState(null, '', '/');
  let response: Response;
  try {
    response = await fetch('/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tokendesk-request': '1' },
      body: JSON.stringify({ login }),
      cache: 'no-store',
    });
  } catch {
    return null;
  }
  if (!response.ok) return null;
  const { session: token } = (await response.json()) as { session: string };
  sessionStorage.setItem(SESSION_KEY, token);
  return token;
}

/** Without a session nothing works: show the page that says how to start again. */
function signedOut(): void {
  sessionStorage.removeItem(SESSION_KEY);
  location.replace('/signed-out');
}

const unreachable: Envelope<unknown> = {
  ok: false,
  error: { code: 'UNREACHABLE', message: 'TokenDesk is not running any more. Start it again.' },
};
const notSignedIn: Envelope<unknown> = {
  ok: false,
  error: {
    code: 'SENDER_REJECTED',
    message: 'This page is not signed in to TokenDesk. Open the link TokenDesk printed.',
  },
};

async function streamEvents(): Promise<void> {
  const token = await session;
  if (token === null) return signedOut();
  const response = await fetch('/events', {
    headers: { authorization: `Bearer ${token}` },
    cache: 'no-store',
  });
  if (response.status === 401) return signedOut();
  if (!response.ok || response.body === null) throw new Error(`events: HTTP ${response.status}`);
  const events = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream());
  for await (const message of events) {
    const set = listeners.get(message.event as EventName);
    if (set === undefined) continue;
    const payload: unknown = JSON.parse(message.data);
    for (const each of set) each(payload);
  }
}

/** One stream for every subscription, opened on the first; it reconnects as EventSource would. */
function ensureStream(): void {
  if (streaming) return;
  streaming = true;
  const run = (): void => {
    streamEvents()
      .catch(() => undefined)
      .finally(() => setTimeout(run, RECONNECT_MS));
  };
  run();
}

const api = buildApi({
  async invoke(channel, args) {
    const token = await session;
    if (token === null) {
      signedOut();
      return notSignedIn;
    }
    let response: Response;
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'x-tokendesk-request': '1',
        },
        body: JSON.stringify(args),
        cache: 'no-store',
      });
    } catch {
      return unreachable;
    }
    if (response.status === 401) {
      signedOut();
      return notSignedIn;
    }
    return (await response.json()) as Envelope<unknown>;
  },
  subscribe(event, listener) {
    let set = listeners.get(event);
    if (set === undefined) {
      set = new Set();
      listeners.set(event, set);
    }
    const subscribed = set;
    subscribed.add(listener);
    ensureStream();
    return () => {
      subscribed.delete(listener);
    };
  },
});

Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
