import { describe, expect, it } from 'vitest';
import { ProviderInfoSchema, type Account } from '../../../../shared/model';
import { appErrorOf } from '../test-support/app-error-of';
import { json, mockAgentPerTest, mockHttp } from '../test-support/mock-service';
import { testAccount } from '../test-support/test-account';
import type { ServiceToken } from '../provider-adapter';
import { githubAdapter } from './github.adapter';

const ORIGIN = 'https://api.github.com';
const CLASSIC = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
const FINE_GRAINED = `github_pat_11ABCDEFG0123456789abc_${'x'.repeat(59)}`;

const agent = mockAgentPerTest();

function account(baseUrl = ORIGIN): Account {
  return testAccount({ provider: 'github', baseUrl, mode: 'guided' });
}

function verify(secret: string, baseUrl = ORIGIN) {
  const http = mockHttp(agent());
  return githubAdapter.verify({ account: account(baseUrl), credential: null, http }, secret);
}

describe('info', () => {
  it('is a guided service whose tokens are tracked and verified only', () => {
    const info = ProviderInfoSchema.parse(githubAdapter.info);
    expect(info).toMatchObject({
      kind: 'github',
      mode: 'guided',
      credentialNeed: 'none',
      defaultBaseUrl: 'https://api.github.com',
      capabilities: { track: true, verify: true, create: false, revoke: false, rename: false },
    });
  });
});

describe('tokenPageUrl', () => {
  it('points at github.com for the public API and at the GHES host for an enterprise server', () => {
    expect(githubAdapter.tokenPageUrl(account())).toBe('https://github.com/settings/tokens');
    expect(githubAdapter.tokenPageUrl(account('https://ghe.corp.example/api/v3'))).toBe(
      'https://ghe.corp.example/settings/tokens',
    );
  });
});

describe('verify', () => {
  it('GETs /user with the token as a bearer and GitHub’s API headers', async () => {
    agent()
      .get(ORIGIN)
      .intercept({
        path: '/user',
        method: 'GET',
        headers: {
          authorization: `Bearer ${CLASSIC}`,
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
        },
      })
      .reply(200, { login: 'octocat', id: 1 }, json);
    await expect(verify(CLASSIC)).resolves.toBeUndefined();
  });

  it('uses the enterprise server’s API path', async () => {
    agent()
      .get('https://ghe.corp.example')
      .intercept({ path: '/api/v3/user', method: 'GET' })
      .reply(200, { login: 'octocat' }, json);
    await expect(verify(CLASSIC, 'https://ghe.corp.example/api/v3')).resolves.toBeUndefined();
  });

  it('maps 401 to AUTH_FAILED with a clear message and no secret', async () => {
    agent()
      .get(ORIGIN)
      .intercept({ path: '/user', method: 'GET' })
      .reply(401, { message: 'Bad credentials' }, json);
    const error = await appErrorOf(verify(CLASSIC));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toBe(
      'GitHub refused the token (HTTP 401): it is wrong, expired or revoked.',
    );
  });

  it('refuses an answer that is not GitHub’s user (a proxy page)', async () => {
    agent().get(ORIGIN).intercept({ path: '/user', method: 'GET' }).reply(200, '<html></html>');
    expect((await appErrorOf(verify(CLASSIC))).code).toBe('BAD_RESPONSE');
  });
});

describe('describeSecret and isTokenOf', () => {
  it.each([
    [CLASSIC, 'ghp_16C7'],
    [FINE_GRAINED, 'github_pat_11AB'],
    ['gho_abcdefghijklmnopqrstuvwxyz0123456789', 'gho_abcd'],
    ['0123456789abcdef0123456789abcdef01234567', null],
  ])('shows %s as %s', (secret, prefix) => {
    expect(githubAdapter.describeSecret(secret)).toEqual({ prefix });
  });

  it('matches a tracked token by its prefix', () => {
    const token = { prefix: 'ghp_16C7' } as ServiceToken;
    expect(githubAdapter.isTokenOf(token, CLASSIC)).toBe(true);
    expect(githubAdapter.isTokenOf(token, 'ghp_other000000000000000000000000000000')).toBe(false);
    expect(githubAdapter.isTokenOf({ prefix: null } as ServiceToken, CLASSIC)).toBe(false);
  });
});
