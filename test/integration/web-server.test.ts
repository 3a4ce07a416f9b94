import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/main/core/log/logger';
import type { Dispatch } from '../../src/main/ipc/handle';
import { startWebServer, type WebServer } from '../../src/main/web/web-server';
import { rawRequest } from './support/raw-http';

describe('browser target web server', () => {
  let rendererDir: string;
  let server: WebServer;
  let cookie: string;
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
    const login = await rawRequest(server.loginUrl);
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/');
    const setCookie = login.headers['set-cookie'];
    cookie = (Array.isArray(setCookie) ? (setCookie[0] ?? '') : '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^tokendesk_session=/);
  });

  afterAll(async () => {
    await server.close();
    await rm(rendererDir, { recursive: true, force: true });
  });

  const api = (headers: Record<string, string>, body = '{}') =>
    rawRequest(`${server.origin}/api/app:info`, { method: 'POST', headers, body });
  const goodHeaders = () => ({
    cookie,
    origin: server.origin,
    'content-type': 'application/json',
    'x-tokendesk-request': '1',
  });

  it('listens on 127.0.0.1 only', () => {
    expect(new URL(server.origin).hostname).toBe('127.0.0.1');
  });

  it('marks the session cookie HttpOnly and SameSite=Strict', async () => {
    const login = await rawRequest(server.loginUrl);
    expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('refuses every request without the session', async () => {
    expect((await rawRequest(`${server.origin}/`)).status).toBe(401);
    expect((await api({ ...goodHeaders(), cookie: 'tokendesk_session=guess' })).status).toBe(401);
    expect((await rawRequest(`${server.origin}/?session=wrong`)).status).toBe(401);
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
      {
        x: 1,
      },
    );
  });

  it('answers malformed JSON with a validation envelope', async () => {
    const response = await api(goodHeaders(), '{not json');
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('serves the page with the web preload in front of the app script', async () => {
    const page = await rawRequest(`${server.origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const preload = page.body.indexOf('/web-preload.js');
    expect(preload).toBeGreaterThan(-1);
    expect(preload).toBeLessThan(page.body.indexOf('./assets/app.js'));
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of ['/../outside.js', '/%2e%2e/outside.js', '/assets/../../outside.js']) {
      const response = await rawRequest(`${server.origin}${path}`, { headers: { cookie } });
      expect(response.status).toBe(404);
    }
  });

  it('pushes events to open streams', async () => {
    const received = new Promise<string>((resolve, reject) => {
      void import('node:http').then(({ request }) => {
        const req = request(`${server.origin}/events`, { headers: { cookie } }, (res) => {
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
    });
    const text = await received;
    expect(text).toContain('event: inventory:changed');
    expect(text).toContain('"accountId":"a"');
  });
});
