import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKestraSim } from './kestra.sim';
import type { KestraSim } from './kestra.sim';

// These tests are the specification of the simulated service (PROVIDERS.md, Kestra section,
// and reference/provider-apis.md §1). The adapter's integration tests rely on every rule here.

const ROOT = 'rootSecret0123456789abcdefghijklmnopqrstuvwx';
const ALICE = 'aliceSecret0123456789abcdefghijklmnopqrstuvw';
const ROBOT = 'robotSecret0123456789abcdefghijklmnopqrstuvw';
const DAY = 24 * 3600_000;

let sim: KestraSim;

beforeEach(async () => {
  sim = await startKestraSim({
    users: [
      { id: 'root', superadmin: true, tokens: [{ name: 'root-admin', secret: ROOT }] },
      {
        id: 'alice',
        tokens: [
          { name: 'alice-cli', secret: ALICE, description: 'laptop', iatDaysAgo: 3 },
          { name: 'alice-ci', maxAge: 'P10D', iatDaysAgo: 2, lastUsedDaysAgo: 1 },
          { name: 'alice-sliding', maxAge: 'P1D', extended: true, lastUsedDaysAgo: 0 },
        ],
      },
    ],
    serviceAccounts: [
      { id: 'robot', tenant: 'main', tokens: [{ name: 'robot-key', secret: ROBOT }] },
    ],
  });
});

afterEach(async () => {
  await sim.close();
});

interface Answer {
  status: number;
  body: unknown;
}

