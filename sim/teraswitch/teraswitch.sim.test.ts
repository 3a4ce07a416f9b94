import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TERASWITCH_PROJECT, demoTeraswitchSeed } from './teraswitch-seeds';
import { newTeraswitchSecret, newTeraswitchTokenId, partialId } from './teraswitch-token';
import { startTeraswitchSim } from './teraswitch.sim';
import type { TeraswitchSim } from './teraswitch.sim';
import type {
  TeraswitchDashboardRow,
  TeraswitchInstance,
  TeraswitchRole,
  TeraswitchTokenSeed,
  TeraswitchTokenStatus,
} from './teraswitch.types';
import { fetchJson, type JsonAnswer } from '../common/json-fetch';

// These tests are the specification of the simulated service (PROVIDERS.md, TeraSwitch section,
// and reference/provider-apis.md §3). The adapter's integration tests rely on every rule here.

const OWNER_ID = '11111111-aaaa-4aaa-8aaa-000000000001';
const OWNER = `${OWNER_ID}:ownerSecret_0123456789abcdefghij`;
const BILLING_ID = '22222222-bbbb-4bbb-8bbb-000000000002';
const BILLING = `${BILLING_ID}:billingSecret_0123456789abcdefgh`;
const OTHER_ID = '33333333-cccc-4ccc-8ccc-000000000003';
const OTHER = `${OTHER_ID}:otherSecret_0123456789abcdefghij`;
const DAY = 24 * 3600_000;

function seedToken(credential: string, displayName: string, role: TeraswitchRole) {
  const [tokenId, secret] = credential.split(':');
  return { tokenId, secret, displayName, role };
}

let sim: TeraswitchSim;

