import { describe, expect, it } from 'vitest';
import { ProviderInfoSchema, type Account } from '../../../../shared/model';
import { appErrorOf } from '../test-support/app-error-of';
import { json, mockAgentPerTest, mockHttp } from '../test-support/mock-service';
import { testAccount } from '../test-support/test-account';
import type { ServiceToken, VerifyScope } from '../provider-adapter';
import { teraswitchAdapter } from './teraswitch.adapter';

const ORIGIN = 'https://api.tsw.io';
const TOKEN_ID = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const CREDENTIAL = `${TOKEN_ID}:kX9-vQ2_mN7pL4rT8sW1yZ6aB3cD5eF0gH`;
const envelope = { success: true, message: null, metadata: {}, result: [] };
const refused = { success: false, message: 'denied', validationErrors: null, result: null };

const agent = mockAgentPerTest();

function account(baseUrl = `${ORIGIN}/v2`): Account {
  return testAccount({ provider: 'teraswitch', baseUrl, mode: 'guided' });
}

function verify(scope?: VerifyScope, secret = CREDENTIAL, baseUrl?: string) {
  const http = mockHttp(agent());
  return teraswitchAdapter.verify(
    { account: account(baseUrl), credential: null, http },
    secret,
    scope,
  );
}

const pool = () => agent().get(ORIGIN);

describe('info', () => {
  it('is guided, with the Owner and Accounting roles and a required project', () => {
    const info = ProviderInfoSchema.parse(teraswitchAdapter.info);
    expect(info).toMatchObject({
      kind: 'teraswitch',
      mode: 'guided',
      credentialNeed: 'none',
      defaultBaseUrl: 'https://api.tsw.io/v2',
      capabilities: {
        track: true,
        create: false,
        roles: ['Owner', 'Accounting'],
        expiryDays: null,
        maxActive: null,
      },
    });
    expect(info.trackFields.map((field) => [field.key, field.required])).toEqual([
      ['project', true],
    ]);
    expect(teraswitchAdapter.tokenPageUrl(account())).toBe('https://beta.tsw.io/');
  });
});

describe('verify', () => {
  it('proves an Owner token with the project’s instances', async () => {
    pool()
      .intercept({
        path: '/v2/Instance?Limit=1&ProjectId=4101',
        method: 'GET',
        headers: { authorization: `Bearer ${CREDENTIAL}` },
      })
      .reply(200, envelope, json);
    await expect(verify({ project: '4101', role: 'Owner' })).resolves.toBeUndefined();
  });

  it('says an Owner token refused for the project is of another project or role', async () => {
    pool()
      .intercept({ path: '/v2/Instance?Limit=1&ProjectId=4102', method: 'GET' })
      .reply(403, refused, json);
    const error = await appErrorOf(verify({ project: '4102', role: 'Owner' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('project 4102');
    expect(error.message).toContain('Accounting role');
  });

  it('proves an Accounting token with billing, and that it may not list instances', async () => {
    pool().intercept({ path: '/v2/Invoice?limit=1', method: 'GET' }).reply(200, envelope, json);
    pool()
      .intercept({ path: '/v2/Instance?Limit=1&ProjectId=4101', method: 'GET' })
      .reply(403, refused, json);
    await expect(verify({ project: '4101', role: 'Accounting' })).resolves.toBeUndefined();
  });

  it('refuses to record an Owner token as Accounting', async () => {
    pool().intercept({ path: '/v2/Invoice?limit=1', method: 'GET' }).reply(200, envelope, json);
    pool()
      .intercept({ path: '/v2/Instance?Limit=1&ProjectId=4101', method: 'GET' })
      .reply(200, envelope, json);
    const error = await appErrorOf(verify({ project: '4101', role: 'Accounting' }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('Owner role');
  });

  it('maps 401 to AUTH_FAILED, telling an Inactive token from a wrong one, with no secret', async () => {
    pool()
      .intercept({ path: '/v2/Invoice?limit=1', method: 'GET' })
      .reply(401, { success: false, message: 'API token is inactive' }, json);
    const error = await appErrorOf(verify({ project: null, role: null }));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.reason).toBe('token_inactive');
    expect(error.message).toContain('Inactive');
    expect(error.message).not.toContain(CREDENTIAL);

    pool()
      .intercept({ path: '/v2/Invoice?limit=1', method: 'GET' })
      .reply(401, { success: false, message: 'Invalid API token' }, json);
    const wrong = await appErrorOf(verify({ project: null, role: null }));
    expect(wrong.code).toBe('AUTH_FAILED');
    expect(wrong.reason).toBeUndefined();
    expect(wrong.message).toContain('revoked');
  });

  it('refuses a pasted value that is not tokenId:secret before any request', async () => {
    const error = await appErrorOf(verify({ project: '4101', role: 'Owner' }, 'just-a-secret'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('tokenId:secret');
  });

  it('refuses a project that is not a project number', async () => {
    const error = await appErrorOf(verify({ project: 'web-prod', role: 'Owner' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('“web-prod”');
  });

  it('adds /v2 to a bare host and refuses an answer outside the envelope', async () => {
    agent()
      .get('https://tsw.corp.example')
      .intercept({ path: '/v2/Instance?Limit=1', method: 'GET' })
      .reply(200, { result: [] }, json);
    const error = await appErrorOf(
      verify({ project: null, role: 'Owner' }, CREDENTIAL, 'https://tsw.corp.example'),
    );
    expect(error.code).toBe('BAD_RESPONSE');
  });
});

describe('describeSecret and isTokenOf', () => {
  it('shows the partial Token Id the portal shows', () => {
    expect(teraswitchAdapter.describeSecret(CREDENTIAL)).toEqual({ prefix: '3f2a9c1e' });
    expect(teraswitchAdapter.describeSecret('no-colon-here')).toEqual({ prefix: null });
  });

  it('matches a tracked token by its partial id', () => {
    const token = { prefix: '3f2a9c1e' } as ServiceToken;
    expect(teraswitchAdapter.isTokenOf(token, CREDENTIAL)).toBe(true);
    expect(teraswitchAdapter.isTokenOf(token, `9${TOKEN_ID.slice(1)}:secret`)).toBe(false);
  });
});
