import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitlabAuth } from './gitlab-auth';
import { addDays, dateOnly } from './gitlab-dates';
import { gitlabRoutes } from './gitlab-routes';
import { demoGitlabSeed } from './gitlab-seeds';
import { GitlabState } from './gitlab-state';
import { startGitlabSim } from './gitlab.sim';
import type { GitlabSim } from './gitlab.sim';
import { GITLAB_ROUTE_KEYS } from './gitlab.types';
import type { GitlabApiProjectToken, GitlabApiToken } from './gitlab.types';
import { createSimClock } from '../common/sim-clock';
import { fetchJson, type JsonAnswer } from '../common/json-fetch';

// These tests are the specification of the simulated service (PROVIDERS.md, GitLab section, and
// reference/provider-apis.md §5, checked against gitlabhq's lib/api and app/services). The
// adapter's integration tests rely on every rule here.

const ROOT = 'glpat-root0000000000000000000';
const ALICE = 'glpat-alice000000000000000000';
const ALICE_READ = 'glpat-aliceread0000000000000';
const ALICE_SELF = 'glpat-aliceself0000000000000';
const ALICE_REPO = 'glpat-alicerepo0000000000000';
const BOB = 'glpat-bob000000000000000000000';
const WEB_BOT = 'glpat-webbot000000000000000000';
const WEB_SELF = 'glpat-webself00000000000000000';
const DAY = 24 * 3600_000;
const SECRET = /^glpat-[A-Za-z0-9_-]{20}$/;

/** Puts the simulator at 12:00 UTC today, so date arithmetic never straddles midnight. */
function noonOffset(): number {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12) - now.getTime();
}

let sim: GitlabSim;

beforeEach(async () => {
  sim = await startGitlabSim({
    clockOffsetMs: noonOffset(),
    users: [
      { id: 1, username: 'root', admin: true, tokens: [{ name: 'root-admin', secret: ROOT }] },
      {
        id: 2,
        username: 'alice',
        tokens: [
          {
            name: 'alice-api',
            secret: ALICE,
            description: 'laptop',
            expiresInDays: 30,
            createdDaysAgo: 10,
          },
          { name: 'alice-read', secret: ALICE_READ, scopes: ['read_api'], expiresInDays: 30 },
          { name: 'alice-rotate', secret: ALICE_SELF, scopes: ['self_rotate'], expiresInDays: 30 },
          {
            name: 'alice-repo',
            secret: ALICE_REPO,
            scopes: ['read_repository'],
            expiresInDays: 30,
          },
          { name: 'alice-old', expiresInDays: -1, createdDaysAgo: 400, lastUsedDaysAgo: 5 },
          { name: 'alice-gone', expiresInDays: 30, revoked: true },
          { name: 'alice-never', expiresInDays: 3 },
        ],
      },
      { id: 3, username: 'bob', tokens: [{ name: 'bob-api', secret: BOB, expiresInDays: 60 }] },
    ],
    projects: [
      {
        id: 10,
        pathWithNamespace: 'acme/web',
        members: [
          { userId: 2, accessLevel: 40 },
          { userId: 3, accessLevel: 30 },
        ],
        tokens: [
          {
            name: 'web-deploy',
            secret: WEB_BOT,
            accessLevel: 40,
            expiresInDays: 20,
            lastUsedDaysAgo: 1,
          },
          { name: 'web-reader', scopes: ['read_api'], accessLevel: 20, expiresInDays: 5 },
          {
            name: 'web-self',
            secret: WEB_SELF,
            scopes: ['self_rotate'],
            accessLevel: 30,
            expiresInDays: 20,
          },
        ],
      },
      { id: 11, pathWithNamespace: 'acme/secret', members: [{ userId: 3, accessLevel: 50 }] },
    ],
  });
});

afterEach(async () => {
  await sim.close();
});

type Answer = JsonAnswer;

interface CallOptions {
  token?: string;
  /** How the token travels; GitLab accepts both. */
  via?: 'private-token' | 'bearer';
  body?: unknown;
}

function api(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) {
    if (options.via === 'bearer') headers.authorization = `Bearer ${options.token}`;
    else headers['private-token'] = options.token;
  }
  return fetchJson(`${sim.url}/api/v4${path}`, method, headers, options.body);
}

async function listed(token: string, query = ''): Promise<GitlabApiToken[]> {
  const answer = await api('GET', `/personal_access_tokens${query}`, { token });
  expect(answer.status).toBe(200);
  return answer.body as GitlabApiToken[];
}

function idOf(name: string): number {
  const token = sim.tokens().find((item) => item.name === name && !item.revoked);
  if (token === undefined) throw new Error(`no token ${name}`);
  return token.id;
}

function today(): string {
  return dateOnly(sim.now());
}

type Rotated = GitlabApiToken & { token: string };