async function api(method: string, path: string, secret?: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (secret !== undefined) headers.authorization = `Bearer ${secret}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

interface Listed {
  id: string;
  name: string;
  description?: string;
  prefix: string;
  iat: string;
  exp?: string;
  lastUsed?: string;
  extended: boolean;
  expired: boolean;
}

async function list(userId: string, secret: string): Promise<Listed[]> {
  const answer = await api('GET', `/api/v1/users/${userId}/api-tokens`, secret);
  expect(answer.status).toBe(200);
  return (answer.body as { results: Listed[] }).results;
}

async function listed(name: string, userId = 'alice', secret = ALICE): Promise<Listed> {
  const token = (await list(userId, secret)).find((item) => item.name === name);
  if (token === undefined) throw new Error(`${name} not listed`);
  return token;
}

describe('authentication', () => {
  it('refuses a missing, unknown or malformed bearer token with 401 and a JSON message', async () => {
    for (const secret of [undefined, 'no-such-token-0123456789']) {
      const answer = await api('GET', '/api/v1/users/alice/api-tokens', secret);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ message: expect.any(String) as unknown });
    }
    const basic = await fetch(`${sim.url}/api/v1/main/flows/search`, {
      headers: { authorization: `Basic ${ALICE}` },
    });
    expect(basic.status).toBe(401);
  });

  it('updates lastUsed on every authenticated call', async () => {
    expect((await listed('alice-cli', 'alice', ROOT)).lastUsed).toBeUndefined();
    sim.advanceClock(DAY);
    await api('GET', '/api/v1/main/flows/search?size=1', ALICE);
    // Listed by root, so that the listing call itself does not touch alice's token.
    const used = await listed('alice-cli', 'alice', ROOT);
    expect(Date.parse(used.lastUsed ?? '')).toBeGreaterThan(Date.now() + DAY / 2);
  });

  it('records which secret each call used, accepted or not', async () => {
    await api('GET', '/api/v1/main/flows/search?size=1', ALICE);
    await api('GET', '/api/v1/main/flows/search?size=1', 'wrong-secret-0123456789');
    expect(sim.lastUseOf(ALICE)).toMatchObject({
      route: 'searchFlows',
      method: 'GET',
      path: '/api/v1/main/flows/search',
      accepted: true,
    });
    expect(sim.calls().at(-1)).toMatchObject({
      secret: 'wrong-secret-0123456789',
      accepted: false,
    });
  });
});

describe('listing', () => {
  it("lists a user's tokens with prefix only, never the secret", async () => {
    const answer = await api('GET', '/api/v1/users/alice/api-tokens', ALICE);
    expect(answer.status).toBe(200);
    const body = answer.body as { results: Listed[]; total: number };
    expect(body.total).toBe(3);
    expect(JSON.stringify(body)).not.toContain(ALICE);
    const cli = body.results.find((item) => item.name === 'alice-cli');
    expect(cli).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9]{22}$/) as unknown,
      name: 'alice-cli',
      description: 'laptop',
      prefix: ALICE.slice(0, 12),
      iat: expect.any(String) as unknown,
      lastUsed: expect.any(String) as unknown, // this very call used it
      extended: false,
      expired: false,
    });
  });

  it('leaves exp absent for a token without maxAge and lastUsed absent when never used', async () => {
    const root = await listed('root-admin', 'root', ROOT);
    expect(root).not.toHaveProperty('exp');
    sim.dashboard.createToken({ userId: 'alice', name: 'unused' });
    const unused = await listed('unused');
    expect(unused).not.toHaveProperty('lastUsed');
    expect(unused).not.toHaveProperty('exp');
    expect(unused).not.toHaveProperty('description');
  });

  it('sets expired = exp < now, and an expired token is refused', async () => {
    const ci = await listed('alice-ci');
    expect(Date.parse(ci.exp ?? '') - Date.parse(ci.iat)).toBe(10 * DAY);
    expect(ci.expired).toBe(false);
    sim.setClockOffset(9 * DAY);
    expect((await listed('alice-ci')).expired).toBe(true);
    const ciSecret = sim.secretOf('alice-ci');
    expect((await api('GET', '/api/v1/main/flows/search', ciSecret)).status).toBe(401);
  });

  it("slides an extended token's exp to now + maxAge on each use", async () => {
    const secret = sim.secretOf('alice-sliding');
    sim.advanceClock(DAY / 2);
    expect((await api('GET', '/api/v1/main/flows/search', secret)).status).toBe(200);
    sim.advanceClock(DAY * 0.9);
    // 1.4 days after its last-but-one use: alive only because the previous use slid exp.
    expect((await api('GET', '/api/v1/main/flows/search', secret)).status).toBe(200);
    const view = sim.tokens().find((token) => token.secret === secret);
    expect(Date.parse(view?.exp ?? '') - Date.parse(view?.lastUsed ?? '')).toBe(DAY);
    sim.advanceClock(DAY * 1.1);
    expect((await api('GET', '/api/v1/main/flows/search', secret)).status).toBe(401);
  });

  it('does not slide a token that is not extended', async () => {
    const before = await listed('alice-ci');
    sim.advanceClock(DAY);
    await api('GET', '/api/v1/main/flows/search', sim.secretOf('alice-ci'));
    expect((await listed('alice-ci')).exp).toBe(before.exp);
  });
});

describe('creating', () => {
  it('answers 201 with the fullToken once; the list then shows only its prefix', async () => {
    const answer = await api('POST', '/api/v1/users/alice/api-tokens', ALICE, {
      name: 'deploy-2025',
      description: 'CI',
      maxAge: 'P30D',
    });
    expect(answer.status).toBe(201);
    const created = answer.body as { id: string; name: string; fullToken: string };
    expect(Object.keys(created).sort()).toEqual(['fullToken', 'id', 'name']);
    expect(created.fullToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const item = await listed('deploy-2025');
    expect(item.id).toBe(created.id);
    expect(item.prefix).toBe(created.fullToken.slice(0, 12));
    expect(Date.parse(item.exp ?? '') - Date.parse(item.iat)).toBe(30 * DAY);
    expect(JSON.stringify(await list('alice', ALICE))).not.toContain(created.fullToken);
    expect((await api('GET', '/api/v1/main/flows/search', created.fullToken)).status).toBe(200);
  });

  it.each(['PT1H', 'P2W', 'P1DT12H', 'P365D'])('accepts maxAge %s', async (maxAge) => {
    const answer = await api('POST', '/api/v1/users/alice/api-tokens', ALICE, {
      name: 'x',
      maxAge,
    });
    expect(answer.status).toBe(201);
  });

  it.each([
    ['uppercase', 'Deploy'],
    ['underscore', 'deploy_key'],
    ['leading dash', '-deploy'],
    ['double dash', 'a--b'],
    ['empty', ''],
    ['64 characters', 'a'.repeat(64)],
    ['not a string', 12],
  ])('refuses a name with %s with 422 and a message', async (_why, name) => {
    const answer = await api('POST', '/api/v1/users/alice/api-tokens', ALICE, { name });
    expect(answer.status).toBe(422);
    expect((answer.body as { message: string }).message).toContain('name');
  });

  it('accepts a 63-character kebab name and refuses a missing one', async () => {
    const long = `${'a'.repeat(31)}-${'b'.repeat(31)}`;
    expect(
      (await api('POST', '/api/v1/users/alice/api-tokens', ALICE, { name: long })).status,
    ).toBe(201);
    const missing = await api('POST', '/api/v1/users/alice/api-tokens', ALICE, {});
    expect(missing).toEqual({
      status: 422,
      body: { message: 'Invalid entity: name: must not be null' },
    });
  });

  it.each(['30 days', 'P1Y', 'P1M', 'PT0S', 30])('refuses maxAge %j with 422', async (maxAge) => {
    const answer = await api('POST', '/api/v1/users/alice/api-tokens', ALICE, {
      name: 'x',
      maxAge,
    });
    expect(answer.status).toBe(422);
    expect((answer.body as { message: string }).message).toContain('maxAge');
  });

  it('answers 404 for an unknown user (to a superadmin)', async () => {
    const answer = await api('POST', '/api/v1/users/nobody/api-tokens', ROOT, { name: 'x' });
    expect(answer).toEqual({ status: 404, body: { message: 'User not found' } });
  });
});

describe('permissions', () => {
  it("lets a token manage its own user's tokens but not another user's (403)", async () => {
    expect((await api('GET', '/api/v1/users/root/api-tokens', ALICE)).status).toBe(403);
    expect((await api('POST', '/api/v1/users/root/api-tokens', ALICE, { name: 'x' })).status).toBe(
      403,
    );
    const rootToken = (await list('root', ROOT))[0];
    expect(
      (await api('DELETE', `/api/v1/users/root/api-tokens/${rootToken?.id ?? ''}`, ALICE)).status,
    ).toBe(403);
  });

  it("lets a superadmin manage anyone's tokens", async () => {
    expect(await list('alice', ROOT)).toHaveLength(3);
    expect(
      (await api('POST', '/api/v1/users/alice/api-tokens', ROOT, { name: 'by-root' })).status,
    ).toBe(201);
  });
});

describe('revoking', () => {
  it('answers 204, removes the token from the list and refuses it at once', async () => {
    const secret = sim.secretOf('alice-ci');
    const { id } = await listed('alice-ci');
    expect((await api('DELETE', `/api/v1/users/alice/api-tokens/${id}`, ALICE)).status).toBe(204);
    expect((await list('alice', ALICE)).map((item) => item.name)).not.toContain('alice-ci');
    expect((await api('GET', '/api/v1/main/flows/search', secret)).status).toBe(401);
    expect(sim.tokens().find((token) => token.id === id)?.revoked).toBe(true);
  });

  it("answers 404 for an unknown or already revoked token, and for another owner's token", async () => {
    const { id } = await listed('alice-ci');
    await api('DELETE', `/api/v1/users/alice/api-tokens/${id}`, ALICE);
    expect((await api('DELETE', `/api/v1/users/alice/api-tokens/${id}`, ALICE)).status).toBe(404);
    const rootId = (await list('root', ROOT))[0]?.id ?? '';
    expect((await api('DELETE', `/api/v1/users/alice/api-tokens/${rootId}`, ROOT)).status).toBe(
      404,
    );
  });

  it('a token may revoke itself; its next call is refused', async () => {
    const { id } = await listed('alice-cli');
    expect((await api('DELETE', `/api/v1/users/alice/api-tokens/${id}`, ALICE)).status).toBe(204);
    expect((await api('GET', '/api/v1/users/alice/api-tokens', ALICE)).status).toBe(401);
  });
});

describe('verify read', () => {
  it('answers an empty flow search with and without a tenant', async () => {
    for (const path of ['/api/v1/main/flows/search?size=1', '/api/v1/flows/search?size=1']) {
      expect(await api('GET', path, ALICE)).toEqual({
        status: 200,
        body: { results: [], total: 0 },
      });
    }
  });
});

describe('service-account tokens', () => {
  const base = '/api/v1/main/service-accounts/robot/api-tokens';

  it('creates with 200, lists, and deletes with 200 in the tenant', async () => {
    const created = await api('POST', base, ROOT, { name: 'robot-two' });
    expect(created.status).toBe(200);
    const { id, fullToken } = created.body as { id: string; fullToken: string };
    const listedTokens = await api('GET', base, ROBOT);
    expect((listedTokens.body as { total: number }).total).toBe(2);
    expect((await api('DELETE', `${base}/${id}`, ROBOT)).status).toBe(200);
    expect((await api('GET', '/api/v1/flows/search', fullToken)).status).toBe(401);
  });

  it('works without the tenant too, and answers 404 in the wrong tenant', async () => {
    expect((await api('GET', '/api/v1/service-accounts/robot/api-tokens', ROOT)).status).toBe(200);
    expect((await api('GET', '/api/v1/other/service-accounts/robot/api-tokens', ROOT)).status).toBe(
      404,
    );
  });

  it('forbids a user who is neither the account nor a superadmin', async () => {
    expect((await api('GET', base, ALICE)).status).toBe(403);
  });

  it("reads flows in its own tenant only (403 in another), a user's token anywhere", async () => {
    expect((await api('GET', '/api/v1/main/flows/search?size=1', ROBOT)).status).toBe(200);
    expect((await api('GET', '/api/v1/flows/search?size=1', ROBOT)).status).toBe(200);
    expect((await api('GET', '/api/v1/other/flows/search?size=1', ROBOT)).status).toBe(403);
    expect((await api('GET', '/api/v1/other/flows/search?size=1', ALICE)).status).toBe(200);
  });

  it("slides an extended service-account token's exp on each use", async () => {
    const created = await api('POST', base, ROBOT, {
      name: 'robot-sliding',
      maxAge: 'P2D',
      extended: true,
    });
    const { fullToken } = created.body as { fullToken: string };
    sim.advanceClock(DAY + 3600_000);
    expect((await api('GET', '/api/v1/main/flows/search', fullToken)).status).toBe(200);
    sim.advanceClock(DAY + 3600_000);
    expect((await api('GET', '/api/v1/main/flows/search', fullToken)).status).toBe(200);
    // The second call came after the original exp: only sliding kept the token alive.
    const token = sim.tokens().find((t) => t.name === 'robot-sliding');
    expect(Date.parse(token?.exp ?? '') - Date.parse(token?.lastUsed ?? '')).toBe(2 * DAY);
    expect(Date.parse(token?.exp ?? '') - Date.parse(token?.iat ?? '')).toBeGreaterThan(4 * DAY);
  });
});

describe('dashboard and control', () => {
  it('creates and revokes tokens as the user does in the web UI, in process and over HTTP', async () => {
    const created = sim.dashboard.createToken({ userId: 'alice', name: 'from-ui', maxAge: 'P7D' });
    expect((await api('GET', '/api/v1/flows/search', created.fullToken)).status).toBe(200);
    const revoked = await api('POST', '/__sim/dashboard/revoke-token', undefined, {
      tokenId: created.id,
    });
    expect(revoked.status).toBe(200);
    expect((await api('GET', '/api/v1/flows/search', created.fullToken)).status).toBe(401);

    const overHttp = await api('POST', '/__sim/dashboard/create-token', undefined, {
      userId: 'alice',
      name: 'Bad Name',
    });
    expect(overHttp.status).toBe(422);
  });

  it('shows users, tokens and calls in /__sim/state', async () => {
    const state = await api('GET', '/__sim/state');
    expect(state.body).toMatchObject({
      name: 'kestra',
      service: {
        users: [
          { id: 'root', superadmin: true },
          { id: 'alice', superadmin: false },
        ],
        tokens: expect.arrayContaining([
          expect.objectContaining({ name: 'alice-cli', secret: ALICE }),
        ]) as unknown,
      },
    });
  });

  it('applies injected failures to the named route only', async () => {
    sim.injectFailure({ route: 'listUserTokens', kind: 'status', status: 500, times: 1 });
    expect((await api('GET', '/api/v1/flows/search', ALICE)).status).toBe(200);
    expect((await api('GET', '/api/v1/users/alice/api-tokens', ALICE)).status).toBe(500);
    expect((await api('GET', '/api/v1/users/alice/api-tokens', ALICE)).status).toBe(200);
  });
});
