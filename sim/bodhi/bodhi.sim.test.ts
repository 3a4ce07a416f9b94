import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimClock } from '../common/sim-clock';
import { BodhiAuth } from './bodhi-auth';
import { bodhiRoutes } from './bodhi-routes';
import { demoBodhiSeed } from './bodhi-seeds';
import { BodhiState, DEFAULT_CLIENT_ID } from './bodhi-state';
import { newBodhiToken } from './bodhi-token-format';
import { startBodhiSim } from './bodhi.sim';
import type { BodhiSim, BodhiSimOptions } from './bodhi.sim';
import { BODHI_ROUTE_KEYS } from './bodhi.types';
import type { BodhiApiToken, BodhiTokenPage } from './bodhi.types';
import { fetchJson, type JsonAnswer } from '../common/json-fetch';

// These tests are the specification of the simulated service (PROVIDERS.md, Bodhi App section,
// and reference/provider-apis.md §2, checked against BodhiSearch/BodhiApp's routes_app). The
// adapter's integration tests rely on every rule here.

const MAIN = newBodhiToken(DEFAULT_CLIENT_ID);
const POWER = newBodhiToken(DEFAULT_CLIENT_ID);
const PLAIN = newBodhiToken(DEFAULT_CLIENT_ID);
const OTHER = newBodhiToken(DEFAULT_CLIENT_ID);
const DAY = 24 * 3600_000;
const TOKEN = /^sk-bodhiapp_[A-Za-z0-9_-]{49}\.resource-tokendesk-sim$/;
const LOGGED_OUT = { status: 200, body: { auth_status: 'logged_out' } };

const SEED: BodhiSimOptions = {
  users: [
    {
      username: 'owner@example.com',
      password: 'pw-owner',
      firstName: 'Olive',
      lastName: 'Owner',
      id: 'user-owner',
      tokens: [
        { name: 'main', secret: MAIN, createdDaysAgo: 10, lastUsedDaysAgo: 0 },
        { name: 'idle-26', createdDaysAgo: 40, lastUsedDaysAgo: 26 },
        { name: 'idle-40', createdDaysAgo: 60, lastUsedDaysAgo: 40 },
        { name: 'never', createdDaysAgo: 2 },
        { name: 'power', secret: POWER, scope: 'scope_token_power_user', createdDaysAgo: 1 },
      ],
    },
    {
      username: 'plain@example.com',
      role: 'resource_user',
      tokens: [{ name: 'plain-token', secret: PLAIN }],
    },
    {
      username: 'other@example.com',
      role: 'resource_power_user',
      tokens: [{ name: 'other-token', secret: OTHER, createdDaysAgo: 3 }],
    },
  ],
};

let sim: BodhiSim;
let owner: string;

beforeEach(async () => {
  sim = await startBodhiSim(SEED);
  owner = sim.sessionCookieFor('owner@example.com');
});

afterEach(async () => {
  await sim.close();
});

type Answer = JsonAnswer;