describe('authentication', () => {
  it('accepts PRIVATE-TOKEN, a Bearer token or the private_token parameter', async () => {
    expect((await api('GET', '/personal_access_tokens/self', { token: ALICE })).status).toBe(200);
    const bearer = await api('GET', '/personal_access_tokens/self', {
      token: ALICE,
      via: 'bearer',
    });
    expect(bearer.status).toBe(200);
    const param = await api('GET', `/personal_access_tokens/self?private_token=${ALICE}`);
    expect(param.status).toBe(200);
  });

  it('answers 401 {"message":"401 Unauthorized"} without a token or with an unknown one', async () => {
    for (const token of [undefined, 'glpat-nosuchtoken000000000']) {
      const answer = await api('GET', '/personal_access_tokens', { token });
      expect(answer).toMatchObject({ status: 401, body: { message: '401 Unauthorized' } });
    }
  });

  it('refuses an expired token with 401 invalid_token, from 00:00 UTC of its expires_at', async () => {
    const answer = await api('GET', '/personal_access_tokens/self', {
      token: sim.secretOf('alice-old'),
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      error: 'invalid_token',
      error_description: 'Token is expired. You can either do re-authorization or token refresh.',
    });
    expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"');

    // alice-never expires in 3 days: still fine one minute before midnight, dead at midnight.
    const never = sim.secretOf('alice-never');
    sim.advanceClock(2 * DAY + 12 * 3600_000 - 60_000);
    expect((await api('GET', '/personal_access_tokens/self', { token: never })).status).toBe(200);
    sim.advanceClock(60_000);
    expect((await api('GET', '/personal_access_tokens/self', { token: never })).status).toBe(401);
  });

  it('refuses a revoked token with 401 invalid_token "Token was revoked"', async () => {
    const gone = sim.tokens().find((token) => token.name === 'alice-gone');
    const answer = await api('GET', '/personal_access_tokens/self', { token: gone?.secret });
    expect(answer).toMatchObject({
      status: 401,
      body: {
        error: 'invalid_token',
        error_description: 'Token was revoked. You have to re-authorize from the user.',
      },
    });
  });

  it('updates last_used_at on every authenticated call, on the simulator clock', async () => {
    const before = (await listed(ROOT, '?search=alice-api'))[0];
    expect(before?.last_used_at).toBeNull();
    sim.advanceClock(DAY);
    await api('GET', '/personal_access_tokens/self', { token: ALICE });
    const after = (await listed(ROOT, '?search=alice-api'))[0];
    expect(after?.last_used_at).toBe(sim.tokens().find((t) => t.secret === ALICE)?.lastUsedAt);
    expect(Date.parse(after?.last_used_at ?? '')).toBeGreaterThan(Date.now() + DAY / 2);
  });

  it('records which token each call presented and whether it was accepted', async () => {
    await api('GET', '/personal_access_tokens/self', { token: ALICE });
    await api('GET', '/personal_access_tokens/self', { token: 'glpat-wrong000000000000000' });
    expect(sim.lastUseOf(ALICE)).toMatchObject({
      route: 'getPersonalTokenSelf',
      method: 'GET',
      path: '/api/v4/personal_access_tokens/self',
      tokenId: idOf('alice-api'),
      accepted: true,
    });
    expect(sim.calls().at(-1)).toMatchObject({
      secret: 'glpat-wrong000000000000000',
      tokenId: null,
      accepted: false,
    });
  });
});

