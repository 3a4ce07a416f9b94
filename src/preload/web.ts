import type { Envelope, EventName } from '../shared/contract';
import { buildApi } from './build-api';

/**
 * The browser target's preload: the same `window.api` over HTTP to serve.ts. The session
 * cookie rides along on its own; the custom header forces a CORS preflight for any foreign
 * page, which serve.ts never answers.
 */
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let source: EventSource | null = null;

function ensureEventSource(): EventSource {
  if (source) return source;
  source = new EventSource('/events');
  return source;
}

const api = buildApi({
  async invoke(channel, args) {
    let response: Response;
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tokendesk-request': '1' },
        body: JSON.stringify(args),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'UNREACHABLE',
          message: 'TokenDesk is not running any more. Start it again.',
        },
      };
    }
    if (response.status === 401) {
      return {
        ok: false,
        error: {
          code: 'SENDER_REJECTED',
          message: 'This page is not signed in to TokenDesk. Open the link TokenDesk printed.',
        },
      };
    }
    return (await response.json()) as Envelope<unknown>;
  },
  subscribe(event, listener) {
    let set = listeners.get(event);
    if (!set) {
      const created = new Set<(payload: unknown) => void>();
      listeners.set(event, created);
      set = created;
      ensureEventSource().addEventListener(event, (message: MessageEvent<string>) => {
        const payload: unknown = JSON.parse(message.data);
        for (const each of created) each(payload);
      });
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
});

Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false });
