import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_PODSTACK_ACCOUNT,
  DEMO_PODSTACK_FULL_ACCOUNT,
  demoPodstackSeed,
} from './podstack-seeds';
import { newPodstackToken } from './podstack-token';
import { PODSTACK_LIMIT_MESSAGE } from './podstack-tokens';
import { startPodstackSim } from './podstack.sim';
import type { PodstackSim } from './podstack.sim';
import type { PodstackDashboardRow, PodstackExpiryDays, PodstackPod } from './podstack.types';
import { fetchJson, type JsonAnswer } from '../common/json-fetch';

// These tests are the specification of the simulated service (PROVIDERS.md, Podstack section,
// and reference/provider-apis.md §4). The adapter's integration tests rely on every rule here.

const ALICE = 'podstack_alic3key_0123456789abcdefghijABCDEFGHIJ';
const BOB = 'podstack_b0bkey00_0123456789abcdefghijABCDEFGHIJ';
const DAY = 24 * 3600_000;

let sim: PodstackSim;

beforeEach(async () => {
  sim = await startPodstackSim({
    accounts: [
      {
        id: 'acc_alice',
        projects: [
          { id: 'proj-a1', name: 'Training', pods: [{ name: 'trainer', gpuType: 'H100' }] },
          { id: 'proj-a2', pods: [{ name: 'server', status: 'stopped', gpuCount: 2 }] },
        ],
        tokens: [
          { name: 'Laptop', secret: ALICE, expiresInDays: 90, createdDaysAgo: 3 },
          { name: 'CI Pipeline', expiresInDays: 30, createdDaysAgo: 29, lastUsedDaysAgo: 1 },
          { name: 'Old', expiresInDays: 7, createdDaysAgo: 8 },
        ],
      },
      {
        id: 'acc_bob',
        projects: [{ id: 'proj-b1' }],
        tokens: [{ name: 'Bob CLI', secret: BOB }],
      },
    ],
  });
});

afterEach(async () => {
  await sim.close();
});

type Answer = JsonAnswer;

function request(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Answer> {
  return fetchJson(`${sim.url}${path}`, method, headers, body);
}

/** The verify call: `GET /v1/pods` with the token and, optionally, the selected project. */
function pods(token?: string, projectId?: string): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (projectId !== undefined) headers['x-project-id'] = projectId;
  return request('GET', '/v1/pods', headers);
}

function podNames(answer: Answer): string[] {
  return (answer.body as { pods: PodstackPod[] }).pods.map((pod) => pod.name);
}

function row(name: string, account = 'acc_alice'): PodstackDashboardRow {
  const found = sim.dashboard.listTokens({ account }).find((item) => item.name === name);
  if (found === undefined) throw new Error(`${name} not on the dashboard`);
  return found;
}

function fill(account: string, count: number): void {
  for (let i = 0; i < count; i += 1) {
    sim.dashboard.createToken({ account, name: `filler ${i}`, expiresInDays: 30 });
  }
}

describe('verify: GET /v1/pods', () => {
  it("answers 200 with the selected project's pods", async () => {
    const answer = await pods(ALICE, 'proj-a1');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      pods: [
        {
          id: expect.stringMatching(/^pod-[0-9a-f]{8}$/) as unknown,
          name: 'trainer',
          status: 'running',
          gpu_type: 'H100',
          gpu_count: 1,
          labels: {},
          project_id: 'proj-a1',
          created_at: expect.any(String) as unknown,
        },
      ],
      total: 1,
    });
  });

  it("lists every project of the token's account when no X-Project-ID is sent", async () => {
    expect(podNames(await pods(ALICE))).toEqual(['trainer', 'server']);
    expect(podNames(await pods(ALICE, 'proj-a2'))).toEqual(['server']);
    expect(await pods(BOB)).toMatchObject({ status: 200, body: { pods: [], total: 0 } });
  });

  it('is served under /v1 only: the sim URL plus /v1 is the custom endpoint', async () => {
    expect(sim.apiBase).toBe(`${sim.url}/v1`);
    expect((await request('GET', '/pods', { authorization: `Bearer ${ALICE}` })).status).toBe(404);
    expect(
      (await request('GET', '/v1/auth/whoami', { authorization: `Bearer ${ALICE}` })).status,
    ).toBe(404);
  });
});