describe('listing personal access tokens', () => {
  it("lists the caller's own tokens, revoked and expired ones too, without secrets", async () => {
    const tokens = await listed(ALICE);
    expect(tokens.map((token) => token.name)).toEqual([
      'alice-api',
      'alice-read',
      'alice-rotate',
      'alice-repo',
      'alice-old',
      'alice-gone',
      'alice-never',
    ]);
    expect(JSON.stringify(tokens)).not.toContain('glpat-');
    expect(tokens[0]).toEqual({
      id: idOf('alice-api'),
      name: 'alice-api',
      revoked: false,
      created_at: sim.tokens().find((token) => token.secret === ALICE)?.createdAt,
      description: 'laptop',
      scopes: ['api'],
      user_id: 2,
      last_used_at: expect.any(String) as unknown, // this very call used it
      active: true,
      expires_at: addDays(today(), 30),
    });
    expect(tokens.find((token) => token.name === 'alice-old')).toMatchObject({
      active: false,
      revoked: false,
    });
    expect(tokens.find((token) => token.name === 'alice-gone')).toMatchObject({
      active: false,
      revoked: true,
    });
    expect(tokens.find((token) => token.name === 'alice-never')?.last_used_at).toBeNull();
  });

  it('lets an admin list everyone, bots included, or one user with user_id', async () => {
    const all = await listed(ROOT, '?per_page=100');
    expect(all).toHaveLength(sim.tokens().length);
    expect(new Set(all.map((token) => token.user_id)).size).toBeGreaterThanOrEqual(5);
    const bobs = await listed(ROOT, '?user_id=3');
    expect(bobs.map((token) => token.name)).toEqual(['bob-api']);
    const missing = await api('GET', '/personal_access_tokens?user_id=999', { token: ROOT });
    expect(missing).toMatchObject({ status: 404, body: { message: '404 User Not Found' } });
  });

  it("answers 401 when a non-admin filters on another user's id", async () => {
    const answer = await api('GET', '/personal_access_tokens?user_id=3', { token: ALICE });
    expect(answer).toMatchObject({ status: 401, body: { message: '401 Unauthorized' } });
    expect(await listed(ALICE, '?user_id=2')).toHaveLength(7);
  });

  it('filters by state, revoked, search and dates', async () => {
    const names = async (query: string) => (await listed(ALICE, query)).map((t) => t.name);
    expect(await names('?state=inactive')).toEqual(['alice-old', 'alice-gone']);
    expect(await names('?revoked=true')).toEqual(['alice-gone']);
    expect(await names('?search=REPO')).toEqual(['alice-repo']);
    expect(await names(`?expires_before=${addDays(today(), 7)}`)).toEqual([
      'alice-old',
      'alice-never',
    ]);
    expect(await names(`?created_before=${addDays(today(), -5)}`)).toEqual([
      'alice-api',
      'alice-old',
    ]);
    expect(await names(`?last_used_before=${addDays(today(), -1)}`)).toEqual(['alice-old']);
  });

  it('refuses malformed filters with Grape\'s 400 {"error"}', async () => {
    const answer = await api('GET', '/personal_access_tokens?state=expired', { token: ALICE });
    expect(answer).toMatchObject({
      status: 400,
      body: { error: 'state does not have a valid value' },
    });
  });

  it('paginates with X-Page, X-Per-Page, X-Total, X-Total-Pages, X-Next-Page and Link', async () => {
    const first = await api('GET', '/personal_access_tokens?per_page=3', { token: ALICE });
    expect((first.body as unknown[]).length).toBe(3);
    expect(Object.fromEntries(first.headers)).toMatchObject({
      'x-page': '1',
      'x-per-page': '3',
      'x-total': '7',
      'x-total-pages': '3',
      'x-next-page': '2',
      'x-prev-page': '',
    });
    const base = `${sim.url}/api/v4/personal_access_tokens`;
    expect(first.headers.get('link')).toBe(
      `<${base}?page=2&per_page=3>; rel="next", <${base}?page=1&per_page=3>; rel="first", ` +
        `<${base}?page=3&per_page=3>; rel="last"`,
    );
    const last = await api('GET', '/personal_access_tokens?per_page=3&page=3', { token: ALICE });
    expect((last.body as GitlabApiToken[]).map((token) => token.name)).toEqual(['alice-never']);
    expect(last.headers.get('x-next-page')).toBe('');
    const defaults = await api('GET', '/personal_access_tokens', { token: ALICE });
    expect(defaults.headers.get('x-per-page')).toBe('20');
  });
});

describe('reading one token', () => {
  it('answers /self with the calling token, whatever its scopes: the verify call', async () => {
    const answer = await api('GET', '/personal_access_tokens/self', { token: ALICE_REPO });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ name: 'alice-repo', scopes: ['read_repository'] });
    const bot = await api('GET', '/personal_access_tokens/self', { token: WEB_BOT });
    expect(bot.body).toMatchObject({ name: 'web-deploy', active: true });
  });

  it("returns one's own token by id, 401 for another's or a missing id, 404 to an admin", async () => {
    const own = await api('GET', `/personal_access_tokens/${idOf('alice-read')}`, {
      token: ALICE,
    });
    expect(own).toMatchObject({ status: 200, body: { name: 'alice-read' } });
    const bobs = await api('GET', `/personal_access_tokens/${idOf('bob-api')}`, { token: ALICE });
    expect(bobs).toMatchObject({ status: 401, body: { message: '401 Unauthorized' } });
    expect((await api('GET', '/personal_access_tokens/9999', { token: ALICE })).status).toBe(401);
    const admin = await api('GET', '/personal_access_tokens/9999', { token: ROOT });
    expect(admin).toMatchObject({ status: 404, body: { message: '404 Not found' } });
    expect(
      (await api('GET', `/personal_access_tokens/${idOf('bob-api')}`, { token: ROOT })).status,
    ).toBe(200);
  });

  it('answers 400 for an id that is not an integer', async () => {
    const answer = await api('GET', '/personal_access_tokens/abc', { token: ALICE });
    expect(answer).toMatchObject({ status: 400, body: { error: 'id is invalid' } });
  });
});

describe('scopes', () => {
  const insufficient = (scope: string) => ({
    status: 403,
    body: {
      error: 'insufficient_scope',
      error_description:
        'The request requires higher privileges than provided by the access token.',
      scope,
    },
  });

  it('lets read_api list and read but not rotate or revoke by id (403 insufficient_scope)', async () => {
    expect((await api('GET', '/personal_access_tokens', { token: ALICE_READ })).status).toBe(200);
    const id = idOf('alice-never');
    expect(
      await api('POST', `/personal_access_tokens/${id}/rotate`, { token: ALICE_READ }),
    ).toMatchObject(insufficient('api'));
    expect(
      await api('DELETE', `/personal_access_tokens/${id}`, { token: ALICE_READ }),
    ).toMatchObject(insufficient('api'));
    expect(
      await api('POST', '/personal_access_tokens/self/rotate', { token: ALICE_READ }),
    ).toMatchObject(insufficient('api self_rotate'));
  });

  it('lets self_rotate rotate itself but not list or rotate others', async () => {
    expect(await api('GET', '/personal_access_tokens', { token: ALICE_SELF })).toMatchObject(
      insufficient('api read_api'),
    );
    const other = await api('POST', `/personal_access_tokens/${idOf('alice-never')}/rotate`, {
      token: ALICE_SELF,
    });
    expect(other.status).toBe(403);
    const self = await api('POST', '/personal_access_tokens/self/rotate', { token: ALICE_SELF });
    expect(self.status).toBe(200);
  });

  it('lets any token revoke itself', async () => {
    expect(
      (await api('DELETE', '/personal_access_tokens/self', { token: ALICE_REPO })).status,
    ).toBe(204);
    expect((await api('GET', '/personal_access_tokens/self', { token: ALICE_REPO })).status).toBe(
      401,
    );
  });
});