interface CallOptions {
  bearer?: string;
  cookie?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

function api(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
  if (options.cookie !== undefined) headers.cookie = options.cookie;
  return fetchJson(`${sim.url}${path}`, method, headers, options.body);
}

function envelope(status: number, code: string, message?: string) {
  return {
    status,
    body: {
      error: {
        code,
        type: expect.any(String) as unknown,
        message: message ?? (expect.any(String) as unknown),
      },
    },
  };
}

async function list(cookie = owner, query = ''): Promise<BodhiTokenPage> {
  const answer = await api('GET', `/bodhi/v1/tokens${query}`, { cookie });
  expect(answer.status).toBe(200);
  return answer.body as BodhiTokenPage;
}

async function listed(name: string): Promise<BodhiApiToken> {
  const token = (await list()).data.find((item) => item.name === name);
  if (token === undefined) throw new Error(`${name} not listed`);
  return token;
}

function verify(secret: string): Promise<Answer> {
  return api('GET', '/bodhi/v1/user', { bearer: secret });
}

describe('sessions', () => {
  it('logs in with a password, answering the user and a SameSite=Strict session cookie', async () => {
    const answer = await api('POST', '/bodhi/v1/auth/login', {
      body: { username: 'owner@example.com', password: 'pw-owner' },
    });
    expect(answer).toMatchObject({
      status: 200,
      body: {
        auth_status: 'logged_in',
        user_id: 'user-owner',
        username: 'owner@example.com',
        first_name: 'Olive',
        last_name: 'Owner',
        role: 'resource_admin',
      },
    });
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(
      /^bodhiapp_session_id=[0-9a-f]{32}; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    const cookie = setCookie.split(';')[0] ?? '';
    expect((await api('GET', '/bodhi/v1/tokens', { cookie })).status).toBe(200);
  });

  it('refuses a wrong password with 401 in the error envelope', async () => {
    const answer = await api('POST', '/bodhi/v1/auth/login', {
      body: { username: 'owner@example.com', password: 'nope' },
    });
    expect(answer).toEqual({
      ...envelope(401, 'login_error-invalid_credentials', 'Invalid username or password.'),
      headers: expect.anything() as unknown,
    });
  });

  it('shows the logged-in user on /bodhi/v1/user with the session cookie', async () => {
    const answer = await api('GET', '/bodhi/v1/user', { cookie: owner });
    expect(answer).toMatchObject({
      status: 200,
      body: { auth_status: 'logged_in', username: 'owner@example.com', role: 'resource_admin' },
    });
  });

  it('ignores the cookie on a cross-site browser request', async () => {
    const answer = await api('GET', '/bodhi/v1/tokens', {
      cookie: owner,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(answer).toMatchObject(envelope(401, 'auth_error-invalid_access', 'Access denied.'));
  });

  it('answers 401 on token routes once the session expires, and logged_out on /user', async () => {
    expect(sim.dashboard.expireSession({ username: 'owner@example.com' })).toEqual({ expired: 1 });
    expect(await api('GET', '/bodhi/v1/tokens', { cookie: owner })).toMatchObject(
      envelope(
        401,
        'auth_error-refresh_token_not_found',
        'Session expired. Please log out and log in again.',
      ),
    );
    expect(await api('GET', '/bodhi/v1/user', { cookie: owner })).toMatchObject(LOGGED_OUT);
    // A new login works again.
    const fresh = sim.sessionCookieFor('owner@example.com');
    expect((await api('GET', '/bodhi/v1/tokens', { cookie: fresh })).status).toBe(200);
  });
});

describe('token routes need a browser session', () => {
  it('answers 401 Access denied without a cookie or with an unknown one', async () => {
    for (const cookie of [undefined, 'bodhiapp_session_id=unknown']) {
      for (const [method, path] of [
        ['GET', '/bodhi/v1/tokens'],
        ['POST', '/bodhi/v1/tokens'],
        ['PUT', '/bodhi/v1/tokens/x'],
        ['DELETE', '/bodhi/v1/tokens/x'],
      ] as const) {
        const answer = await api(method, path, { cookie, body: method === 'GET' ? undefined : {} });
        expect(answer).toMatchObject(envelope(401, 'auth_error-invalid_access'));
      }
    }
  });

  it('answers 403 to a valid API token, which may never manage tokens', async () => {
    const answer = await api('GET', '/bodhi/v1/tokens', { bearer: POWER });
    expect(answer).toMatchObject(
      envelope(403, 'api_auth_error-forbidden', 'Insufficient permissions for this resource.'),
    );
    const create = await api('POST', '/bodhi/v1/tokens', {
      bearer: MAIN,
      body: { scope: 'scope_token_user' },
    });
    expect(create.status).toBe(403);
  });

  it('lets the bearer token win over a cookie sent with it', async () => {
    const answer = await api('GET', '/bodhi/v1/tokens', { bearer: MAIN, cookie: owner });
    expect(answer.status).toBe(403);
  });

  it('answers 401 for a bearer value that is not a valid token, even with a cookie', async () => {
    const answer = await api('GET', '/bodhi/v1/tokens', { bearer: 'nonsense', cookie: owner });
    expect(answer).toMatchObject(envelope(401, 'token_error-invalid_token'));
  });

  it('forbids a session whose role is below Power User (403)', async () => {
    const plain = sim.sessionCookieFor('plain@example.com');
    expect(await api('GET', '/bodhi/v1/tokens', { cookie: plain })).toMatchObject(
      envelope(403, 'api_auth_error-forbidden'),
    );
  });

  it('can answer 401 to an API token instead, as Bodhi’s middleware code does', async () => {
    const strict = await startBodhiSim({ ...SEED, apiTokenOnSessionRoutes: 401 });
    try {
      const response = await fetch(`${strict.url}/bodhi/v1/tokens`, {
        headers: { authorization: `Bearer ${MAIN}` },
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: {
          message: 'Authentication required. Provide an API key or log in.',
          type: 'authentication_error',
          code: 'api_auth_error-missing_auth',
        },
      });
    } finally {
      await strict.close();
    }
  });
});

describe('listing', () => {
  it("lists the session user's tokens, newest first, with the prefix only", async () => {
    const page = await list();
    expect(page).toMatchObject({ total: 5, page: 1, page_size: 30 });
    expect(page.data.map((token) => token.name)).toEqual([
      'power',
      'never',
      'main',
      'idle-26',
      'idle-40',
    ]);
    expect(JSON.stringify(page)).not.toContain(MAIN.slice(20));
    const main = page.data.find((token) => token.name === 'main');
    expect(main).toEqual({
      id: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/) as unknown,
      user_id: 'user-owner',
      name: 'main',
      token_prefix: MAIN.slice(0, 'sk-bodhiapp_'.length + 8),
      scopes: 'scope_token_user',
      status: 'active',
      last_used_at: expect.any(String) as unknown,
      created_at: expect.any(String) as unknown,
      updated_at: expect.any(String) as unknown,
    });
    expect(page.data.find((token) => token.name === 'never')?.last_used_at).toBeNull();
  });

  it('pages with page (from 1) and page_size (clamped to 100)', async () => {
    const second = await list(owner, '?page=2&page_size=2');
    expect(second).toMatchObject({ total: 5, page: 2, page_size: 2 });
    expect(second.data.map((token) => token.name)).toEqual(['main', 'idle-26']);
    expect((await list(owner, '?page_size=500')).page_size).toBe(100);
    expect((await list(owner, '?page=9')).data).toEqual([]);
  });

  it("never shows another user's tokens", async () => {
    const other = sim.sessionCookieFor('other@example.com');
    expect((await list(other)).data.map((token) => token.name)).toEqual(['other-token']);
  });
});

describe('creating', () => {
  it('answers 201 {token} once, not cacheable; the list then shows only its prefix', async () => {
    const answer = await api('POST', '/bodhi/v1/tokens', {
      cookie: owner,
      body: { name: 'ci', scope: 'scope_token_user' },
    });
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.body as object)).toEqual(['token']);
    const { token } = answer.body as { token: string };
    expect(token).toMatch(TOKEN);
    expect(answer.headers.get('cache-control')).toBe('no-store, no-cache, must-revalidate');
    expect(answer.headers.get('pragma')).toBe('no-cache');
    const item = await listed('ci');
    expect(item).toMatchObject({ status: 'active', last_used_at: null });
    expect(token.startsWith(item.token_prefix)).toBe(true);
    expect(JSON.stringify(await list())).not.toContain(token);
    expect(await verify(token)).toMatchObject({
      status: 200,
      body: { auth_status: 'api_token', role: 'scope_token_user' },
    });
  });

  it('creates power-user tokens and nameless ones', async () => {
    const answer = await api('POST', '/bodhi/v1/tokens', {
      cookie: owner,
      body: { scope: 'scope_token_power_user' },
    });
    const { token } = answer.body as { token: string };
    expect((await verify(token)).body).toEqual({
      auth_status: 'api_token',
      role: 'scope_token_power_user',
    });
    expect((await list()).data.some((item) => item.name === '')).toBe(true);
  });

  it.each([
    [{ name: 'x' }, 'json_rejection_error'],
    [{ name: 'x', scope: 'scope_token_admin' }, 'json_rejection_error'],
    [{ name: 'x', scopes: ['scope_token_user'] }, 'json_rejection_error'],
    [{ name: 'x'.repeat(101), scope: 'scope_token_user' }, 'validation_errors'],
  ])('refuses %j with 400 %s', async (body, code) => {
    const answer = await api('POST', '/bodhi/v1/tokens', { cookie: owner, body });
    expect(answer).toMatchObject(envelope(400, code));
    expect((answer.body as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });
});

describe('updating', () => {
  it('renames and deactivates; the token then fails until it is activated again', async () => {
    const { id } = await listed('main');
    const answer = await api('PUT', `/bodhi/v1/tokens/${id}`, {
      cookie: owner,
      body: { name: 'main-renamed', status: 'inactive' },
    });
    expect(answer).toMatchObject({
      status: 200,
      body: { id, name: 'main-renamed', status: 'inactive' },
    });
    expect(await verify(MAIN)).toMatchObject(LOGGED_OUT);
    expect(await api('GET', '/v1/models', { bearer: MAIN })).toMatchObject(
      envelope(401, 'auth_error-token_inactive', 'API token is inactive.'),
    );
    const back = await api('PUT', `/bodhi/v1/tokens/${id}`, {
      cookie: owner,
      body: { name: 'main-renamed', status: 'active' },
    });
    expect(back.status).toBe(200);
    expect((await verify(MAIN)).body).toMatchObject({ auth_status: 'api_token' });
  });

  it('requires both name (3–100 characters) and status', async () => {
    const { id } = await listed('main');
    const put = (body: unknown) => api('PUT', `/bodhi/v1/tokens/${id}`, { cookie: owner, body });
    expect(await put({ name: 'renamed' })).toMatchObject(envelope(400, 'json_rejection_error'));
    expect(await put({ status: 'inactive' })).toMatchObject(envelope(400, 'json_rejection_error'));
    expect(await put({ name: 'ab', status: 'active' })).toMatchObject(
      envelope(400, 'validation_errors'),
    );
  });

  it("answers 404 for an unknown id and for another user's token", async () => {
    const expected = {
      status: 404,
      body: {
        error: {
          message: 'Token not found',
          type: 'not_found_error',
          code: 'entity_error-not_found',
        },
      },
    };
    const body = { name: 'hijack', status: 'inactive' };
    expect(await api('PUT', '/bodhi/v1/tokens/nope', { cookie: owner, body })).toMatchObject(
      expected,
    );
    const otherId = sim.tokens().find((token) => token.name === 'other-token')?.id ?? '';
    expect(await api('PUT', `/bodhi/v1/tokens/${otherId}`, { cookie: owner, body })).toMatchObject(
      expected,
    );
    expect((await verify(OTHER)).body).toMatchObject({ auth_status: 'api_token' });
  });
});

describe('deleting', () => {
  it('answers 204, removes the token for good and it fails at once', async () => {
    const { id } = await listed('main');
    expect((await api('DELETE', `/bodhi/v1/tokens/${id}`, { cookie: owner })).status).toBe(204);
    expect((await list()).data.map((token) => token.name)).not.toContain('main');
    expect(await verify(MAIN)).toMatchObject(LOGGED_OUT);
    expect((await api('GET', '/v1/models', { bearer: MAIN })).status).toBe(401);
    expect((await api('DELETE', `/bodhi/v1/tokens/${id}`, { cookie: owner })).status).toBe(404);
    expect(sim.tokens().find((token) => token.id === id)?.deleted).toBe(true);
  });
});

describe('verifying a token', () => {
  it('answers 200 api_token with the scope for a working token', async () => {
    expect(await verify(MAIN)).toMatchObject({
      status: 200,
      body: { auth_status: 'api_token', role: 'scope_token_user' },
    });
  });

  it('answers 200 logged_out, never 401, for any token that does not work', async () => {
    const unknown = newBodhiToken(DEFAULT_CLIENT_ID);
    const otherApp = newBodhiToken('resource-another-app');
    const tampered = `${MAIN.slice(0, 20)}${MAIN[20] === 'A' ? 'B' : 'A'}${MAIN.slice(21)}`;
    const idle = sim.secretOf('idle-40');
    const wrongApp = MAIN.replace(/\.[^.]+$/, '.resource-another-app');
    const cases = [unknown, otherApp, wrongApp, tampered, idle, 'sk-bodhiapp_short', 'garbage'];
    for (const secret of cases) {
      expect(await verify(secret)).toMatchObject(LOGGED_OUT);
    }
    expect(await api('GET', '/bodhi/v1/user')).toMatchObject(LOGGED_OUT);
    expect(
      await api('GET', '/bodhi/v1/user', { headers: { authorization: `Basic ${MAIN}` } }),
    ).toMatchObject(LOGGED_OUT);
  });

  it('answers 401 on the models route for the same tokens, and 200 for a working one', async () => {
    expect(await api('GET', '/v1/models', { bearer: MAIN })).toMatchObject({
      status: 200,
      body: { object: 'list', data: [] },
    });
    expect(
      await api('GET', '/v1/models', { bearer: newBodhiToken(DEFAULT_CLIENT_ID) }),
    ).toMatchObject(envelope(401, 'token_error-invalid_token', 'Invalid token: Token not found.'));
    expect(await api('GET', '/v1/models')).toMatchObject(
      envelope(401, 'auth_error-invalid_access'),
    );
    expect((await api('GET', '/v1/models', { cookie: owner })).status).toBe(200);
  });

  it('updates last_used_at on every accepted call, on the simulator clock', async () => {
    expect((await listed('never')).last_used_at).toBeNull();
    sim.advanceClock(DAY);
    await verify(sim.secretOf('never'));
    const used = await listed('never');
    expect(used.last_used_at).toBe(sim.tokens().find((t) => t.name === 'never')?.lastUsedAt);
    expect(Date.parse(used.last_used_at ?? '')).toBeGreaterThan(Date.now() + DAY / 2);
  });

  it('records which credential each call carried', async () => {
    await verify(MAIN);
    await api('GET', '/bodhi/v1/tokens', { cookie: owner });
    await verify('garbage');
    expect(sim.lastUseOf(MAIN)).toMatchObject({ route: 'getUser', path: '/bodhi/v1/user' });
    const calls = sim.calls();
    expect(calls.at(-2)).toMatchObject({ route: 'listTokens', sessionUser: 'owner@example.com' });
    expect(calls.at(-1)).toMatchObject({ secret: 'garbage', accepted: false, tokenId: null });
  });
});

describe('the 30-day idle rule', () => {
  it('shows a token idle for over 30 days as inactive from the start', async () => {
    const idle = await listed('idle-40');
    expect(idle.status).toBe('inactive');
    // It went inactive the moment it crossed 30 idle days.
    expect(Date.parse(idle.updated_at) - Date.parse(idle.last_used_at ?? '')).toBe(30 * DAY);
    expect(sim.tokens().find((t) => t.name === 'idle-40')?.inactiveReason).toBe('idle');
  });

  it('switches a token off lazily once it passes 30 days without use', async () => {
    const secret = sim.secretOf('idle-26');
    sim.advanceClock(4 * DAY - 60_000);
    expect((await listed('idle-26')).status).toBe('active');
    sim.advanceClock(2 * 60_000);
    expect((await listed('idle-26')).status).toBe('inactive');
    expect(await verify(secret)).toMatchObject(LOGGED_OUT);
  });

  it('restarts the idle clock on every use, and a never-used token counts from creation', async () => {
    const secret = sim.secretOf('idle-26');
    sim.advanceClock(3 * DAY);
    expect((await verify(secret)).body).toMatchObject({ auth_status: 'api_token' });
    sim.advanceClock(29 * DAY);
    expect((await verify(secret)).body).toMatchObject({ auth_status: 'api_token' });
    // 'never' was created 2 days before the start: 34 idle days now.
    expect((await listed('never')).status).toBe('inactive');
  });

  it('restarts the idle clock when the user activates the token again', async () => {
    const { id } = await listed('idle-40');
    await api('PUT', `/bodhi/v1/tokens/${id}`, {
      cookie: owner,
      body: { name: 'idle-40', status: 'active' },
    });
    expect((await verify(sim.secretOf('idle-40'))).body).toMatchObject({
      auth_status: 'api_token',
    });
    sim.advanceClock(31 * DAY);
    expect((await listed('idle-40')).status).toBe('inactive');
  });

  it('takes the clock offset set over HTTP into account', async () => {
    await fetch(`${sim.url}/__sim/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ offsetMs: 31 * DAY }),
    });
    expect(await verify(MAIN)).toMatchObject(LOGGED_OUT);
  });
});

describe('deactivating a user', () => {
  it('switches off all their tokens and ends their sessions', async () => {
    sim.dashboard.deactivateUser({ username: 'owner@example.com' });
    expect(await verify(MAIN)).toMatchObject(LOGGED_OUT);
    expect(await verify(POWER)).toMatchObject(LOGGED_OUT);
    expect((await api('GET', '/bodhi/v1/tokens', { cookie: owner })).status).toBe(401);
    const login = await api('POST', '/bodhi/v1/auth/login', {
      body: { username: 'owner@example.com', password: 'pw-owner' },
    });
    expect(login.status).toBe(401);
    const mine = sim.tokens().filter((token) => token.username === 'owner@example.com');
    expect(mine.every((token) => token.status === 'inactive')).toBe(true);
    expect(mine.find((token) => token.name === 'main')?.inactiveReason).toBe('user-deactivated');
    // Other users are untouched.
    expect((await verify(OTHER)).body).toMatchObject({ auth_status: 'api_token' });
  });
});

describe('knobs', () => {
  it('applies injected failures to the named route only', async () => {
    sim.injectFailure({ route: 'listTokens', kind: 'html', status: 503, times: 1 });
    expect((await verify(MAIN)).status).toBe(200);
    const response = await fetch(`${sim.url}/bodhi/v1/tokens`, { headers: { cookie: owner } });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect((await api('GET', '/bodhi/v1/tokens', { cookie: owner })).status).toBe(200);
  });

  it('rate limits with 429 and Retry-After', async () => {
    sim.setKnobs({ rateLimit: { limit: 1, windowMs: 10_000, route: 'getUser' } });
    expect((await verify(MAIN)).status).toBe(200);
    const limited = await verify(MAIN);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect((await api('GET', '/v1/models', { bearer: MAIN })).status).toBe(200);
  });

  it('names every route key in BODHI_ROUTE_KEYS', () => {
    const state = new BodhiState(createSimClock());
    const keys = new Set(bodhiRoutes(state, new BodhiAuth(state)).map((route) => route.key));
    expect([...keys].sort()).toEqual([...BODHI_ROUTE_KEYS].sort());
  });
});

describe('dashboard and control', () => {
  it('creates and deletes tokens as the user does in the web UI, in process and over HTTP', async () => {
    const created = sim.dashboard.createToken({ username: 'owner@example.com', name: 'from-ui' });
    expect(created.token).toMatch(TOKEN);
    expect((await verify(created.token)).body).toMatchObject({ auth_status: 'api_token' });
    const revoke = await api('POST', '/__sim/dashboard/revoke-token', {
      body: { tokenId: created.id },
    });
    expect(revoke.status).toBe(200);
    expect(await verify(created.token)).toMatchObject(LOGGED_OUT);

    const overHttp = await api('POST', '/__sim/dashboard/create-token', {
      body: { username: 'other@example.com', name: 'cli', scope: 'scope_token_power_user' },
    });
    expect(overHttp.status).toBe(200);
    const missing = await api('POST', '/__sim/dashboard/create-token', {
      body: { username: 'nobody@example.com', name: 'cli' },
    });
    expect(missing.status).toBe(404);
  });

  it('expires sessions and deactivates users over HTTP', async () => {
    const expired = await api('POST', '/__sim/dashboard/expire-session', { body: {} });
    expect(expired).toMatchObject({ status: 200, body: { expired: 1 } });
    expect((await api('GET', '/bodhi/v1/tokens', { cookie: owner })).status).toBe(401);
    const deactivated = await api('POST', '/__sim/dashboard/deactivate-user', {
      body: { username: 'other@example.com' },
    });
    expect(deactivated.status).toBe(200);
    expect(await verify(OTHER)).toMatchObject(LOGGED_OUT);
  });

  it('shows users, sessions, tokens with secrets and calls in /__sim/state', async () => {
    await verify(MAIN);
    const state = await api('GET', '/__sim/state');
    expect(state.body).toMatchObject({
      name: 'bodhi',
      service: {
        clientId: DEFAULT_CLIENT_ID,
        users: expect.arrayContaining([
          { id: 'user-owner', username: 'owner@example.com', role: 'resource_admin', active: true },
        ]) as unknown,
        sessions: [{ username: 'owner@example.com', expired: false }],
        tokens: expect.arrayContaining([
          expect.objectContaining({ name: 'main', secret: MAIN, status: 'active' }),
        ]) as unknown,
        calls: [expect.objectContaining({ secret: MAIN, accepted: true })],
      },
    });
  });
});

describe('demo seed', () => {
  it('holds a token in use, one near the idle limit, one idle past it and one never used', async () => {
    const chat = newBodhiToken('resource-demo');
    const demo = await startBodhiSim(demoBodhiSeed(chat, 'resource-demo'));
    try {
      const byName = new Map(demo.tokens().map((token) => [token.name, token]));
      expect(byName.get('chat-app')).toMatchObject({ status: 'active', secret: chat });
      expect(byName.get('notebook')).toMatchObject({ status: 'active' });
      expect(byName.get('old-script')).toMatchObject({
        status: 'inactive',
        inactiveReason: 'idle',
      });
      expect(byName.get('spare')).toMatchObject({ status: 'active', lastUsedAt: null });
      expect(byName.get('paused-ci')).toMatchObject({ status: 'inactive', inactiveReason: 'user' });
      const response = await fetch(`${demo.url}/bodhi/v1/user`, {
        headers: { authorization: `Bearer ${chat}` },
      });
      expect(await response.json()).toEqual({ auth_status: 'api_token', role: 'scope_token_user' });
    } finally {
      await demo.close();
    }
  });
});
