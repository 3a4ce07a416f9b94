import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/main/core/log/logger';
import type { Dispatch } from '../../src/main/ipc/handle';
import { LOGIN_LINK_LIFETIME_MS } from '../../src/main/web/session-guard';
import { startWebServer, type WebServer } from '../../src/main/web/web-server';
import { rawRequest } from './support/raw-http';
import { exchangeLogin, loginNonce, signIn } from './support/web-login';

describe('browser target web server', () => {
  let rendererDir: string;
  let server: WebServer;
  let authorization: string;
  let nonce: string;
  const dispatch = vi.fn<Dispatch>(() => Promise.resolve({ ok: true, result: { pong: true } }));

  beforeAll(async () => {
    rendererDir = await mkdtemp(join(tmpdir(), 'tokendesk-renderer-'));
    await mkdir(join(rendererDir, 'assets'));
    await writeFile(
      join(rendererDir, 'index.html'),
      '<html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>',
    );
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(tmpdir(), 'outside.js'), 'secret');
    server = await startWebServer({ dispatch, rendererDir, log: silentLogger });
    nonce = loginNonce(server);
    // The link opens the page while its nonce is still unspent.
    expect((await rawRequest(server.loginUrl)).status).toBe(200);
    authorization = await signIn(server);
  });

  afterAll(async () => {
    await server.close();
    await rm(rendererDir, { recursive: true, force: true });
  });

  const api = (headers: Record<string, string>, body = '{}') =>
    rawRequest(`${server.origin}/api/app:info`, { method: 'POST', headers, body });
  const goodHeaders = () => ({
    authorization,
    origin: server.origin,
    'content-type': 'application/json',
    'x-tokendesk-request': '1',
  });

  it('listens on 127.0.0.1 only', () => {
    expect(new URL(server.origin).hostname).toBe('127.0.0.1');
  });

  describe('the login link', () => {
    it('works once: a second exchange of the same nonce is refused', async () => {
      const again = await exchangeLogin(server, nonce);
      expect(again.status).toBe(401);
      expect(again.body).not.toContain(authorization.slice('Bearer '.length));
    });

    it('shows a page telling the user to start again when opened a second time', async () => {
      const page = await rawRequest(server.loginUrl);
      expect(page.status).toBe(410);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('start it again');
      expect(page.body).not.toContain('<script');
    });

    it('shows the same page for a link of an earlier start', async () => {
      const page = await rawRequest(`${server.origin}/?login=from-an-earlier-start`);
      expect(page.status).toBe(410);
      expect(page.body).toContain('This sign-in link cannot be used');
    });

    it('goes stale when nobody opens it in time', async () => {
      let now = 1_000_000;
      const late = await startWebServer({
        dispatch,
        rendererDir,
        log: silentLogger,
        now: () => now,
      });
      try {
        now += LOGIN_LINK_LIFETIME_MS + 1;
        expect((await rawRequest(late.loginUrl)).status).toBe(410);
        expect((await exchangeLogin(late, loginNonce(late))).status).toBe(401);
      } finally {
        await late.close();
      }
    });

    it('is exchanged only by a call from our own origin', async () => {
      const other = await startWebServer({ dispatch, rendererDir, log: silentLogger });
      try {
        const foreign = await exchangeLogin(other, loginNonce(other), {
          origin: 'http://127.0.0.1:1',
        });
        expect(foreign.status).toBe(403);
        // The refused attempt did not spend the nonce: our page can still sign in.
        expect(await signIn(other)).toMatch(/^Bearer /);
      } finally {
        await other.close();
      }
    });
  });

  describe('the session', () => {
    it('is a header; a cookie, whatever it holds, is no session', async () => {
      const token = authorization.slice('Bearer '.length);
      const { authorization: _auth, ...noSession } = goodHeaders();
      for (const cookie of [`tokendesk_session=${token}`, `session=${token}`]) {
        expect((await api({ ...noSession, cookie })).status).toBe(401);
      }
      expect((await api({ ...goodHeaders(), authorization: 'Bearer guess' })).status).toBe(401);
      expect((await api({ ...goodHeaders(), authorization: token })).status).toBe(401);
    });

    it('is refused when a page of another local port sends it', async () => {
      dispatch.mockClear();
      const otherPort = `http://127.0.0.1:${Number(new URL(server.origin).port) + 1}`;
      expect((await api({ ...goodHeaders(), origin: otherPort })).status).toBe(403);
      expect(dispatch).not.toHaveBeenCalled();
    });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const response = await api({ ...goodHeaders(), host: 'attacker.example:80' });
    expect(response.status).toBe(421);
  });

  it('refuses API calls from another origin or without the request header', async () => {
    dispatch.mockClear();
    expect((await api({ ...goodHeaders(), origin: 'http://attacker.example' })).status).toBe(403);
    const { origin: _origin, ...noOrigin } = goodHeaders();
    expect((await api(noOrigin)).status).toBe(403);
    const { 'x-tokendesk-request': _header, ...noHeader } = goodHeaders();
    expect((await api(noHeader)).status).toBe(403);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('sends no CORS headers', async () => {
    const response = await api(goodHeaders());
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('dispatches a good call and answers with the envelope', async () => {
    dispatch.mockClear();
    const response = await api(goodHeaders(), '{"x":1}');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true, result: { pong: true } });
    expect(dispatch).toHaveBeenCalledWith(
      'app:info',
      expect.objectContaining({ isMainFrame: true }),
      { x: 1 },
    );
  });

  it('answers malformed JSON with a validation envelope', async () => {
    const response = await api(goodHeaders(), '{not json');
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('serves the page with the web preload in front of the app script', async () => {
    const page = await rawRequest(`${server.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const preload = page.body.indexOf('/web-preload.js');
    expect(preload).toBeGreaterThan(-1);
    expect(preload).toBeLessThan(page.body.indexOf('./assets/app.js'));
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of ['/../outside.js', '/%2e%2e/outside.js', '/assets/../../outside.js']) {
      const response = await rawRequest(`${server.origin}${path}`);
      expect(response.status).toBe(404);
    }
  });

  it('opens the event stream only with the session', async () => {
    expect((await rawRequest(`${server.origin}/events`)).status).toBe(401);
  });

  it('pushes events to open streams', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = request(`${server.origin}/events`, { headers: { authorization } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          if (text.includes('\n\n') && text.includes('event:')) {
            req.destroy();
            resolve(text);
          }
        });
        server.broadcast('inventory:changed', {
          accountId: 'a',
          state: 'ok',
          asOf: null,
          stale: false,
          refreshing: false,
          error: null,
          leasedBy: null,
          tokens: [],
        });
      });
      req.on('error', reject);
      req.end();
    });
    const text = await received;
    expect(text).toContain('event: inventory:changed');
    expect(text).toContain('"accountId":"a"');
  });
});
