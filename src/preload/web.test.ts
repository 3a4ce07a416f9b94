import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { Api } from '../shared/contract';

/** sessionStorage as the page has it: per origin and per tab, strings only. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

type Respond = (url: string, init: RequestInit) => Response;

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function sse(...chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

/** Loads the web preload into a stand-in page at `search`, with `stored` in sessionStorage. */
async function openPage(search: string, stored: string | null, respond: Respond) {
  vi.resetModules();
  const storage = new MemoryStorage();
  if (stored !== null) storage.setItem('tokendesk.session', stored);
  const page: { api?: Api } = {};
  const location = { search, replace: vi.fn<(url: string) => void>() };
  const history = { replaceState: vi.fn<(data: unknown, unused: string, url: string) => void>() };
  const fetch: Mock<Respond> = vi.fn(respond);
  vi.stubGlobal('window', page);
  vi.stubGlobal('sessionStorage', storage);
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', history);
  vi.stubGlobal('fetch', fetch);
  await import('./web');
  if (page.api === undefined) throw new Error('the preload defined no window.api');
  return { api: page.api, fetch, storage, location, history };
}

const headersOf = (init: RequestInit | undefined) =>
  (init?.headers ?? {}) as Record<string, string>;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the browser target’s session', () => {
  it('trades the link’s nonce for a session once, drops it from the address, sends it as a header', async () => {
    const page = await openPage('?login=nonce-1', null, (url) =>
      url === '/session' ? json({ session: 'token-1' }) : json({ ok: true, result: { v: 1 } }),
    );

    expect(await page.api.app.info()).toEqual({ v: 1 });

    const [exchange, call] = page.fetch.mock.calls;
    expect(exchange?.[0]).toBe('/session');
    expect(exchange?.[1]).toMatchObject({ method: 'POST', body: '{"login":"nonce-1"}' });
    expect(page.history.replaceState).toHaveBeenCalledWith(null, '', '/');
    expect(page.storage.getItem('tokendesk.session')).toBe('token-1');
    expect(call?.[0]).toBe('/api/app:info');
    expect(headersOf(call?.[1])['authorization']).toBe('Bearer token-1');
    // Not a cookie: the call says nothing about credentials, and no cookie is set anywhere.
    expect(call?.[1]).not.toHaveProperty('credentials');
  });

  it('keeps the session it holds after a reload, without a link', async () => {
    const page = await openPage('', 'token-2', () => json({ ok: true, result: null }));

    await page.api.app.info();

    expect(page.fetch.mock.calls.map(([url]) => url)).toEqual(['/api/app:info']);
    expect(headersOf(page.fetch.mock.calls[0]?.[1])['authorization']).toBe('Bearer token-2');
  });

  it('sends the page to the start-again page when the link is refused', async () => {
    const page = await openPage('?login=used', null, () => new Response('no', { status: 401 }));

    await expect(page.api.app.info()).rejects.toThrow(/not signed in/);

    expect(page.location.replace).toHaveBeenCalledWith('/signed-out');
    expect(page.fetch.mock.calls.map(([url]) => url)).toEqual(['/session']);
    expect(page.storage.getItem('tokendesk.session')).toBeNull();
  });

  it('receives events over a fetch stream that carries the session header', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const page = await openPage('', 'token-3', (url) =>
      url === '/events'
        ? sse(
            ': connected\n\nevent: attention:changed\ndata: {"cou',
            'nt":2}\n\n: keep-alive\n\n',
            'event: inventory:unknown\ndata: {}\n\nevent: attention:changed\ndata: {"count":5}\n\n',
          )
        : json({ ok: true, result: null }),
    );
    const counts: number[] = [];

    page.api.events.onAttentionChanged((payload) => counts.push(payload.count));

    await vi.waitFor(() => expect(counts).toEqual([2, 5]));
    const [url, init] = page.fetch.mock.calls[0] ?? [];
    expect(url).toBe('/events');
    expect(headersOf(init)['authorization']).toBe('Bearer token-3');
  });
});
