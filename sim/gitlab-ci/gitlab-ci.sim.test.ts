import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitlabCiSim, type GitlabCiSim } from './gitlab-ci.sim';
import { fetchJson } from '../common/json-fetch';

// The specification of the simulated GitLab CI/CD variables API (reference/provider-apis.md
// §6b and Ci::Maskable): what TokenDesk's GitLab variable publish target relies on.

const MAINTAINER = 'glpat-maintainer-0123456789ab';
const DEVELOPER = 'glpat-developer-0123456789abc';
const STRANGER = 'glpat-stranger-0123456789abcd';
const MASKABLE = 'abcDEF123_+=/@:.~-';

let sim: GitlabCiSim;

beforeEach(async () => {
  sim = await startGitlabCiSim({
    projects: [
      {
        id: 7,
        pathWithNamespace: 'group/app',
        variables: [{ key: 'EXISTING', value: 'old-value', environmentScope: '*' }],
      },
    ],
    tokens: [
      { secret: MAINTAINER, username: 'maint', projects: { '7': 40 } },
      { secret: DEVELOPER, username: 'dev', projects: { 'group/app': 30 } },
      { secret: STRANGER, username: 'stranger' },
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

async function api(method: string, path: string, token?: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers['private-token'] = token;
  const answer = await fetchJson(`${sim.url}/api/v4${path}`, method, headers, body);
  return { status: answer.status, body: answer.body };
}

describe('authentication and access', () => {
  it('refuses a missing or unknown token with 401', async () => {
    expect(await api('GET', '/projects/7/variables')).toEqual({
      status: 401,
      body: { message: '401 Unauthorized' },
    });
    expect((await api('GET', '/projects/7/variables', 'glpat-unknown-token-000')).status).toBe(401);
  });

  it('accepts a bearer token as well as PRIVATE-TOKEN', async () => {
    const response = await fetch(`${sim.url}/api/v4/projects/7/variables`, {
      headers: { authorization: `Bearer ${MAINTAINER}` },
    });
    expect(response.status).toBe(200);
  });

  it('gives 403 below Maintainer and 404 to a user who cannot see the project', async () => {
    expect(await api('GET', '/projects/7/variables', DEVELOPER)).toEqual({
      status: 403,
      body: { message: '403 Forbidden' },
    });
    expect(await api('GET', '/projects/7/variables', STRANGER)).toEqual({
      status: 404,
      body: { message: '404 Project Not Found' },
    });
    expect((await api('GET', '/projects/99/variables', MAINTAINER)).status).toBe(404);
  });

  it('finds a project by its URL-encoded path', async () => {
    const answer = await api('GET', '/projects/group%2Fapp/variables/EXISTING', MAINTAINER);
    expect(answer).toMatchObject({ status: 200, body: { key: 'EXISTING', value: 'old-value' } });
  });

  it('refuses a revoked token from then on', async () => {
    sim.dashboard.revokeToken({ token: MAINTAINER });
    expect((await api('GET', '/projects/7/variables', MAINTAINER)).status).toBe(401);
    expect(sim.calls().at(-1)).toMatchObject({ secret: MAINTAINER, accepted: false });
  });
});

describe('variables', () => {
  it('creates with POST (201) and returns GitLab’s record', async () => {
    const answer = await api('POST', '/projects/7/variables', MAINTAINER, {
      key: 'DEPLOY_TOKEN',
      value: MASKABLE,
      masked: true,
      protected: true,
    });
    expect(answer).toEqual({
      status: 201,
      body: {
        variable_type: 'env_var',
        key: 'DEPLOY_TOKEN',
        value: MASKABLE,
        protected: true,
        masked: true,
        hidden: false,
        raw: false,
        environment_scope: '*',
        description: null,
      },
    });
    expect(sim.variable('group/app', 'DEPLOY_TOKEN')?.value).toBe(MASKABLE);
  });

  it('updates with PUT (200), and answers 404 for a key that does not exist', async () => {
    const updated = await api('PUT', '/projects/7/variables/EXISTING', MAINTAINER, {
      value: 'new-value',
    });
    expect(updated).toMatchObject({ status: 200, body: { value: 'new-value' } });
    expect(sim.variable('7', 'EXISTING')?.value).toBe('new-value');
    expect(await api('PUT', '/projects/7/variables/NOPE', MAINTAINER, { value: 'x' })).toEqual({
      status: 404,
      body: { message: '404 Variable Not Found' },
    });
  });

  it('keeps one value per environment scope and needs the filter when a key is ambiguous', async () => {
    await api('POST', '/projects/7/variables', MAINTAINER, {
      key: 'EXISTING',
      value: 'prod-value',
      environment_scope: 'production',
    });
    expect((await api('GET', '/projects/7/variables/EXISTING', MAINTAINER)).status).toBe(409);
    const filtered = await api(
      'GET',
      '/projects/7/variables/EXISTING?filter%5Benvironment_scope%5D=production',
      MAINTAINER,
    );
    expect(filtered).toMatchObject({ status: 200, body: { value: 'prod-value' } });
    await api(
      'PUT',
      '/projects/7/variables/EXISTING?filter[environment_scope]=production',
      MAINTAINER,
      {
        value: 'prod-2',
      },
    );
    expect(sim.variable('7', 'EXISTING', 'production')?.value).toBe('prod-2');
    expect(sim.variable('7', 'EXISTING', '*')?.value).toBe('old-value');
  });

  it('refuses a duplicate (key, scope) and a bad key with GitLab’s field errors', async () => {
    expect(
      await api('POST', '/projects/7/variables', MAINTAINER, { key: 'EXISTING', value: 'x' }),
    ).toEqual({
      status: 400,
      body: { message: { key: ['(EXISTING) has already been taken'] } },
    });
    expect(
      await api('POST', '/projects/7/variables', MAINTAINER, { key: 'BAD-KEY', value: 'x' }),
    ).toEqual({
      status: 400,
      body: { message: { key: ["can contain only letters, digits and '_'."] } },
    });
    expect(await api('POST', '/projects/7/variables', MAINTAINER, { key: 'NO_VALUE' })).toEqual({
      status: 400,
      body: { error: 'value is missing' },
    });
  });

  it.each([
    ['shorter than 8 characters', 'short'],
    ['a space', 'has a space in it'],
    ['a character outside the Base64 alphabet and @ : . ~', 'abcdefgh!'],
  ])(
    'refuses to mask a value with %s (400, value is invalid) and changes nothing',
    async (_case, value) => {
      const created = await api('POST', '/projects/7/variables', MAINTAINER, {
        key: 'MASKED',
        value,
        masked: true,
      });
      expect(created).toEqual({ status: 400, body: { message: { value: ['is invalid'] } } });
      const updated = await api('PUT', '/projects/7/variables/EXISTING', MAINTAINER, {
        value,
        masked: true,
      });
      expect(updated.status).toBe(400);
      expect(sim.variable('7', 'MASKED')).toBeUndefined();
      expect(sim.variable('7', 'EXISTING')).toMatchObject({ value: 'old-value', masked: false });
    },
  );

  it('masks a raw variable by the looser rule (no whitespace, 8 or more)', async () => {
    const answer = await api('POST', '/projects/7/variables', MAINTAINER, {
      key: 'RAW',
      value: 'abc!defgh$',
      masked: true,
      raw: true,
    });
    expect(answer.status).toBe(201);
  });

  it('deletes a variable', async () => {
    expect((await api('DELETE', '/projects/7/variables/EXISTING', MAINTAINER)).status).toBe(204);
    expect(sim.variables('7')).toEqual([]);
  });
});

describe('framework knobs and control routes', () => {
  it('fails a route on request and shows no values in /__sim/state', async () => {
    sim.injectFailure({ route: 'updateVariable', kind: 'status', status: 500, times: 1 });
    expect(
      (await api('PUT', '/projects/7/variables/EXISTING', MAINTAINER, { value: 'x' })).status,
    ).toBe(500);
    const state = await (await fetch(`${sim.url}/__sim/state`)).text();
    expect(state).toContain('group/app');
    expect(state).not.toContain('old-value');
  });

  it('sets a variable as the user does in the web page', async () => {
    const response = await fetch(`${sim.url}/__sim/dashboard/set-variable`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ project: 'group/app', key: 'EXISTING', value: 'typed-in' }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain('typed-in');
    expect(sim.variable('7', 'EXISTING')?.value).toBe('typed-in');
  });
});
