import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { ProviderInfoSchema } from '../../../../shared/model';
import { appErrorOf } from '../test-support/app-error-of';
import { json, mockAgentPerTest, mockHttp } from '../test-support/mock-service';
import { testAccount } from '../test-support/test-account';
import type { ManagedContext } from '../provider-adapter';
import { createGitlabAdapter } from './gitlab.adapter';

const ORIGIN = 'https://gitlab.test';
const CREDENTIAL = 'glpat-management00000000000';
const SECRET = 'glpat-newsecret000000000000';
const NOW = new Date('2025-06-01T12:00:00.000Z');
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

const agent = mockAgentPerTest();
const adapter = createGitlabAdapter({ clock: { now: () => NOW } });

function context(settings: Record<string, string>): ManagedContext {
  const account = testAccount({ provider: 'gitlab', baseUrl: ORIGIN, settings, mode: 'roll' });
  const http = mockHttp(agent());
  return { account, credential: CREDENTIAL, http };
}
const personal = () => context({ tokenType: 'personal' });
const project = () => context({ tokenType: 'project', project: 'acme/web', role: 'Developer' });

function token(fields: Record<string, unknown> = {}) {
  return {
    id: 7,
    name: 'ci',
    revoked: false,
    active: true,
    created_at: '2025-05-01T10:00:00.000Z',
    description: null,
    scopes: ['api'],
    user_id: 3,
    last_used_at: null,
    expires_at: '2025-07-01',
    ...fields,
  };
}

function expectSelf(secret: string, body: Record<string, unknown> = token({ id: 1 })) {
  agent()
    .get(ORIGIN)
    .intercept({
      path: '/api/v4/personal_access_tokens/self',
      method: 'GET',
      headers: bearer(secret),
    })
    .reply(200, body, json);
}

const calls = () => agent().getCallHistory()?.calls() ?? [];