describe('authentication (AuthenticationError, 401)', () => {
  it('says "No API token provided" without a bearer token, in the SDK exception terms', async () => {
    const variants: Record<string, string>[] = [
      {},
      { authorization: `Basic ${ALICE}` },
      { authorization: 'Bearer' },
    ];
    for (const headers of variants) {
      const answer = await request('GET', '/v1/pods', headers);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        code: 'authentication_error',
        message: 'No API token provided',
        status_code: 401,
        request_id: expect.stringMatching(/^req_[0-9a-f]{16}$/) as unknown,
        details: {},
      });
    }
  });

  it('refuses an unknown or malformed token with one message', async () => {
    for (const token of [newPodstackToken(), 'podstack_alic3key_wrongsecret0123456789', 'abc']) {
      const answer = await pods(token);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({
        code: 'authentication_error',
        message: 'Invalid or expired API token',
      });
    }
  });

  it('checks the token before the project: a bad token with any project is 401', async () => {
    expect((await pods('nope', 'proj-b1')).status).toBe(401);
  });
});

describe('projects (PermissionError, 403)', () => {
  it('refuses a project of another account, and an unknown project, with 403', async () => {
    for (const project of ['proj-b1', 'proj-nowhere']) {
      const answer = await pods(ALICE, project);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({
        code: 'permission_error',
        message: 'Access denied to resource',
        status_code: 403,
        details: { resource_type: 'project', resource_id: project },
      });
    }
    expect((await pods(BOB, 'proj-a1')).status).toBe(403);
  });
});

describe('Last Used', () => {
  it('starts empty for a token never used and moves on every accepted call', async () => {
    expect(row('Laptop').lastUsed).toBeNull();
    sim.advanceClock(DAY);
    await pods(ALICE);
    expect(row('Laptop').lastUsed).toBe(sim.lastUseOf(ALICE)?.at);
    expect(Date.parse(row('Laptop').lastUsed ?? '')).toBeGreaterThan(Date.now() + DAY / 2);
  });

  it('moves on a 403 too (the token did authenticate), never on a 401', async () => {
    await pods(ALICE, 'proj-b1');
    expect(row('Laptop').lastUsed).not.toBeNull();
    const oldSecret = sim.secretOf('Old');
    await pods(oldSecret);
    expect(row('Old').lastUsed).toBeNull();
  });

  it('records every call with the token, project and answer', async () => {
    await pods(ALICE, 'proj-a1');
    await pods(ALICE, 'proj-b1');
    await pods('podstack_unknown0_0123456789abcdef');
    const [ok, denied, refused] = sim.calls();
    expect(ok).toMatchObject({
      route: 'listPods',
      method: 'GET',
      path: '/v1/pods',
      secret: ALICE,
      projectId: 'proj-a1',
      accepted: true,
      status: 200,
    });
    expect(denied).toMatchObject({ projectId: 'proj-b1', accepted: true, status: 403 });
    expect(refused).toMatchObject({ tokenId: null, accepted: false, status: 401 });
    expect(sim.lastUseOf(ALICE)).toEqual(denied);
  });
});