describe('rotating personal access tokens', () => {
  it('answers 200 with a new token (new id, new secret, same name and scopes); the old one dies at once', async () => {
    const oldId = idOf('alice-api');
    const answer = await api('POST', `/personal_access_tokens/${oldId}/rotate`, { token: ALICE });
    expect(answer.status).toBe(200);
    const rotated = answer.body as Rotated;
    expect(rotated).toEqual({
      id: expect.any(Number) as unknown,
      name: 'alice-api',
      revoked: false,
      created_at: expect.any(String) as unknown,
      description: 'laptop',
      scopes: ['api'],
      user_id: 2,
      last_used_at: null,
      active: true,
      expires_at: addDays(today(), 7),
      token: expect.stringMatching(SECRET) as unknown,
    });
    expect(rotated.id).not.toBe(oldId);
    expect(Math.abs(Date.parse(rotated.created_at) - sim.now().getTime())).toBeLessThan(5_000);
    expect((await api('GET', '/personal_access_tokens/self', { token: ALICE })).status).toBe(401);
    expect(
      (await api('GET', '/personal_access_tokens/self', { token: rotated.token })).status,
    ).toBe(200);
    const views = sim.tokens();
    expect(views.find((t) => t.id === oldId)).toMatchObject({ revoked: true, active: false });
    expect(views.find((t) => t.id === rotated.id)).toMatchObject({
      familyId: oldId,
      previousId: oldId,
      secret: rotated.token,
    });
  });

  it('takes expires_at from the body, up to 365 days ahead', async () => {
    const id = idOf('alice-never');
    const wanted = addDays(today(), 365);
    const answer = await api('POST', `/personal_access_tokens/${id}/rotate`, {
      token: ALICE,
      body: { expires_at: wanted },
    });
    expect(answer).toMatchObject({ status: 200, body: { expires_at: wanted } });
    const next = (answer.body as Rotated).id;
    const tooLate = await api('POST', `/personal_access_tokens/${next}/rotate`, {
      token: ALICE,
      body: { expires_at: addDays(today(), 366) },
    });
    expect(tooLate).toMatchObject({
      status: 400,
      body: { message: `400 Bad request - Expires at must be before ${wanted}` },
    });
    const malformed = await api('POST', `/personal_access_tokens/${next}/rotate`, {
      token: ALICE,
      body: { expires_at: '31/12/2030' },
    });
    expect(malformed).toMatchObject({ status: 400, body: { error: 'expires_at is invalid' } });
    // Neither refusal rotated anything.
    expect(sim.tokens().find((t) => t.id === next)?.revoked).toBe(false);
  });

  it('rotates the calling token with /self/rotate', async () => {
    const answer = await api('POST', '/personal_access_tokens/self/rotate', {
      token: ALICE,
      via: 'bearer',
    });
    expect(answer).toMatchObject({ status: 200, body: { name: 'alice-api' } });
    expect((await api('GET', '/personal_access_tokens/self', { token: ALICE })).status).toBe(401);
  });

  it("answers 401 for another user's token (404 to an admin for a missing id); an admin may rotate anyone's", async () => {
    const bobs = idOf('bob-api');
    expect(
      (await api('POST', `/personal_access_tokens/${bobs}/rotate`, { token: ALICE })).status,
    ).toBe(401);
    expect((await api('POST', '/personal_access_tokens/9999/rotate', { token: ROOT })).status).toBe(
      404,
    );
    const byAdmin = await api('POST', `/personal_access_tokens/${bobs}/rotate`, { token: ROOT });
    expect(byAdmin).toMatchObject({ status: 200, body: { user_id: 3, name: 'bob-api' } });
  });

  it('refuses to rotate an already revoked token for a valid caller (400), leaving its family alone', async () => {
    const originalId = idOf('alice-api');
    const first = await api('POST', '/personal_access_tokens/self/rotate', { token: ALICE });
    const successor = first.body as Rotated;
    const answer = await api('POST', `/personal_access_tokens/${originalId}/rotate`, {
      token: successor.token,
    });
    expect(answer).toMatchObject({
      status: 400,
      body: { message: '400 Bad request - Token already revoked' },
    });
    expect(
      (await api('GET', '/personal_access_tokens/self', { token: successor.token })).status,
    ).toBe(200);
  });
});

