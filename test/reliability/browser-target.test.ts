import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../src/main/core/log/logger';
import type { Dispatch } from '../../src/main/ipc/handle';
import { startWebServer, type WebServer } from '../../src/main/web/web-server';
import { rawRequest } from '../integration/support/raw-http';
import { Tally } from './support/results';
import { apiCall, signIn } from './support/web-session';

const tally = new Tally(
  'browser-target',
  'browser target: only our page, with the session, on 127.0.0.1',
);
const dispatch = vi.fn<Dispatch>(() => Promise.resolve({ ok: true, result: { pong: true } }));

let server: WebServer;
let authorization: string;
let rendererDir: string;
let port: number;

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'tokendesk-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
  server = await startWebServer({ dispatch, rendererDir, log: silentLogger });
  port = Number(new URL(server.origin).port);
  authorization = await signIn(server);
});

afterAll(async () => {
  await server.close();
  await rm(rendererDir, { recursive: true, force: true });
  await tally.record();
});

function refused(what: string, status: number, expected: number): void {
  tally.add('requests refused');
  if (status !== expected) tally.violation(`${what}: HTTP ${status}, expected ${expected}`);
  expect(status, what).toBe(expected);
}

describe('browser target', () => {
  it('refuses the API and the event stream without the session, or with a wrong one', async () => {
    const token = authorization.slice('Bearer '.length);
    // A cookie is never a session: browsers send cookies to every port of 127.0.0.1.
    for (const headers of [
      {},
      { authorization: 'Bearer guess' },
      { authorization: token },
      { authorization: 'Bearer ' },
      { cookie: `tokendesk_session=${token}` },
    ] as Array<Record<string, string>>) {
      const what = JSON.stringify(Object.keys(headers));
      const events = await rawRequest(`${server.origin}/events`, { headers });
      refused(`GET /events with ${what}`, events.status, 401);
      const api = await apiCall(server, headers['authorization'] ?? '', 'app:info', '{}', {
        cookie: headers['cookie'] ?? '',
      });
      refused(`POST /api with ${what}`, api.status, 401);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('shows a used or foreign sign-in link the page that says to start again', async () => {
    for (const path of [new URL(server.loginUrl).search, '?login=wrong']) {
      const response = await rawRequest(`${server.origin}/${path}`);
      refused(`GET /${path}`, response.status, 410);
    }
  });

  it('refuses a foreign Host (DNS rebinding) on every route, even with the session', async () => {
    const hosts = [
      `attacker.example:${port}`,
      'attacker.example',
      `127.0.0.1.nip.io:${port}`,
      `localhost.attacker.example:${port}`,
      '127.0.0.1',
      `[::1]:${port}`,
      `127.0.0.1:${port + 1}`,
    ];
    for (const host of hosts) {
      const page = await rawRequest(`${server.origin}/`, { headers: { authorization, host } });
      refused(`GET / with Host ${host}`, page.status, 421);
      const api = await apiCall(server, authorization, 'app:info', '{}', { host });
      refused(`POST /api with Host ${host}`, api.status, 421);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses API calls and event streams from a foreign Origin', async () => {
    const origins = [
      'http://attacker.example',
      'null',
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port}.attacker.example`,
    ];
    for (const origin of origins) {
      const api = await apiCall(server, authorization, 'app:info', '{}', { origin });
      refused(`POST /api from ${origin}`, api.status, 403);
      const events = await rawRequest(`${server.origin}/events`, {
        headers: { authorization, origin },
      });
      refused(`GET /events from ${origin}`, events.status, 403);
    }
    const { status } = await apiCall(server, authorization, 'app:info', '{}', {
      'x-tokendesk-request': '',
    });
    refused('POST /api without the request header', status, 403);
    const get = await rawRequest(`${server.origin}/api/app:info`, { headers: { authorization } });
    refused('GET /api', get.status, 405);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('listens on 127.0.0.1 only: other interfaces refuse the connection', async () => {
    expect(new URL(server.origin).hostname).toBe('127.0.0.1');
    const others = Object.values(networkInterfaces())
      .flat()
      .flatMap((info) => (info === undefined || info.internal ? [] : [info.address]));
    for (const address of ['::1', ...others]) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port }, () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      tally.add('other interfaces tried');
      if (outcome === 'connected') tally.violation(`reachable on ${address}`);
      expect(outcome, address).not.toBe('connected');
    }
  });

  it('still serves our own page with the session', async () => {
    const response = await apiCall(server, authorization, 'app:info', '{}');
    expect(JSON.parse(response.body)).toEqual({ ok: true, result: { pong: true } });
    expect(dispatch).toHaveBeenCalledOnce();
  });
});