beforeEach(async () => {
  sim = await startTeraswitchSim({
    accountId: 777,
    projects: [
      {
        id: 101,
        name: 'web',
        instances: [{ displayName: 'web-1' }, { displayName: 'web-2', tags: ['blue'] }],
        tokens: [
          { ...seedToken(OWNER, 'ci', 'Owner'), createdDaysAgo: 5 },
          { ...seedToken(BILLING, 'billing-export', 'Accounting'), createdDaysAgo: 2 },
          { displayName: 'paused', role: 'Owner', status: 'Inactive', createdDaysAgo: 9 },
        ],
      },
      {
        id: 202,
        name: 'data',
        instances: [{ displayName: 'gpu-1', regionId: 'LAX1' }],
        tokens: [seedToken(OTHER, 'jupyter', 'Owner')],
      },
    ],
    invoices: [
      { total: 100, daysAgo: 40 },
      { total: 120.5, status: 'Sent', daysAgo: 1 },
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

function get(path: string, credential?: string): Promise<Answer> {
  return request(
    'GET',
    path,
    credential === undefined ? {} : { authorization: `Bearer ${credential}` },
  );
}

/** The verify calls: Owner → instances, Accounting → invoices. */
const INSTANCES = '/v2/Instance?Limit=1';
const INVOICES = '/v2/Invoice?limit=1';

function row(displayName: string, project = 101): TeraswitchDashboardRow {
  const found = sim.dashboard
    .listTokens({ project })
    .find((item) => item.displayName === displayName);
  if (found === undefined) throw new Error(`${displayName} not on the dashboard`);
  return found;
}

function view(credential: string) {
  const found = sim.tokens().find((token) => token.credential === credential);
  if (found === undefined) throw new Error('unknown credential');
  return found;
}

const REFUSED = {
  success: false,
  message: expect.any(String) as unknown,
  validationErrors: null,
  result: null,
};

describe('the response envelope', () => {
  it("lists an Owner token's project instances in {success, message, metadata, result}", async () => {
    const answer = await get(INSTANCES, OWNER);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      success: true,
      message: null,
      metadata: { totalCount: 2, limit: 1, skip: 0 },
      result: [
        {
          id: expect.any(Number) as unknown,
          created: expect.any(String) as unknown,
          deleted: null,
          projectId: 101,
          displayName: 'web-1',
          status: 'Active',
          regionId: 'PIT1',
          tierId: expect.any(String) as unknown,
          tags: [],
          powerState: 'On',
          ipAddresses: [],
        },
      ],
    });
  });

  it('pages with skip and limit (default 0 and 100), whatever their case', async () => {
    for (const query of ['Limit=1&Skip=1', 'limit=1&skip=1', 'LIMIT=1&SKIP=1']) {
      const answer = await get(`/v2/Instance?${query}`, OWNER);
      const body = answer.body as { metadata: unknown; result: TeraswitchInstance[] };
      expect(body.metadata).toEqual({ totalCount: 2, limit: 1, skip: 1 });
      expect(body.result.map((item) => item.displayName)).toEqual(['web-2']);
    }
    const all = await get('/v2/Instance', OWNER);
    expect((all.body as { metadata: unknown }).metadata).toEqual({
      totalCount: 2,
      limit: 100,
      skip: 0,
    });
  });

  it('answers 400 with validation errors for a parameter that does not bind', async () => {
    for (const query of ['Limit=abc', 'limit=-1', 'ProjectId=web']) {
      const answer = await get(`/v2/Instance?${query}`, OWNER);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({
        success: false,
        validationErrors: [expect.any(String)],
        result: null,
      });
    }
  });

  it('lists the account invoices for either role', async () => {
    for (const credential of [OWNER, BILLING]) {
      const answer = await get(INVOICES, credential);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        success: true,
        message: null,
        metadata: { totalCount: 2, limit: 1, skip: 0 },
        result: [
          {
            id: expect.any(Number) as unknown,
            total: 100,
            accountId: 777,
            status: 'Paid',
            dueDate: expect.any(String) as unknown,
            datePaid: expect.any(String) as unknown,
            payBefore: expect.any(String) as unknown,
            invoiceDate: expect.any(String) as unknown,
          },
        ],
      });
    }
  });

  it('serves /v1 as an alias of /v2, and lowercase resource names', async () => {
    expect(sim.apiBase).toBe(`${sim.url}/v2`);
    for (const path of ['/v1/Instance?Limit=1', '/v2/instance?limit=1', '/v1/invoice']) {
      expect((await get(path, OWNER)).status).toBe(200);
    }
    expect((await get('/v3/Instance', OWNER)).status).toBe(404);
  });
});

describe('authentication (401)', () => {
  it('refuses a request without a bearer credential', async () => {
    for (const headers of [{}, { authorization: `Basic ${OWNER}` }] as Record<string, string>[]) {
      const answer = await request('GET', INSTANCES, headers);
      expect(answer).toMatchObject({ status: 401, body: REFUSED });
    }
  });

  it('refuses an unknown id, a wrong secret, or a value that is not tokenId:secret', async () => {
    const wrong = [
      `${newTeraswitchTokenId()}:${newTeraswitchSecret()}`,
      `${OWNER_ID}:not-the-secret-0123456789`,
      OWNER_ID,
      `${OWNER_ID}:`,
      `:${OWNER.split(':')[1] ?? ''}`,
      OWNER.split(':')[1] ?? '',
    ];
    for (const credential of wrong) {
      const answer = await get(INSTANCES, credential);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ ...REFUSED, message: 'Invalid API token' });
    }
  });

  it('refuses an Inactive token until it is set Active again', async () => {
    const paused = sim.secretOf('paused');
    expect(await get(INVOICES, paused)).toMatchObject({
      status: 401,
      body: { success: false, message: 'API token is inactive' },
    });
    sim.dashboard.setTokenStatus({ tokenId: row('paused').tokenId, status: 'Active' });
    expect((await get(INVOICES, paused)).status).toBe(200);
    sim.dashboard.setTokenStatus({ tokenId: view(OWNER).tokenId, status: 'Inactive' });
    expect((await get(INSTANCES, OWNER)).status).toBe(401);
    expect(row('ci').status).toBe('Inactive');
  });
});