describe('reuse detection (token families)', () => {
  it('revokes the whole family and answers 401 when a rotated token is presented to rotate again', async () => {
    const answer = await api('POST', '/personal_access_tokens/self/rotate', { token: ALICE });
    const successor = (answer.body as Rotated).token;
    // The retry a careless client makes with the old secret after a lost response:
    const retry = await api('POST', '/personal_access_tokens/self/rotate', { token: ALICE });
    expect(retry).toMatchObject({ status: 401, body: { error: 'invalid_token' } });
    expect((await api('GET', '/personal_access_tokens/self', { token: successor })).status).toBe(
      401,
    );
    const family = sim.tokens().filter((t) => t.name === 'alice-api');
    expect(family).toHaveLength(2);
    expect(family.every((t) => t.revoked && t.familyId === family[0]?.familyId)).toBe(true);
    expect(sim.familyRevocations()).toBe(1);
  });

  it('counts no family revocation for an ordinary rotation', async () => {
    await api('POST', '/personal_access_tokens/self/rotate', { token: ALICE });
    expect(sim.familyRevocations()).toBe(0);
  });

  it('sends its RateLimit-* headers with an injected 429', async () => {
    sim.injectFailure({ route: '*', kind: 'status', status: 429, retryAfter: '30', times: 1 });
    const response = await fetch(`${sim.url}/api/v4/personal_access_tokens/self`, {
      headers: { 'private-token': ALICE },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('ratelimit-remaining')).toBe('0');
    const resetIn = Number(response.headers.get('ratelimit-reset')) - sim.now().getTime() / 1000;
    expect(resetIn).toBeGreaterThan(28);
    expect(resetIn).toBeLessThanOrEqual(30);
  });

  it('reaches every descendant, whichever rotate route the old secret is presented to', async () => {
    const originalId = idOf('alice-api');
    const second = (await api('POST', '/personal_access_tokens/self/rotate', { token: ALICE }))
      .body as Rotated;
    const third = (
      await api('POST', `/personal_access_tokens/${second.id}/rotate`, { token: second.token })
    ).body as Rotated;
    expect((await api('GET', '/personal_access_tokens/self', { token: third.token })).status).toBe(
      200,
    );
    const reuse = await api('POST', `/personal_access_tokens/${originalId}/rotate`, {
      token: ALICE,
    });
    expect(reuse.status).toBe(401);
    expect((await api('GET', '/personal_access_tokens/self', { token: third.token })).status).toBe(
      401,
    );
  });

  it('leaves the family alone when the old secret is used on any other route', async () => {
    const successor = (
      (await api('POST', '/personal_access_tokens/self/rotate', { token: ALICE })).body as Rotated
    ).token;
    expect((await api('GET', '/personal_access_tokens', { token: ALICE })).status).toBe(401);
    expect((await api('DELETE', '/personal_access_tokens/self', { token: ALICE })).status).toBe(
      401,
    );
    expect((await api('GET', '/personal_access_tokens/self', { token: successor })).status).toBe(
      200,
    );
  });

  it('answers an expired token on a rotate route as expired, without touching the family', async () => {
    const answer = await api('POST', '/personal_access_tokens/self/rotate', {
      token: sim.secretOf('alice-old'),
    });
    expect(answer).toMatchObject({
      status: 401,
      body: { error_description: expect.stringContaining('expired') as unknown },
    });
  });
});

describe('revoking personal access tokens', () => {
  it('answers 204, the token fails at once and stays listed as revoked', async () => {
    const id = idOf('alice-read');
    expect((await api('DELETE', `/personal_access_tokens/${id}`, { token: ALICE })).status).toBe(
      204,
    );
    expect((await api('GET', '/personal_access_tokens', { token: ALICE_READ })).status).toBe(401);
    const item = (await listed(ALICE)).find((token) => token.id === id);
    expect(item).toMatchObject({ revoked: true, active: false });
  });

  it("refuses another user's token with 400 and a missing id with 404", async () => {
    const bobs = await api('DELETE', `/personal_access_tokens/${idOf('bob-api')}`, {
      token: ALICE,
    });
    expect(bobs).toMatchObject({ status: 400, body: { message: '400 Bad request' } });
    const missing = await api('DELETE', '/personal_access_tokens/9999', { token: ALICE });
    expect(missing).toMatchObject({ status: 404, body: { message: '404 Not found' } });
    expect(
      (await api('DELETE', `/personal_access_tokens/${idOf('bob-api')}`, { token: ROOT })).status,
    ).toBe(204);
  });
});

describe('creating personal access tokens (administrators)', () => {
  it('answers 201 with the secret once; without expires_at the token gets 365 days', async () => {
    const answer = await api('POST', '/users/2/personal_access_tokens', {
      token: ROOT,
      body: { name: 'ci', scopes: ['read_api'], description: 'from CI' },
    });
    expect(answer.status).toBe(201);
    const created = answer.body as Rotated;
    expect(created).toMatchObject({
      name: 'ci',
      scopes: ['read_api'],
      description: 'from CI',
      user_id: 2,
      active: true,
      expires_at: addDays(today(), 365),
    });
    expect(created.token).toMatch(SECRET);
    const self = await api('GET', '/personal_access_tokens/self', { token: created.token });
    expect(self).toMatchObject({ status: 200, body: { id: created.id, user_id: 2 } });
    expect(JSON.stringify(await listed(ALICE))).not.toContain(created.token);
  });

  it('refuses a non-admin with 403 before reading the body, and read_api with 403 scope', async () => {
    const own = await api('POST', '/users/2/personal_access_tokens', { token: ALICE, body: {} });
    expect(own).toMatchObject({ status: 403, body: { message: '403 Forbidden' } });
    const read = await api('POST', '/users/2/personal_access_tokens', {
      token: ALICE_READ,
      body: { name: 'x', scopes: ['api'] },
    });
    expect(read).toMatchObject({ status: 403, body: { error: 'insufficient_scope' } });
  });

  it.each([
    [{ scopes: ['api'] }, { error: 'name is missing' }],
    [{ name: 'x', scopes: ['nope'] }, { error: 'scopes does not have a valid value' }],
    [{ name: 'x', scopes: ['api'], expires_at: 'soon' }, { error: 'expires_at is invalid' }],
  ])('refuses the body %j with 400 %j', async (body, error) => {
    const answer = await api('POST', '/users/2/personal_access_tokens', { token: ROOT, body });
    expect(answer).toMatchObject({ status: 400, body: error });
  });

  it('answers 404 for an unknown user and 400 beyond 365 days', async () => {
    const body = { name: 'x', scopes: ['api'] };
    const missing = await api('POST', '/users/99/personal_access_tokens', { token: ROOT, body });
    expect(missing).toMatchObject({ status: 404, body: { message: '404 User Not Found' } });
    const late = await api('POST', '/users/2/personal_access_tokens', {
      token: ROOT,
      body: { ...body, expires_at: addDays(today(), 366) },
    });
    expect(late.status).toBe(400);
  });
});

describe('project access tokens', () => {
  const web = '/projects/10/access_tokens';

  it('lists the project bot tokens to a Maintainer, with access_level and resource', async () => {
    const answer = await api('GET', web, { token: ALICE });
    expect(answer.status).toBe(200);
    const tokens = answer.body as GitlabApiProjectToken[];
    expect(tokens.map((token) => token.name)).toEqual(['web-deploy', 'web-reader', 'web-self']);
    expect(tokens[0]).toMatchObject({
      access_level: 40,
      resource_type: 'project',
      resource_id: 10,
      scopes: ['api'],
      active: true,
      expires_at: addDays(today(), 20),
    });
    // Each token has its own bot user.
    expect(new Set(tokens.map((token) => token.user_id)).size).toBe(3);
    expect(tokens.every((token) => token.user_id >= 10_000)).toBe(true);
    expect(answer.headers.get('x-total')).toBe('3');
  });

  it('finds the project by URL-encoded path too', async () => {
    const answer = await api('GET', '/projects/acme%2Fweb/access_tokens?search=reader', {
      token: ALICE,
    });
    expect((answer.body as GitlabApiProjectToken[]).map((token) => token.name)).toEqual([
      'web-reader',
    ]);
  });

  it('answers 401 to a Developer and 404 to a non-member', async () => {
    expect(await api('GET', web, { token: BOB })).toMatchObject({
      status: 401,
      body: { message: '401 Unauthorized' },
    });
    expect(await api('GET', '/projects/11/access_tokens', { token: ALICE })).toMatchObject({
      status: 404,
      body: { message: '404 Project Not Found' },
    });
    expect((await api('GET', '/projects/11/access_tokens', { token: ROOT })).status).toBe(200);
  });

  it('gets one token, and 404 for a token of another project or none', async () => {
    const id = idOf('web-reader');
    expect(await api('GET', `${web}/${id}`, { token: ALICE })).toMatchObject({
      status: 200,
      body: { name: 'web-reader', access_level: 20 },
    });
    expect(await api('GET', `${web}/${idOf('alice-api')}`, { token: ALICE })).toMatchObject({
      status: 404,
      body: { message: '404 project Access Token Not Found' },
    });
  });

  it('creates a token with 201 and its secret once; it works as its bot user', async () => {
    const expiresAt = addDays(today(), 90);
    const answer = await api('POST', web, {
      token: ALICE,
      body: {
        name: 'ci',
        scopes: ['api', 'read_repository'],
        access_level: 30,
        expires_at: expiresAt,
      },
    });
    expect(answer.status).toBe(201);
    const created = answer.body as GitlabApiProjectToken & { token: string };
    expect(created).toMatchObject({
      name: 'ci',
      scopes: ['api', 'read_repository'],
      access_level: 30,
      expires_at: expiresAt,
      resource_id: 10,
      active: true,
      revoked: false,
      last_used_at: null,
      description: null,
    });
    expect(created.token).toMatch(SECRET);
    const self = await api('GET', '/personal_access_tokens/self', { token: created.token });
    expect(self).toMatchObject({ status: 200, body: { id: created.id, user_id: created.user_id } });
    expect(JSON.stringify((await api('GET', web, { token: ALICE })).body)).not.toContain(
      created.token,
    );
  });

  it('defaults access_level to Maintainer (40)', async () => {
    const answer = await api('POST', web, {
      token: ALICE,
      body: { name: 'x', scopes: ['read_api'], expires_at: addDays(today(), 10) },
    });
    expect(answer).toMatchObject({ status: 201, body: { access_level: 40 } });
  });

  it.each([
    [{ scopes: ['api'] }, { error: 'name is missing' }],
    [{}, { error: 'name is missing, scopes is missing' }],
    [{ name: 'x', scopes: ['sudo'] }, { error: 'scopes does not have a valid value' }],
    [{ name: 'x', scopes: [] }, { message: "400 Bad request - Scopes can't be blank" }],
    [
      { name: 'x', scopes: ['api'], access_level: 35 },
      { error: 'access_level does not have a valid value' },
    ],
    [{ name: 'x', scopes: ['api'] }, { message: "400 Bad request - Expires at can't be blank" }],
    [{ name: 'x', scopes: ['api'], expires_at: 'soon' }, { error: 'expires_at is invalid' }],
  ])('refuses the create body %j with 400 %j', async (body, error) => {
    const answer = await api('POST', web, { token: ALICE, body });
    expect(answer).toMatchObject({ status: 400, body: error });
  });

  it('refuses an expiry more than 365 days ahead and a role above the creator', async () => {
    const tooLate = await api('POST', web, {
      token: ALICE,
      body: { name: 'x', scopes: ['api'], expires_at: addDays(today(), 400) },
    });
    expect(tooLate.status).toBe(400);
    const owner = await api('POST', web, {
      token: ALICE,
      body: { name: 'x', scopes: ['api'], access_level: 50, expires_at: addDays(today(), 10) },
    });
    expect(owner).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining("can't be greater") as unknown },
    });
  });

  it('lets neither a Developer nor a project token create one, and read_api gets 403', async () => {
    const body = { name: 'x', scopes: ['api'], expires_at: addDays(today(), 10) };
    const refused = {
      status: 400,
      body: {
        message: '400 Bad request - User does not have permission to create project access token',
      },
    };
    expect(await api('POST', web, { token: BOB, body })).toMatchObject(refused);
    expect(await api('POST', web, { token: WEB_BOT, body })).toMatchObject(refused);
    expect((await api('POST', web, { token: ALICE_READ, body })).status).toBe(403);
  });

  it('rotates a project token: 200, same bot user and access level, old one revoked', async () => {
    const oldId = idOf('web-deploy');
    const answer = await api('POST', `${web}/${oldId}/rotate`, { token: ALICE });
    expect(answer.status).toBe(200);
    const rotated = answer.body as GitlabApiProjectToken & { token: string };
    const old = sim.tokens().find((t) => t.id === oldId);
    expect(rotated).toMatchObject({
      name: 'web-deploy',
      access_level: 40,
      user_id: old?.userId,
      expires_at: addDays(today(), 7),
    });
    expect(old?.revoked).toBe(true);
    expect((await api('GET', '/personal_access_tokens/self', { token: WEB_BOT })).status).toBe(401);
  });

  it('lets a project token rotate itself as "self", and detects reuse there too', async () => {
    const answer = await api('POST', `${web}/self/rotate`, { token: WEB_SELF });
    expect(answer).toMatchObject({ status: 200, body: { name: 'web-self', access_level: 30 } });
    const successor = (answer.body as { token: string }).token;
    const reuse = await api('POST', `${web}/self/rotate`, { token: WEB_SELF });
    expect(reuse.status).toBe(401);
    expect((await api('GET', '/personal_access_tokens/self', { token: successor })).status).toBe(
      401,
    );
  });

  it('answers 401 to a Developer rotating and to "self" from a person', async () => {
    expect((await api('POST', `${web}/${idOf('web-reader')}/rotate`, { token: BOB })).status).toBe(
      401,
    );
    expect((await api('POST', `${web}/self/rotate`, { token: ALICE })).status).toBe(401);
  });

  it('revokes with 204; a Developer gets 400 and an unknown token 404', async () => {
    const id = idOf('web-reader');
    expect(await api('DELETE', `${web}/${id}`, { token: BOB })).toMatchObject({
      status: 400,
      body: {
        message: expect.stringMatching(
          /^400 Bad request - bob cannot delete project_10_bot_/,
        ) as unknown,
      },
    });
    expect((await api('DELETE', `${web}/${id}`, { token: ALICE })).status).toBe(204);
    expect(sim.tokens().find((t) => t.id === id)?.revoked).toBe(true);
    expect((await api('DELETE', `${web}/9999`, { token: ALICE })).status).toBe(404);
  });
});

