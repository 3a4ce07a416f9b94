import { describe, expect, it } from 'vitest';
import { ProviderInfoSchema, type Account } from '../../../../shared/model';
import { appErrorOf } from '../test-support/app-error-of';
import { json, mockAgentPerTest, mockHttp } from '../test-support/mock-service';
import { testAccount } from '../test-support/test-account';
import type { ServiceToken, VerifyScope } from '../provider-adapter';
import { podstackAdapter } from './podstack.adapter';

const ORIGIN = 'https://api.podstack.ai';
const TOKEN = 'podstack_ab12cd34_Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4';

const agent = mockAgentPerTest();

function account(baseUrl = `${ORIGIN}/v1`): Account {
  return testAccount({ provider: 'podstack', baseUrl, mode: 'guided' });
}

function verify(scope?: VerifyScope, baseUrl?: string) {
  const http = mockHttp(agent());
  return podstackAdapter.verify(
    { account: account(baseUrl), credential: null, http },
    TOKEN,
    scope,
  );
}

describe('info', () => {
  it('is guided, with the dashboard’s lifetimes and the 5-active limit', () => {
    const info = ProviderInfoSchema.parse(podstackAdapter.info);
    expect(info).toMatchObject({
      kind: 'podstack',
      mode: 'guided',
      credentialNeed: 'none',
      defaultBaseUrl: 'https://api.podstack.ai/v1',
      capabilities: {
        track: true,
        verify: true,
        create: false,
        revoke: false,
        expiryDays: [7, 30, 90, 180, 365],
        neverExpires: true,
        maxActive: 5,
        roles: [],
      },
    });
    expect(info.trackFields.map((field) => [field.key, field.required])).toEqual([
      ['project', false],
    ]);
  });

  it('links the public dashboard, and nothing for an enterprise endpoint', () => {
    expect(podstackAdapter.tokenPageUrl(account())).toBe('https://cloud.podstack.ai/');
    expect(podstackAdapter.tokenPageUrl(account('https://gpu.corp.example/v1'))).toBeNull();
  });
});

describe('verify', () => {
  it('GETs /v1/pods with the bearer token and the project in X-Project-ID', async () => {
    agent()
      .get(ORIGIN)
      .intercept({
        path: '/v1/pods',
        method: 'GET',
        headers: { authorization: `Bearer ${TOKEN}`, 'x-project-id': 'proj-training' },
      })
      .reply(200, { pods: [], total: 0 }, json);
    await expect(verify({ project: 'proj-training', role: null })).resolves.toBeUndefined();
  });

  it('sends no project header when the token has no project', async () => {
    agent()
      .get(ORIGIN)
      .intercept({
        path: '/v1/pods',
        method: 'GET',
        headers: (headers) => !('x-project-id' in headers),
      })
      .reply(200, { pods: [] }, json);
    await expect(verify({ project: null, role: null })).resolves.toBeUndefined();
  });

  it('adds /v1 to an endpoint given as a bare host, as PODSTACK_API_ENDPOINT is', async () => {
    agent()
      .get('https://gpu.corp.example')
      .intercept({ path: '/v1/pods', method: 'GET' })
      .reply(200, { pods: [] }, json);
    await expect(verify(undefined, 'https://gpu.corp.example')).resolves.toBeUndefined();
  });

  it('maps 401 to AUTH_FAILED in the SDK’s terms, with no secret', async () => {
    agent()
      .get(ORIGIN)
      .intercept({ path: '/v1/pods', method: 'GET' })
      .reply(401, { code: 'authentication_error', message: 'Invalid or expired API token' }, json);
    const error = await appErrorOf(verify());
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain('AuthenticationError');
    expect(error.message).not.toContain(TOKEN);
  });

  it('names the project a 403 refused', async () => {
    agent()
      .get(ORIGIN)
      .intercept({ path: '/v1/pods', method: 'GET' })
      .reply(403, { code: 'permission_error', message: 'Access denied to resource' }, json);
    const error = await appErrorOf(verify({ project: 'proj-other', role: null }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('“proj-other”');
    expect(error.message).toContain('PermissionError');
  });

  it('refuses an answer that is not the pod list (a login page)', async () => {
    agent().get(ORIGIN).intercept({ path: '/v1/pods', method: 'GET' }).reply(200, '<html></html>');
    expect((await appErrorOf(verify())).code).toBe('BAD_RESPONSE');
  });
});

describe('describeSecret and isTokenOf', () => {
  it('shows the prefix segment the dashboard shows', () => {
    expect(podstackAdapter.describeSecret(TOKEN)).toEqual({ prefix: 'ab12cd34' });
    expect(podstackAdapter.describeSecret('glpat-0123456789abcdef')).toEqual({ prefix: null });
    expect(podstackAdapter.describeSecret('podstack_ab12cd34_')).toEqual({ prefix: null });
  });

  it('matches a token by its prefix', () => {
    const token = { prefix: 'ab12cd34' } as ServiceToken;
    expect(podstackAdapter.isTokenOf(token, TOKEN)).toBe(true);
    expect(podstackAdapter.isTokenOf(token, 'podstack_zz99yy88_abcdefghijklmnop')).toBe(false);
    expect(podstackAdapter.isTokenOf({ prefix: null } as ServiceToken, 'not-a-token')).toBe(false);
  });
});