describe('roles and project scope (403)', () => {
  it('refuses instances to an Accounting token', async () => {
    const answer = await get(INSTANCES, BILLING);
    expect(answer).toMatchObject({ status: 403, body: REFUSED });
    expect((answer.body as { message: string }).message).toContain('Accounting');
  });

  it("shows a token only its own project's instances", async () => {
    const answer = await get('/v2/Instance', OTHER);
    const names = (answer.body as { result: TeraswitchInstance[] }).result.map(
      (item) => item.displayName,
    );
    expect(names).toEqual(['gpu-1']);
  });

  it('refuses a ProjectId of another project, and accepts its own', async () => {
    expect((await get('/v2/Instance?Limit=1&ProjectId=202', OWNER)).status).toBe(403);
    expect((await get('/v2/Instance?Limit=1&projectid=999', OWNER)).status).toBe(403);
    expect((await get('/v2/Instance?Limit=1&ProjectId=101', OWNER)).status).toBe(200);
  });
});

describe('last use (kept for tests; the service shows none)', () => {
  it('is recorded on every authenticated call, a 403 included, never on a 401', async () => {
    expect(view(OWNER).lastUsedAt).toBeNull();
    sim.advanceClock(DAY);
    await get(INSTANCES, OWNER);
    expect(Date.parse(view(OWNER).lastUsedAt ?? '')).toBeGreaterThan(Date.now() + DAY / 2);
    expect(view(OWNER).lastUsedAt).toBe(sim.lastUseOf(OWNER)?.at);
    await get(INSTANCES, BILLING);
    expect(view(BILLING).lastUsedAt).not.toBeNull();
    const paused = sim.secretOf('paused');
    await get(INVOICES, paused);
    expect(view(paused).lastUsedAt).toBeNull();
  });

  it('logs each call with the credential, the token it names, and the answer', async () => {
    await get(INSTANCES, OWNER);
    await get(INSTANCES, BILLING);
    await get(INSTANCES, `${OWNER_ID}:wrong-secret-0123456789`);
    const [ok, denied, refused] = sim.calls();
    expect(ok).toMatchObject({
      route: 'listInstances',
      method: 'GET',
      path: '/v2/Instance',
      credential: OWNER,
      tokenId: OWNER_ID,
      accepted: true,
      status: 200,
    });
    expect(denied).toMatchObject({ tokenId: BILLING_ID, accepted: true, status: 403 });
    expect(refused).toMatchObject({ tokenId: OWNER_ID, accepted: false, status: 401 });
    expect(sim.lastUseOf(OWNER)).toEqual(ok);
  });
});

describe('generating tokens in the dashboard', () => {
  it('shows tokenId:secret once; the page then shows a partial Token Id', async () => {
    const created = sim.dashboard.createToken({
      project: 202,
      displayName: 'staging',
      role: 'Owner',
    });
    const [tokenId, secret] = created.credential.split(':');
    expect(tokenId).toBe(created.tokenId);
    expect(tokenId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.partialId).toBe(`${created.tokenId.slice(0, 8)}…`);
    expect(partialId(created.tokenId)).toBe(created.partialId);
    const rows = sim.dashboard.listTokens({ project: 202 });
    expect(rows[0]).toEqual({
      tokenId: created.partialId,
      displayName: 'staging',
      role: 'Owner',
      status: 'Active',
      created: created.created,
    });
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(JSON.stringify(rows)).not.toContain(created.tokenId);
    expect((await get(INSTANCES, created.credential)).status).toBe(200);
  });

  it('scopes a new token to its project and role', async () => {
    const billing = sim.dashboard.createToken({
      project: 202,
      displayName: 'costs',
      role: 'Accounting',
    });
    expect((await get(INVOICES, billing.credential)).status).toBe(200);
    expect((await get(INSTANCES, billing.credential)).status).toBe(403);
    const owner = sim.dashboard.createToken({ project: 202, displayName: 'ops', role: 'Owner' });
    expect((await get('/v2/Instance?ProjectId=101', owner.credential)).status).toBe(403);
  });

  it('lists many tokens per project (one per application), newest first', () => {
    for (const name of ['app-a', 'app-b', 'app-c']) {
      sim.dashboard.createToken({ project: 101, displayName: name, role: 'Owner' });
    }
    expect(sim.dashboard.listTokens({ project: 101 }).map((item) => item.displayName)).toEqual([
      'app-c',
      'app-b',
      'app-a',
      'billing-export',
      'ci',
      'paused',
    ]);
  });

  it('refuses a bad role or name (400) and an unknown project (404)', async () => {
    const bad = [
      { project: 101, displayName: 'x', role: 'Admin' as TeraswitchRole, status: 400 },
      { project: 101, displayName: ' ', role: 'Owner' as TeraswitchRole, status: 400 },
      { project: 999, displayName: 'x', role: 'Owner' as TeraswitchRole, status: 404 },
    ];
    for (const { status, ...input } of bad) {
      expect(() => sim.dashboard.createToken(input)).toThrow(expect.objectContaining({ status }));
      const answer = await request('POST', '/__sim/dashboard/create-token', {}, input);
      expect(answer.status).toBe(status);
    }
  });
});

