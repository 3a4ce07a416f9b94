import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealTo } from './github-keys';
import { startGithubSim, type GithubSim } from './github.sim';
import { fetchJson } from '../common/json-fetch';

// The specification of the simulated GitHub (reference/provider-apis.md §6a): what TokenDesk's
// GitHub adapter and GitHub Actions publish target rely on.

const ADMIN = 'ghp_adminAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const READER = 'ghp_readerBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
const OTHER = 'ghp_otherCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC';

let sim: GithubSim;

beforeEach(async () => {
  sim = await startGithubSim({
    repos: [
      { fullName: 'octo/app', id: 42, environments: ['production'] },
      { fullName: 'octo/public', private: false },
    ],
    tokens: [
      { secret: ADMIN, login: 'octocat', repos: { 'octo/app': 'admin', 'octo/public': 'write' } },
      { secret: READER, login: 'reader', repos: { 'octo/app': 'read' } },
      { secret: OTHER, login: 'stranger' },
    ],
  });
});

afterEach(async () => {
  await sim.close();
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function api(method: string, path: string, token?: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/vnd.github+json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const answer = await fetchJson(`${sim.url}${path}`, method, headers, body);
  return { status: answer.status, body: (answer.body ?? {}) as Record<string, unknown> };
}

async function putSecret(root: string, name: string, value: string, token = ADMIN) {
  const key = await api('GET', `${root}/public-key`, token);
  expect(key.status).toBe(200);
  const { key_id: keyId, key: publicKey } = key.body as { key_id: string; key: string };
  return api('PUT', `${root}/${name}`, token, {
    encrypted_value: sealTo(publicKey, value),
    key_id: keyId,
  });
}

describe('authentication', () => {
  it('answers GET /user with the login behind the token', async () => {
    const answer = await api('GET', '/user', ADMIN);
    expect(answer).toMatchObject({ status: 200, body: { login: 'octocat' } });
  });

  it('refuses a missing or unknown token with 401 in GitHub’s error shape', async () => {
    expect(await api('GET', '/user')).toMatchObject({
      status: 401,
      body: { message: 'Requires authentication', status: '401' },
    });
    expect(await api('GET', '/user', 'ghp_nope')).toMatchObject({
      status: 401,
      body: { message: 'Bad credentials', documentation_url: expect.any(String) as unknown },
    });
  });

  it('accepts the older "token" scheme and refuses a revoked token from then on', async () => {
    const answer = await fetch(`${sim.url}/user`, { headers: { authorization: `token ${ADMIN}` } });
    expect(answer.status).toBe(200);
    sim.dashboard.revokeToken({ token: ADMIN });
    expect((await api('GET', '/user', ADMIN)).status).toBe(401);
    expect(sim.calls().at(-1)).toMatchObject({ route: 'getUser', secret: ADMIN, accepted: false });
  });
});

describe('repository secrets', () => {
  const root = '/repos/octo/app/actions/secrets';

  it('serves a 32-byte public key with its key id', async () => {
    const answer = await api('GET', `${root}/public-key`, ADMIN);
    const { key, key_id: keyId } = answer.body as { key: string; key_id: string };
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(keyId).toMatch(/^\d+$/);
  });

  it('decrypts a sealed box on PUT and keeps the plaintext: 201 new, 204 updated', async () => {
    expect((await putSecret(root, 'deploy_token', 'first-value')).status).toBe(201);
    expect(sim.secretValue('octo/app', 'DEPLOY_TOKEN')).toBe('first-value');
    const created = sim.secret('octo/app', 'DEPLOY_TOKEN');

    sim.advanceClock(5_000);
    expect((await putSecret(root, 'DEPLOY_TOKEN', 'second-value')).status).toBe(204);
    const updated = sim.secret('octo/app', 'deploy_token');
    expect(updated?.value).toBe('second-value');
    expect(updated?.createdAt).toBe(created?.createdAt);
    expect(Date.parse(updated?.updatedAt ?? '')).toBeGreaterThan(
      Date.parse(created?.updatedAt ?? ''),
    );
  });

  it('returns metadata with whole-second timestamps and never the value', async () => {
    await putSecret(root, 'API_TOKEN', 'the-value');
    const answer = await api('GET', `${root}/api_token`, ADMIN);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['created_at', 'name', 'updated_at']);
    expect(answer.body.name).toBe('API_TOKEN');
    expect(answer.body.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(JSON.stringify(await api('GET', root, ADMIN))).not.toContain('the-value');
    expect((await api('GET', `${root}/MISSING`, ADMIN)).status).toBe(404);
  });

  it('refuses a box sealed to another key, a stale key id and missing fields with 422', async () => {
    const key = (await api('GET', `${root}/public-key`, ADMIN)).body as { key_id: string };
    const otherKey = (await api('GET', '/repos/octo/public/actions/secrets/public-key', ADMIN))
      .body as { key: string };
    const wrongBox = await api('PUT', `${root}/X`, ADMIN, {
      encrypted_value: sealTo(otherKey.key, 'v'),
      key_id: key.key_id,
    });
    expect(wrongBox.status).toBe(422);
    const staleId = await api('PUT', `${root}/X`, ADMIN, { encrypted_value: 'AAAA', key_id: '1' });
    expect(staleId.status).toBe(422);
    expect((await api('PUT', `${root}/X`, ADMIN, {})).status).toBe(422);
    expect(sim.secrets()).toEqual([]);
  });

  it('enforces GitHub’s secret name rules with 422', async () => {
    expect((await putSecret(root, 'GITHUB_TOKEN', 'v')).status).toBe(422);
    expect((await putSecret(root, '1ABC', 'v')).status).toBe(422);
    expect(sim.secrets()).toEqual([]);
  });

  it('gives 404 for an unknown repository and for one the token cannot see', async () => {
    expect((await api('GET', '/repos/octo/nope/actions/secrets/public-key', ADMIN)).status).toBe(
      404,
    );
    expect((await api('GET', `${root}/public-key`, OTHER)).status).toBe(404);
    expect((await api('GET', '/repos/octo/app', OTHER)).status).toBe(404);
    expect((await api('GET', '/repos/octo/public', OTHER)).status).toBe(200);
  });

  it('gives 403 when the token may see the repository but not manage its secrets', async () => {
    expect((await api('GET', '/repos/octo/app', READER)).status).toBe(200);
    const answer = await api('GET', `${root}/public-key`, READER);
    expect(answer).toMatchObject({
      status: 403,
      body: { message: expect.stringContaining('not accessible') as unknown },
    });
  });

  it('deletes a secret', async () => {
    await putSecret(root, 'GONE', 'v');
    expect((await api('DELETE', `${root}/GONE`, ADMIN)).status).toBe(204);
    expect(sim.secretValue('octo/app', 'GONE')).toBeUndefined();
    expect((await api('DELETE', `${root}/GONE`, ADMIN)).status).toBe(404);
  });
});

describe('environment secrets', () => {
  it('keeps a key pair and secrets per environment, apart from the repository’s', async () => {
    const env = '/repos/octo/app/environments/production/secrets';
    const repoKey = (await api('GET', '/repos/octo/app/actions/secrets/public-key', ADMIN)).body;
    const envKey = (await api('GET', `${env}/public-key`, ADMIN)).body;
    expect(envKey.key).not.toBe(repoKey.key);

    expect((await putSecret(env, 'API_TOKEN', 'prod-value')).status).toBe(201);
    expect(sim.secretValue('octo/app', 'API_TOKEN', 'production')).toBe('prod-value');
    expect(sim.secretValue('octo/app', 'API_TOKEN')).toBeUndefined();
  });

  it('serves the older /repositories/{id}/environments/… form too', async () => {
    await putSecret('/repositories/42/environments/Production/secrets', 'A', 'by-id');
    expect(sim.secretValue('octo/app', 'A', 'production')).toBe('by-id');
  });

  it('gives 404 for an environment that does not exist, until the user creates it', async () => {
    const staging = '/repos/octo/app/environments/staging/secrets';
    expect((await api('GET', `${staging}/public-key`, ADMIN)).status).toBe(404);
    sim.dashboard.addEnvironment({ repo: 'octo/app', name: 'staging' });
    expect((await api('GET', `${staging}/public-key`, ADMIN)).status).toBe(200);
  });
});

describe('framework knobs and control routes', () => {
  it('fails a route on request and shows no plaintext in /__sim/state', async () => {
    await putSecret('/repos/octo/app/actions/secrets', 'VISIBLE', 'plaintext-never-shown');
    sim.injectFailure({ route: 'putRepoSecret', kind: 'status', status: 502, times: 1 });
    expect((await putSecret('/repos/octo/app/actions/secrets', 'VISIBLE', 'x')).status).toBe(502);
    const state = await (await fetch(`${sim.url}/__sim/state`)).text();
    expect(state).toContain('VISIBLE');
    expect(state).not.toContain('plaintext-never-shown');
    expect(state).not.toContain(ADMIN);
  });

  it('creates a token through the dashboard route', async () => {
    const response = await fetch(`${sim.url}/__sim/dashboard/create-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'newbie', repos: { 'octo/app': 'write' } }),
    });
    const { token } = (await response.json()) as { token: string };
    expect(token).toMatch(/^ghp_[A-Za-z0-9]{36}$/);
    expect(await api('GET', '/user', token)).toMatchObject({ body: { login: 'newbie' } });
  });
});