describe('creating tokens in the dashboard', () => {
  it('shows the full token once; the page then shows its 8-character prefix only', async () => {
    const created = sim.dashboard.createToken({
      account: 'acc_bob',
      name: 'Deploy',
      expiresInDays: 30,
    });
    expect(created.token).toMatch(/^podstack_[a-z0-9]{8}_[A-Za-z0-9]{32}$/);
    expect(created.prefix).toBe(created.token.split('_')[1]);
    expect(Date.parse(created.expires ?? '') - Date.parse(created.created)).toBe(30 * DAY);
    const rows = sim.dashboard.listTokens({ account: 'acc_bob' });
    expect(rows[0]).toEqual({
      id: created.id,
      name: 'Deploy',
      prefix: created.prefix,
      created: created.created,
      expires: created.expires,
      lastUsed: null,
      status: 'active',
    });
    expect(JSON.stringify(rows)).not.toContain(created.token);
    expect((await pods(created.token)).status).toBe(200);
  });

  it.each([7, 30, 90, 180, 365] as const)('offers an expiry of %i days', (days) => {
    const created = sim.dashboard.createToken({
      account: 'acc_bob',
      name: 'x',
      expiresInDays: days,
    });
    expect(Date.parse(created.expires ?? '') - Date.parse(created.created)).toBe(days * DAY);
  });

  it('offers "Never expires" as null', async () => {
    const created = sim.dashboard.createToken({
      account: 'acc_bob',
      name: 'x',
      expiresInDays: null,
    });
    expect(created.expires).toBeNull();
    sim.advanceClock(3650 * DAY);
    expect((await pods(created.token)).status).toBe(200);
  });

  it.each([0, 1, 14, 60, 366, -7, 30.5])('refuses an expiry of %j days with 400', (days) => {
    expect(() =>
      sim.dashboard.createToken({
        account: 'acc_bob',
        name: 'x',
        expiresInDays: days as PodstackExpiryDays,
      }),
    ).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('refuses a blank name, an unknown account, and the same over HTTP', async () => {
    expect(() =>
      sim.dashboard.createToken({ account: 'acc_bob', name: '  ', expiresInDays: 7 }),
    ).toThrow(expect.objectContaining({ status: 400 }));
    expect(() =>
      sim.dashboard.createToken({ account: 'acc_nobody', name: 'x', expiresInDays: 7 }),
    ).toThrow(expect.objectContaining({ status: 404 }));
    for (const expiresInDays of [14, '30', undefined]) {
      const answer = await request(
        'POST',
        '/__sim/dashboard/create-token',
        {},
        {
          account: 'acc_bob',
          name: 'x',
          expiresInDays,
        },
      );
      expect(answer.status).toBe(400);
    }
  });
});

describe('the 5-active-token limit', () => {
  it('refuses a 6th active token in the account with 409 and the dashboard message', () => {
    fill('acc_alice', 3); // Laptop, CI Pipeline and 3 fillers are active; Old has expired
    expect(() =>
      sim.dashboard.createToken({ account: 'acc_alice', name: 'sixth', expiresInDays: 7 }),
    ).toThrow(expect.objectContaining({ status: 409, message: PODSTACK_LIMIT_MESSAGE }));
    expect(sim.dashboard.listTokens({ account: 'acc_alice' })).toHaveLength(6);
  });

  it('counts per account', () => {
    fill('acc_alice', 3);
    expect(() => fill('acc_bob', 4)).not.toThrow();
  });

  it('frees a slot when a token is revoked', () => {
    fill('acc_alice', 3);
    sim.dashboard.revokeToken({ prefix: row('filler 0').prefix });
    expect(
      sim.dashboard.createToken({ account: 'acc_alice', name: 'sixth', expiresInDays: 7 }).name,
    ).toBe('sixth');
  });

  it('frees a slot when a token expires', () => {
    fill('acc_alice', 3);
    sim.advanceClock(DAY + 1); // CI Pipeline (30 days, created 29 days ago) expires
    expect(row('CI Pipeline').status).toBe('expired');
    expect(
      sim.dashboard.createToken({ account: 'acc_alice', name: 'sixth', expiresInDays: 7 }).name,
    ).toBe('sixth');
  });

  it('answers 409 over HTTP as well', async () => {
    fill('acc_alice', 3);
    const answer = await request(
      'POST',
      '/__sim/dashboard/create-token',
      {},
      {
        account: 'acc_alice',
        name: 'sixth',
        expiresInDays: 30,
      },
    );
    expect(answer).toMatchObject({ status: 409, body: { message: PODSTACK_LIMIT_MESSAGE } });
  });
});

describe('expiry', () => {
  it('refuses a token from the instant it expires (sim clock), and the page says expired', async () => {
    const ci = sim.secretOf('CI Pipeline');
    const expires = Date.parse(row('CI Pipeline').expires ?? '');
    sim.setClockOffset(expires - Date.now() - 1000);
    expect((await pods(ci)).status).toBe(200);
    sim.setClockOffset(expires - Date.now());
    expect(await pods(ci)).toMatchObject({
      status: 401,
      body: { message: 'Invalid or expired API token' },
    });
    expect(row('CI Pipeline').status).toBe('expired');
  });

  it('refuses a seeded token already past its expiry', async () => {
    expect(row('Old').status).toBe('expired');
    expect((await pods(sim.secretOf('Old'))).status).toBe(401);
  });

  it('honours a clock offset given at start', async () => {
    const later = await startPodstackSim({
      clockOffsetMs: 8 * DAY,
      accounts: [{ id: 'acc', tokens: [{ name: 'week', secret: ALICE, expiresInDays: 7 }] }],
    });
    try {
      // Seeds are relative to the simulator's now, so the token is fresh there.
      const response = await fetch(`${later.url}/v1/pods`, {
        headers: { authorization: `Bearer ${ALICE}` },
      });
      expect(response.status).toBe(200);
      later.advanceClock(7 * DAY);
      const expired = await fetch(`${later.url}/v1/pods`, {
        headers: { authorization: `Bearer ${ALICE}` },
      });
      expect(expired.status).toBe(401);
    } finally {
      await later.close();
    }
  });
});

describe('revoking in the dashboard', () => {
  it('is immediate: the next call is 401 and the row is gone', async () => {
    expect((await pods(ALICE)).status).toBe(200);
    sim.dashboard.revokeToken({ tokenId: row('Laptop').id });
    expect(await pods(ALICE)).toMatchObject({
      status: 401,
      body: { code: 'authentication_error' },
    });
    // Newest first: Old was created 8 days ago, CI Pipeline 29.
    expect(sim.dashboard.listTokens({ account: 'acc_alice' }).map((item) => item.name)).toEqual([
      'Old',
      'CI Pipeline',
    ]);
    expect(sim.tokens().find((token) => token.secret === ALICE)?.status).toBe('revoked');
  });

  it('finds the token by the Prefix the user reads off the page', async () => {
    sim.dashboard.revokeToken({ prefix: 'alic3key' });
    expect((await pods(ALICE)).status).toBe(401);
  });

  it('answers 404 for an unknown or already revoked token and 400 for an unclear one', () => {
    sim.dashboard.revokeToken({ prefix: 'alic3key' });
    expect(() => sim.dashboard.revokeToken({ prefix: 'alic3key' })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    expect(() => sim.dashboard.revokeToken({})).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => sim.dashboard.revokeToken({ tokenId: 'x', prefix: 'y' })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('works over HTTP: create, list and revoke', async () => {
    const created = await request(
      'POST',
      '/__sim/dashboard/create-token',
      {},
      {
        account: 'acc_bob',
        name: 'From UI',
        expiresInDays: null,
      },
    );
    expect(created.status).toBe(200);
    const { token, prefix } = created.body as { token: string; prefix: string };
    expect((await pods(token)).status).toBe(200);
    const listed = await request(
      'POST',
      '/__sim/dashboard/list-tokens',
      {},
      { account: 'acc_bob' },
    );
    expect(
      (listed.body as { tokens: PodstackDashboardRow[] }).tokens.map((item) => item.name),
    ).toEqual(['From UI', 'Bob CLI']);
    const revoked = await request('POST', '/__sim/dashboard/revoke-token', {}, { prefix });
    expect(revoked).toMatchObject({ status: 200, body: { revoked: true } });
    expect((await pods(token)).status).toBe(401);
  });
});

describe('inspection and knobs', () => {
  it('finds secrets by name (newest unrevoked first) and shows state in /__sim/state', async () => {
    expect(sim.secretOf('Laptop')).toBe(ALICE);
    const newer = sim.dashboard.createToken({
      account: 'acc_alice',
      name: 'Laptop',
      expiresInDays: 7,
    });
    expect(sim.secretOf('Laptop')).toBe(newer.token);
    expect(sim.secretOf('Bob CLI', 'acc_bob')).toBe(BOB);
    expect(() => sim.secretOf('Bob CLI', 'acc_alice')).toThrow();
    const state = await request('GET', '/__sim/state');
    expect(state.body).toMatchObject({
      name: 'podstack',
      service: {
        accounts: [
          {
            id: 'acc_alice',
            projects: [
              { id: 'proj-a1', name: 'Training' },
              { id: 'proj-a2', name: 'proj-a2' },
            ],
          },
          { id: 'acc_bob', projects: [{ id: 'proj-b1', name: 'proj-b1' }] },
        ],
        tokens: expect.arrayContaining([
          expect.objectContaining({ name: 'Laptop', secret: ALICE, status: 'active' }),
        ]) as unknown,
      },
    });
  });

  it('rate limits with 429 and Retry-After seconds (RateLimitError)', async () => {
    sim.setKnobs({ rateLimit: { limit: 1, windowMs: 30_000 } });
    expect((await pods(ALICE)).status).toBe(200);
    const limited = await pods(ALICE);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    sim.advanceClock(30_000);
    expect((await pods(ALICE)).status).toBe(200);
  });

  it('applies injected failures to listPods', async () => {
    sim.injectFailure({ route: 'listPods', kind: 'status', status: 503, times: 1 });
    expect((await pods(ALICE)).status).toBe(503);
    sim.injectFailure({ route: 'listPods', kind: 'html', times: 1 });
    const html = await fetch(`${sim.url}/v1/pods`, {
      headers: { authorization: `Bearer ${ALICE}` },
    });
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect((await pods(ALICE)).status).toBe(200);
  });
});

describe('seeds', () => {
  it('refuses a seed that a real account could not have', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `t${i}` }));
    await expect(startPodstackSim({ accounts: [{ id: 'a', tokens: six }] })).rejects.toThrow(
      /more than 5 active/,
    );
    await expect(
      startPodstackSim({ accounts: [{ id: 'a', tokens: [{ name: 't', secret: 'glpat-xyz' }] }] }),
    ).rejects.toThrow(/not a Podstack token/);
    await expect(
      startPodstackSim({
        accounts: [{ id: 'a', tokens: [{ name: 't', expiresInDays: 14 as PodstackExpiryDays }] }],
      }),
    ).rejects.toThrow(/bad expiry/);
    await expect(
      startPodstackSim({
        accounts: [
          { id: 'a', projects: [{ id: 'p' }] },
          { id: 'b', projects: [{ id: 'p' }] },
        ],
      }),
    ).rejects.toThrow(/project p appears twice/);
  });

  it('lets revoked and expired seeds sit beside 5 active ones', async () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ name: `t${i}` }));
    const full = await startPodstackSim({
      accounts: [
        {
          id: 'a',
          tokens: [
            ...five,
            { name: 'gone', revoked: true },
            { name: 'old', expiresInDays: 7, createdDaysAgo: 30 },
          ],
        },
      ],
    });
    expect(full.dashboard.listTokens({ account: 'a' })).toHaveLength(6);
    await full.close();
  });

  it('has a demo: expiring in 3 days, expired, never used, and an account at the limit', async () => {
    const token = newPodstackToken();
    const demo = await startPodstackSim(demoPodstackSeed(token));
    try {
      const rows = demo.dashboard.listTokens({ account: DEMO_PODSTACK_ACCOUNT });
      const days = (iso: string | null) => (Date.parse(iso ?? '') - demo.now().getTime()) / DAY;
      expect(
        rows.some((item) => item.status === 'active' && Math.round(days(item.expires)) === 3),
      ).toBe(true);
      expect(rows.some((item) => item.status === 'expired')).toBe(true);
      expect(rows.some((item) => item.lastUsed === null)).toBe(true);
      const full = demo.dashboard.listTokens({ account: DEMO_PODSTACK_FULL_ACCOUNT });
      expect(full.filter((item) => item.status === 'active')).toHaveLength(5);
      expect(() =>
        demo.dashboard.createToken({
          account: DEMO_PODSTACK_FULL_ACCOUNT,
          name: 'x',
          expiresInDays: 7,
        }),
      ).toThrow(expect.objectContaining({ status: 409 }));
      const answer = await fetch(`${demo.url}/v1/pods`, {
        headers: { authorization: `Bearer ${token}`, 'x-project-id': 'proj-training' },
      });
      expect(answer.status).toBe(200);
    } finally {
      await demo.close();
    }
  });
});