describe('revoking and switching in the dashboard', () => {
  it('revokes immediately: the next call is 401 and the row is gone', async () => {
    expect((await get(INSTANCES, OWNER)).status).toBe(200);
    sim.dashboard.revokeToken({ tokenId: OWNER_ID });
    expect(await get(INSTANCES, OWNER)).toMatchObject({
      status: 401,
      body: { message: 'Invalid API token' },
    });
    expect(sim.dashboard.listTokens({ project: 101 }).map((item) => item.displayName)).toEqual([
      'billing-export',
      'paused',
    ]);
    expect(view(OWNER).revoked).toBe(true);
  });

  it('finds the token by the partial id the user reads off the page', async () => {
    sim.dashboard.revokeToken({ tokenId: row('billing-export').tokenId });
    expect((await get(INVOICES, BILLING)).status).toBe(401);
  });

  it('answers 404 for an unknown or revoked token and 400 for an unknown status', () => {
    sim.dashboard.revokeToken({ tokenId: OWNER_ID });
    expect(() => sim.dashboard.revokeToken({ tokenId: OWNER_ID })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    expect(() => sim.dashboard.setTokenStatus({ tokenId: OWNER_ID, status: 'Active' })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    expect(() =>
      sim.dashboard.setTokenStatus({
        tokenId: BILLING_ID,
        status: 'Paused' as TeraswitchTokenStatus,
      }),
    ).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('works over HTTP: create, list, set status and revoke', async () => {
    const created = await request(
      'POST',
      '/__sim/dashboard/create-token',
      {},
      {
        project: 101,
        displayName: 'from-ui',
        role: 'Owner',
      },
    );
    expect(created.status).toBe(200);
    const { credential, partialId: shown } = created.body as {
      credential: string;
      partialId: string;
    };
    expect((await get(INSTANCES, credential)).status).toBe(200);
    const listed = await request('POST', '/__sim/dashboard/list-tokens', {}, { project: 101 });
    expect((listed.body as { tokens: TeraswitchDashboardRow[] }).tokens[0]).toMatchObject({
      tokenId: shown,
      displayName: 'from-ui',
    });
    const paused = await request(
      'POST',
      '/__sim/dashboard/set-token-status',
      {},
      {
        tokenId: shown,
        status: 'Inactive',
      },
    );
    expect(paused).toMatchObject({ status: 200, body: { status: 'Inactive' } });
    expect((await get(INSTANCES, credential)).status).toBe(401);
    const revoked = await request('POST', '/__sim/dashboard/revoke-token', {}, { tokenId: shown });
    expect(revoked).toMatchObject({ status: 200, body: { revoked: true } });
    expect(view(credential).revoked).toBe(true);
  });
});

describe('inspection and knobs', () => {
  it('finds credentials by Display Name and shows state in /__sim/state', async () => {
    expect(sim.secretOf('ci')).toBe(OWNER);
    expect(sim.secretOf('jupyter', 202)).toBe(OTHER);
    expect(() => sim.secretOf('jupyter', 101)).toThrow();
    const state = await request('GET', '/__sim/state');
    expect(state.body).toMatchObject({
      name: 'teraswitch',
      service: {
        accountId: 777,
        projects: [
          { id: 101, name: 'web', instances: 2 },
          { id: 202, name: 'data', instances: 1 },
        ],
        tokens: expect.arrayContaining([
          expect.objectContaining({ displayName: 'ci', credential: OWNER, role: 'Owner' }),
        ]) as unknown,
      },
    });
  });

  it('rate limits with 429 and Retry-After seconds', async () => {
    sim.setKnobs({ rateLimit: { limit: 1, windowMs: 10_000, route: 'listInvoices' } });
    expect((await get(INVOICES, BILLING)).status).toBe(200);
    const limited = await get(INVOICES, BILLING);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await get(INSTANCES, OWNER)).status).toBe(200);
  });

  it('applies injected failures per route key, to /v1 and /v2 alike', async () => {
    sim.injectFailure({ route: 'listInstances', kind: 'status', status: 500, times: 2 });
    expect((await get(INVOICES, OWNER)).status).toBe(200);
    expect((await get(INSTANCES, OWNER)).status).toBe(500);
    expect((await get('/v1/Instance', OWNER)).status).toBe(500);
    expect((await get(INSTANCES, OWNER)).status).toBe(200);
    sim.injectFailure({ route: 'listInvoices', kind: 'malformed', times: 1 });
    const response = await fetch(`${sim.url}${INVOICES}`, {
      headers: { authorization: `Bearer ${BILLING}` },
    });
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
  });

  it('dates seeds and last use on the simulator clock', async () => {
    const later = await startTeraswitchSim({
      clockOffsetMs: 30 * DAY,
      projects: [{ id: 1, name: 'p', tokens: [{ ...seedToken(OWNER, 't', 'Owner') }] }],
    });
    try {
      const token = later.tokens()[0];
      expect(Date.parse(token?.createdAt ?? '')).toBeGreaterThan(Date.now() + 29 * DAY);
      await fetch(`${later.url}${INVOICES}`, { headers: { authorization: `Bearer ${OWNER}` } });
      expect(Date.parse(later.tokens()[0]?.lastUsedAt ?? '')).toBeGreaterThan(
        Date.now() + 29 * DAY,
      );
    } finally {
      await later.close();
    }
  });
});

describe('seeds', () => {
  it('refuses a seed the service could not hold', async () => {
    const project = (tokens: TeraswitchTokenSeed[]) => ({
      projects: [{ id: 1, name: 'p', tokens }],
    });
    await expect(
      startTeraswitchSim(project([{ displayName: 't', role: 'Owner', tokenId: '42' }])),
    ).rejects.toThrow(/not a UUID/);
    await expect(
      startTeraswitchSim(project([{ displayName: 't', role: 'Admin' as TeraswitchRole }])),
    ).rejects.toThrow(/bad role/);
    await expect(
      startTeraswitchSim(
        project([
          { displayName: 'a', role: 'Owner', tokenId: OWNER_ID },
          { displayName: 'b', role: 'Owner', tokenId: OWNER_ID },
        ]),
      ),
    ).rejects.toThrow(/repeats/);
    await expect(
      startTeraswitchSim({
        projects: [
          { id: 1, name: 'a' },
          { id: 1, name: 'b' },
        ],
      }),
    ).rejects.toThrow(/appears twice/);
  });

  it('has a demo: per-app tokens in two projects, an Accounting export, Inactive ones', async () => {
    const known = { tokenId: newTeraswitchTokenId(), secret: newTeraswitchSecret() };
    const demo = await startTeraswitchSim(demoTeraswitchSeed(known));
    try {
      const rows = demo.dashboard.listTokens({ project: DEMO_TERASWITCH_PROJECT });
      expect(rows.length).toBeGreaterThanOrEqual(4);
      expect(rows.map((item) => item.displayName)).toEqual(
        expect.arrayContaining(['github-actions-ci', 'staging-deploy', 'billing-export']),
      );
      expect(rows.find((item) => item.displayName === 'billing-export')?.role).toBe('Accounting');
      expect(rows.some((item) => item.status === 'Inactive')).toBe(true);
      expect(demo.dashboard.listTokens({ project: 4102 }).length).toBeGreaterThan(0);
      const response = await fetch(`${demo.url}${INSTANCES}`, {
        headers: { authorization: `Bearer ${known.tokenId}:${known.secret}` },
      });
      expect(response.status).toBe(200);
    } finally {
      await demo.close();
    }
  });
});