describe('info and settings', () => {
  it('declares roll mode, expiry choices within 365 days, never-expiring refused, roles', () => {
    const info = ProviderInfoSchema.parse(adapter.info);
    expect(info).toMatchObject({ kind: 'gitlab', mode: 'roll', credentialNeed: 'required' });
    expect(info.capabilities).toMatchObject({
      create: true,
      revoke: true,
      neverExpires: false,
      expiryDays: [7, 30, 60, 90, 180, 365],
      roles: ['Guest', 'Planner', 'Reporter', 'Developer', 'Maintainer', 'Owner'],
    });
  });

  it('stores only known keys with defaults written out', () => {
    expect(adapter.parseSettings({ tokenType: 'personal', extra: 'x' })).toEqual({
      tokenType: 'personal',
      scopes: 'read_api',
    });
    expect(
      adapter.parseSettings({
        tokenType: 'project',
        project: ' acme/web ',
        scopes: 'api, read_repository',
      }),
    ).toEqual({
      tokenType: 'project',
      project: 'acme/web',
      role: 'Maintainer',
      scopes: 'api,read_repository',
    });
  });

  it.each([
    [{}, 'personal or project'],
    [{ tokenType: 'project' }, 'Enter the project'],
    [{ tokenType: 'project', project: '../x' }, 'path'],
    [{ tokenType: 'personal', project: 'acme/web' }, 'only for project tokens'],
    [{ tokenType: 'personal', userId: 'alice' }, 'is a number'],
    [{ tokenType: 'project', project: '12', role: 'Boss' }, 'role must be one of'],
    [{ tokenType: 'project', project: '12', scopes: 'sudo' }, 'cannot have the scope sudo'],
  ])('refuses %j with VALIDATION', (settings, text) => {
    let caught: unknown;
    try {
      adapter.parseSettings(settings);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('VALIDATION');
    expect((caught as AppError).message).toContain(text);
  });

  it('links to the token pages of the web UI', () => {
    expect(adapter.tokenPageUrl(personal().account)).toBe(
      `${ORIGIN}/-/user_settings/personal_access_tokens`,
    );
    expect(adapter.tokenPageUrl(project().account)).toBe(
      `${ORIGIN}/acme/web/-/settings/access_tokens`,
    );
  });
});

describe('listTokens', () => {
  it("lists the credential's user's unrevoked tokens across pages and maps every field", async () => {
    expectSelf(CREDENTIAL, token({ id: 1, user_id: 3 }));
    const list = (page: number, next: string, items: unknown[]) =>
      agent()
        .get(ORIGIN)
        .intercept({
          path: `/api/v4/personal_access_tokens?user_id=3&revoked=false&per_page=100&page=${page}`,
          method: 'GET',
          headers: bearer(CREDENTIAL),
        })
        .reply(200, items, { headers: { ...json.headers, 'x-next-page': next } });
    list(1, '2', [
      token({ id: 1, name: 'tokendesk' }),
      token({ last_used_at: '2025-05-30T08:00:00.123Z', description: 'CI' }),
    ]);
    list(2, '', [
      token({ id: 8, expires_at: '2025-06-01' }),
      token({ id: 9, active: false }),
      token({ id: 10, user_id: 4 }),
    ]);

    const tokens = await adapter.listTokens(personal());
    expect(tokens.map((t) => [t.id, t.status])).toEqual([
      ['1', 'active'],
      ['7', 'active'],
      // Expired at 00:00 UTC on its expires_at date.
      ['8', 'expired'],
      ['9', 'inactive'],
    ]);
    expect(tokens[1]).toEqual({
      id: '7',
      name: 'ci',
      prefix: 'glpat-',
      description: 'CI',
      project: null,
      role: null,
      scopes: ['api'],
      createdAt: '2025-05-01T10:00:00.000Z',
      expiresAt: '2025-07-01T00:00:00.000Z',
      lastUsedAt: '2025-05-30T08:00:00.123Z',
      status: 'active',
      extended: false,
    });
    // GitLab answered /self for the credential: that is how its token is recognized.
    expect(tokens.filter((t) => adapter.isTokenOf(t, CREDENTIAL)).map((t) => t.id)).toEqual(['1']);
  });

  it("lists a project's tokens by its encoded path, with roles, following Link's next page", async () => {
    expectSelf(CREDENTIAL);
    const path = '/api/v4/projects/acme%2Fweb/access_tokens?revoked=false&per_page=100';
    agent()
      .get(ORIGIN)
      .intercept({ path: `${path}&page=1`, method: 'GET' })
      .reply(200, [token({ access_level: 30 })], {
        headers: {
          ...json.headers,
          link: `<https://elsewhere.test/x?page=2&per_page=100>; rel="next", <https://elsewhere.test/x?page=2>; rel="last"`,
        },
      });
    agent()
      .get(ORIGIN)
      .intercept({ path: `${path}&page=2`, method: 'GET' })
      .reply(200, [token({ id: 12, access_level: 50 })], json);
    const tokens = await adapter.listTokens(project());
    expect(tokens.map((t) => [t.id, t.project, t.role])).toEqual([
      ['7', 'acme/web', 'Developer'],
      ['12', 'acme/web', 'Owner'],
    ]);
  });

  it('names the project when GitLab cannot find it', async () => {
    expectSelf(CREDENTIAL);
    agent()
      .get(ORIGIN)
      .intercept({ path: /access_tokens/, method: 'GET' })
      .reply(404, { message: '404 Project Not Found' }, json);
    const error = await appErrorOf(adapter.listTokens(project()));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('"acme/web"');
  });
});

describe('createToken', () => {
  it('creates a project token with the account role and a date 30 days ahead', async () => {
    agent()
      .get(ORIGIN)
      .intercept({
        path: '/api/v4/projects/acme%2Fweb/access_tokens',
        method: 'POST',
        body: (text) => {
          expect(JSON.parse(text)).toEqual({
            name: 'ci',
            scopes: ['read_api'],
            expires_at: '2025-07-01',
            description: 'deploys',
            access_level: 30,
          });
          return true;
        },
      })
      .reply(201, { ...token({ access_level: 30, scopes: ['read_api'] }), token: SECRET }, json);
    const created = await adapter.createToken(project(), {
      name: 'ci',
      description: 'deploys',
      expiry: { kind: 'days', days: 30 },
    });
    expect(created.secret).toBe(SECRET);
    expect(created.token).toMatchObject({ id: '7', role: 'Developer', project: 'acme/web' });
    expect(adapter.isTokenOf(created.token, SECRET)).toBe(true);
  });

  it.each([
    [{ kind: 'never' } as const, 'must expire'],
    [{ kind: 'days', days: 400 } as const, 'at most 365 days'],
  ])('refuses expiry %j before calling GitLab', async (expiry, text) => {
    const error = await appErrorOf(adapter.createToken(project(), { name: 'x', expiry }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(text);
    expect(calls()).toHaveLength(0);
  });

  it('explains that only administrators create personal tokens through the API', async () => {
    expectSelf(CREDENTIAL, token({ id: 1, user_id: 3 }));
    agent()
      .get(ORIGIN)
      .intercept({ path: '/api/v4/users/3/personal_access_tokens', method: 'POST' })
      .reply(403, { message: '403 Forbidden' }, json);
    const error = await appErrorOf(
      adapter.createToken(personal(), { name: 'x', expiry: { kind: 'days', days: 7 } }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('administrator');
  });
});

describe('rollToken', () => {
  it('rotates by id, keeping the lifetime up to GitLab’s 365 days', async () => {
    agent()
      .get(ORIGIN)
      .intercept({
        path: '/api/v4/personal_access_tokens/7/rotate',
        method: 'POST',
        headers: bearer(CREDENTIAL),
        body: (text) => (JSON.parse(text) as { expires_at?: string }).expires_at === '2026-06-01',
      })
      .reply(200, { ...token({ id: 11 }), token: SECRET }, json);
    const rolled = await adapter.rollToken(personal(), '7', { kind: 'days', days: 500 });
    expect(rolled).toMatchObject({ secret: SECRET, token: { id: '11', name: 'ci' } });
  });

  it('never sends a roll twice, even after a connection reset', async () => {
    agent()
      .get(ORIGIN)
      .intercept({ path: '/api/v4/projects/acme%2Fweb/access_tokens/7/rotate', method: 'POST' })
      .replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    const error = await appErrorOf(adapter.rollToken(project(), '7', { kind: 'days', days: 30 }));
    expect(error.code).toBe('UNREACHABLE');
    expect(calls()).toHaveLength(1);
  });
});

describe('revokeToken', () => {
  it('deletes by id and takes 404 as already revoked', async () => {
    agent()
      .get(ORIGIN)
      .intercept({ path: '/api/v4/projects/acme%2Fweb/access_tokens/7', method: 'DELETE' })
      .reply(404, { message: '404 Not found' }, json);
    await expect(adapter.revokeToken(project(), '7')).resolves.toBeUndefined();
  });
});

describe('verify', () => {
  it('maps 401 to AUTH_FAILED without the secret', async () => {
    agent()
      .get(ORIGIN)
      .intercept({ path: '/api/v4/personal_access_tokens/self', method: 'GET' })
      .reply(401, { error: 'invalid_token', error_description: `revoked ${SECRET}` }, json);
    const error = await appErrorOf(adapter.verify(personal(), SECRET));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).not.toContain(SECRET);
  });

  it("checks a project token's project and role with the account's credential", async () => {
    const scope = { project: 'acme/web', role: 'Maintainer' };
    const lookup = () =>
      agent()
        .get(ORIGIN)
        .intercept({
          path: '/api/v4/projects/acme%2Fweb/access_tokens/7',
          method: 'GET',
          headers: bearer(CREDENTIAL),
        });
    expectSelf(SECRET, token());
    lookup().reply(200, token({ access_level: 40 }), json);
    await expect(adapter.verify(project(), SECRET, scope)).resolves.toBeUndefined();

    expectSelf(SECRET, token());
    lookup().reply(200, token({ access_level: 30 }), json);
    const weaker = await appErrorOf(adapter.verify(project(), SECRET, scope));
    expect([weaker.code, weaker.message]).toEqual([
      'FORBIDDEN',
      expect.stringContaining('Developer, not Maintainer') as unknown,
    ]);

    expectSelf(SECRET, token());
    lookup().reply(404, { message: '404 Not found' }, json);
    expect((await appErrorOf(adapter.verify(project(), SECRET, scope))).code).toBe('FORBIDDEN');

    // TokenDesk's own credential failing is no proof that the checked token is dead.
    expectSelf(SECRET, token());
    lookup().reply(401, { message: '401 Unauthorized' }, json);
    const own = await appErrorOf(adapter.verify(project(), SECRET, scope));
    expect([own.code, own.message]).toEqual([
      'FORBIDDEN',
      expect.stringContaining("TokenDesk's own credential") as unknown,
    ]);
  });

  it('shows only the type prefix of a secret', () => {
    expect(adapter.describeSecret(SECRET)).toEqual({ prefix: 'glpat-' });
    expect(adapter.describeSecret('no-prefix-here'.replace(/-/g, ''))).toEqual({ prefix: null });
  });
});