describe('knobs', () => {
  it('rate limits with 429 and Retry-After on the simulator clock', async () => {
    sim.setKnobs({ rateLimit: { limit: 2, windowMs: 60_000 } });
    expect((await api('GET', '/personal_access_tokens/self', { token: ALICE })).status).toBe(200);
    expect((await api('GET', '/personal_access_tokens/self', { token: ALICE })).status).toBe(200);
    const limited = await api('GET', '/personal_access_tokens/self', { token: ALICE });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    sim.advanceClock(60_000);
    expect((await api('GET', '/personal_access_tokens/self', { token: ALICE })).status).toBe(200);
  });

  it('applies injected failures to the named route only', async () => {
    sim.injectFailure({ route: 'rotatePersonalTokenSelf', kind: 'status', status: 502, times: 1 });
    expect((await api('GET', '/personal_access_tokens/self', { token: ALICE })).status).toBe(200);
    expect(
      (await api('POST', '/personal_access_tokens/self/rotate', { token: ALICE })).status,
    ).toBe(502);
    // The failure came before GitLab saw the request: the token was not rotated.
    expect((await api('GET', '/personal_access_tokens/self', { token: ALICE })).status).toBe(200);
  });

  it('names every route key in GITLAB_ROUTE_KEYS', () => {
    const state = new GitlabState(createSimClock());
    const keys = new Set(gitlabRoutes(state, new GitlabAuth(state)).map((route) => route.key));
    expect([...keys].sort()).toEqual([...GITLAB_ROUTE_KEYS].sort());
  });
});

describe('dashboard and control', () => {
  it('creates and revokes tokens as the user does in the web UI, in process and over HTTP', async () => {
    const created = sim.dashboard.createPersonalToken({ userId: 2, name: 'from-ui' });
    expect(created).toMatchObject({ scopes: ['api'], expires_at: addDays(today(), 30) });
    expect(
      (await api('GET', '/personal_access_tokens/self', { token: created.token })).status,
    ).toBe(200);
    const revoke = await fetch(`${sim.url}/__sim/dashboard/revoke-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tokenId: created.id }),
    });
    expect(revoke.status).toBe(200);
    expect(
      (await api('GET', '/personal_access_tokens/self', { token: created.token })).status,
    ).toBe(401);

    const overHttp = await fetch(`${sim.url}/__sim/dashboard/create-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 3, name: 'cli', expiresAt: addDays(today(), 400) }),
    });
    expect(overHttp.status).toBe(400);
    expect(() => sim.dashboard.revokeToken({ tokenId: 9999 })).toThrow('404 Token Not Found');
  });

  it('creates a project token as a Maintainer does in the project settings', async () => {
    const created = sim.dashboard.createProjectToken({
      project: 'acme/web',
      name: 'from-settings',
      accessLevel: 20,
    });
    expect(created).toMatchObject({
      name: 'from-settings',
      access_level: 20,
      resource_id: 10,
      expires_at: addDays(today(), 30),
    });
    const self = await api('GET', '/personal_access_tokens/self', { token: created.token });
    expect(self).toMatchObject({ status: 200, body: { id: created.id } });
    expect(() => sim.dashboard.createProjectToken({ project: 99, name: 'x' })).toThrow(
      'Project Not Found',
    );
  });

  it('shows users, projects, tokens with secrets and families, and calls in /__sim/state', async () => {
    const originalId = idOf('alice-api');
    await api('POST', '/personal_access_tokens/self/rotate', { token: ALICE });
    const response = await fetch(`${sim.url}/__sim/state`);
    const state = (await response.json()) as {
      name: string;
      service: { users: unknown[]; projects: unknown[]; tokens: unknown[]; calls: unknown[] };
    };
    expect(state.name).toBe('gitlab');
    expect(state.service.projects).toContainEqual({
      id: 10,
      pathWithNamespace: 'acme/web',
      members: { 2: 40, 3: 30 },
    });
    expect(state.service.tokens).toContainEqual(
      expect.objectContaining({ secret: ALICE, revoked: true, familyId: originalId }),
    );
    expect(state.service.calls).toHaveLength(1);
  });

  it('finds a live secret by name and owner (username or project path)', () => {
    expect(sim.secretOf('alice-api', 'alice')).toBe(ALICE);
    expect(sim.secretOf('web-deploy', 'acme/web')).toBe(WEB_BOT);
    expect(() => sim.secretOf('web-deploy', 'bob')).toThrow();
    expect(() => sim.secretOf('alice-gone')).toThrow();
  });
});

describe('demo seed', () => {
  it('shows tokens expiring within 7 days, expired ones and never-used ones', async () => {
    const management = 'glpat-demomanagement000000';
    const demo = await startGitlabSim({
      ...demoGitlabSeed(management),
      clockOffsetMs: noonOffset(),
    });
    try {
      const response = await fetch(`${demo.url}/api/v4/personal_access_tokens?per_page=100`, {
        headers: { 'private-token': management },
      });
      const tokens = (await response.json()) as GitlabApiToken[];
      const now = demo.now();
      const soon = addDays(dateOnly(now), 7);
      const live = tokens.filter((token) => token.active);
      expect(
        live.filter((t) => t.expires_at !== null && t.expires_at <= soon).length,
      ).toBeGreaterThanOrEqual(3);
      expect(tokens.filter((t) => !t.active && !t.revoked).length).toBeGreaterThanOrEqual(2);
      expect(live.filter((t) => t.last_used_at === null).length).toBeGreaterThanOrEqual(2);
      expect(new Set(demo.tokens().map((t) => t.projectPath))).toEqual(
        new Set([null, 'acme/web', 'acme/infra']),
      );
    } finally {
      await demo.close();
    }
  });
});
