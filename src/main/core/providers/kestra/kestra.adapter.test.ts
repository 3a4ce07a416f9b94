import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { ProviderInfoSchema } from '../../../../shared/model';
import type { Account } from '../../../../shared/model';
import { appErrorOf } from '../test-support/app-error-of';
import { json, mockAgentPerTest, mockHttp } from '../test-support/mock-service';
import { testAccount } from '../test-support/test-account';
import type { AccountContext, ServiceToken } from '../provider-adapter';
import { createKestraAdapter } from './kestra.adapter';

const ORIGIN = 'https://kestra.test';
const CREDENTIAL = 'mgmtSecret0123456789abcdefghijklmnopqrstuvwx';
const NEW_SECRET = 'newSecretAb0123456789abcdefghijklmnopqrstuvw';
const NOW = new Date('2025-06-01T12:00:00.000Z');
const auth = (secret: string) => ({ authorization: `Bearer ${secret}` });

const adapter = createKestraAdapter({ clock: { now: () => NOW } });
const agent = mockAgentPerTest();

function account(settings: Record<string, string>, baseUrl = `${ORIGIN}/`): Account {
  return testAccount({ provider: 'kestra', baseUrl, settings, mode: 'api' });
}

function context(settings: Record<string, string> = { userId: 'alice', tenant: 'main' }) {
  const http = mockHttp(agent());
  return { account: account(settings), credential: CREDENTIAL, http } satisfies AccountContext;
}

function pool() {
  return agent().get(ORIGIN);
}

describe('info', () => {
  it('is a valid ProviderInfo for an api-mode service with Kestra capabilities', () => {
    const info = ProviderInfoSchema.parse(adapter.info);
    expect(info).toMatchObject({
      kind: 'kestra',
      name: 'Kestra Enterprise',
      mode: 'api',
      defaultBaseUrl: null,
      capabilities: {
        create: true,
        revoke: true,
        rename: false,
        statusToggle: false,
        description: true,
        extended: true,
        expiryDays: null,
        neverExpires: true,
        maxActive: null,
      },
    });
    expect(info.accountFields.map((field) => [field.key, field.label, field.required])).toEqual([
      ['userId', 'User ID', false],
      ['serviceAccountId', 'Service account ID', false],
      ['tenant', 'Tenant', false],
    ]);
    const rule = new RegExp(info.capabilities.nameRule?.pattern ?? '(?!)');
    expect(rule.test('ci-deploy-2025')).toBe(true);
    expect(rule.test('CI_deploy')).toBe(false);
  });
});

describe('parseSettings', () => {
  it('trims, keeps only known keys and drops an empty tenant', () => {
    expect(adapter.parseSettings({ userId: ' alice ', tenant: ' main ', extra: 'x' })).toEqual({
      userId: 'alice',
      tenant: 'main',
    });
    expect(adapter.parseSettings({ userId: 'alice', tenant: '' })).toEqual({ userId: 'alice' });
  });

  it('keeps a service account instead of a user, with or without a tenant', () => {
    expect(
      adapter.parseSettings({ userId: ' ', serviceAccountId: ' sa-ci ', tenant: 'main' }),
    ).toEqual({ serviceAccountId: 'sa-ci', tenant: 'main' });
    expect(adapter.parseSettings({ serviceAccountId: 'sa-ci' })).toEqual({
      serviceAccountId: 'sa-ci',
    });
  });

  it.each([
    [{}, 'Enter the Kestra user ID'],
    [{ userId: '  ' }, 'Enter the Kestra user ID'],
    [{ userId: 'a/b' }, 'may contain only'],
    [{ serviceAccountId: 'sa 1' }, 'service account ID may contain only'],
    [{ userId: 'alice', serviceAccountId: 'sa-ci' }, 'not both'],
    [{ userId: 'alice', tenant: 'my tenant' }, 'tenant may contain only'],
    [{ userId: 'alice', tenant: '../x' }, 'tenant may contain only'],
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
});

describe('listTokens', () => {
  it('maps every field of a full item, and tolerates absent or null optional fields', async () => {
    pool()
      .intercept({
        path: '/api/v1/users/alice/api-tokens',
        method: 'GET',
        headers: auth(CREDENTIAL),
      })
      .reply(
        200,
        {
          total: 3,
          results: [
            {
              id: 't1',
              name: 'ci-deploy',
              description: 'CI',
              prefix: 'abcdefghijkl',
              iat: '2025-01-01T00:00:00.123456789Z',
              exp: '2025-07-01T00:00:00Z',
              lastUsed: '2025-05-30T10:00:00Z',
              extended: true,
              expired: false,
            },
            { id: 't2', name: 'bare' },
            {
              id: 't3',
              name: 'old',
              description: null,
              prefix: null,
              exp: '2025-02-01T00:00:00Z',
              expired: true,
            },
          ],
        },
        json,
      );
    const tokens = await adapter.listTokens(context());
    expect(tokens).toEqual<ServiceToken[]>([
      {
        id: 't1',
        name: 'ci-deploy',
        prefix: 'abcdefghijkl',
        description: 'CI',
        project: 'main',
        role: null,
        scopes: [],
        createdAt: '2025-01-01T00:00:00.123Z',
        expiresAt: '2025-07-01T00:00:00.000Z',
        lastUsedAt: '2025-05-30T10:00:00.000Z',
        status: 'active',
        extended: true,
      },
      {
        id: 't2',
        name: 'bare',
        prefix: null,
        description: null,
        project: 'main',
        role: null,
        scopes: [],
        createdAt: null,
        expiresAt: null,
        lastUsedAt: null,
        status: 'active',
        extended: false,
      },
      expect.objectContaining({ id: 't3', status: 'expired', prefix: null }) as ServiceToken,
    ]);
  });

  it('derives "expired" from exp when the service leaves the flag out', async () => {
    pool()
      .intercept({ path: '/api/v1/users/alice/api-tokens', method: 'GET' })
      .reply(200, { results: [{ id: 't', name: 'n', exp: '2025-05-31T00:00:00Z' }] }, json);
    const [token] = await adapter.listTokens(context({ userId: 'alice' }));
    expect(token?.status).toBe('expired');
    expect(token?.project).toBeNull();
  });

  it('builds the URL from a base URL with a path and encodes the user id', async () => {
    const ctx = {
      ...context({ userId: 'a.b@corp' }),
      account: account({ userId: 'a.b@corp' }, `${ORIGIN}/kestra//`),
    };
    pool()
      .intercept({ path: '/kestra/api/v1/users/a.b%40corp/api-tokens', method: 'GET' })
      .reply(200, { results: [] }, json);
    expect(await adapter.listTokens(ctx)).toEqual([]);
  });

  it('reports a response without results as BAD_RESPONSE', async () => {
    pool()
      .intercept({ path: '/api/v1/users/alice/api-tokens', method: 'GET' })
      .reply(200, { items: [] }, json);
    expect((await appErrorOf(adapter.listTokens(context()))).code).toBe('BAD_RESPONSE');
  });

  it('maps an unknown user to NOT_FOUND with the service message', async () => {
    pool()
      .intercept({ path: '/api/v1/users/alice/api-tokens', method: 'GET' })
      .reply(404, { message: 'User not found' }, json);
    const error = await appErrorOf(adapter.listTokens(context()));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('Kestra');
    expect(error.message).toContain('User not found');
  });
});

describe('createToken', () => {
  function expectCreate(body: Record<string, unknown>) {
    pool()
      .intercept({
        path: '/api/v1/users/alice/api-tokens',
        method: 'POST',
        headers: auth(CREDENTIAL),
        body: (text) => {
          expect(JSON.parse(text)).toEqual(body);
          return true;
        },
      })
      .reply(201, { id: 'new-id', name: body.name, fullToken: NEW_SECRET }, json);
  }

  it('sends maxAge P{days}D and extended, and returns the token with its secret', async () => {
    expectCreate({ name: 'ci-deploy', description: 'CI', maxAge: 'P30D', extended: true });
    const created = await adapter.createToken(context(), {
      name: 'ci-deploy',
      description: 'CI',
      expiry: { kind: 'days', days: 30 },
      extended: true,
    });
    expect(created).toEqual({
      secret: NEW_SECRET,
      token: {
        id: 'new-id',
        name: 'ci-deploy',
        prefix: NEW_SECRET.slice(0, 12),
        description: 'CI',
        project: 'main',
        role: null,
        scopes: [],
        createdAt: NOW.toISOString(),
        expiresAt: '2025-07-01T12:00:00.000Z',
        lastUsedAt: null,
        status: 'active',
        extended: true,
      },
    });
  });

  it('sends no maxAge for a token that never expires', async () => {
    expectCreate({ name: 'forever' });
    const created = await adapter.createToken(context(), {
      name: 'forever',
      expiry: { kind: 'never' },
    });
    expect(created.token).toMatchObject({ expiresAt: null, extended: false, description: null });
  });

  it('refuses an extended token without expiry before calling Kestra', async () => {
    const error = await appErrorOf(
      adapter.createToken(context(), { name: 'x', expiry: { kind: 'never' }, extended: true }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(agent().getCallHistory()?.calls() ?? []).toHaveLength(0);
  });

  it("maps 422 to REJECTED_BY_SERVICE with the service's message", async () => {
    pool()
      .intercept({ path: '/api/v1/users/alice/api-tokens', method: 'POST' })
      .reply(422, { message: 'Invalid entity: name: must match "…"' }, json);
    const error = await appErrorOf(
      adapter.createToken(context(), { name: 'Bad', expiry: { kind: 'never' } }),
    );
    expect(error.code).toBe('REJECTED_BY_SERVICE');
    expect(error.message).toContain('Invalid entity: name: must match');
  });

  it('never retries the POST after a connection reset', async () => {
    pool()
      .intercept({ path: '/api/v1/users/alice/api-tokens', method: 'POST' })
      .replyWithError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    const error = await appErrorOf(
      adapter.createToken(context(), { name: 'x', expiry: { kind: 'never' } }),
    );
    expect(error.code).toBe('UNREACHABLE');
    expect(agent().getCallHistory()?.calls()).toHaveLength(1);
  });
});

describe('revokeToken', () => {
  it('deletes the token by id', async () => {
    pool()
      .intercept({
        path: '/api/v1/users/alice/api-tokens/tok%2F1',
        method: 'DELETE',
        headers: auth(CREDENTIAL),
      })
      .reply(204, '');
    await adapter.revokeToken(context(), 'tok/1');
    expect(agent().getCallHistory()?.calls()).toHaveLength(1);
  });

  it('treats 404 as already revoked', async () => {
    pool()
      .intercept({ path: '/api/v1/users/alice/api-tokens/gone', method: 'DELETE' })
      .reply(404, { message: 'API token not found' }, json);
    await expect(adapter.revokeToken(context(), 'gone')).resolves.toBeUndefined();
  });

  it('maps 403 to FORBIDDEN', async () => {
    pool()
      .intercept({ path: '/api/v1/users/alice/api-tokens/t', method: 'DELETE' })
      .reply(403, { message: 'Forbidden' }, json);
    expect((await appErrorOf(adapter.revokeToken(context(), 't'))).code).toBe('FORBIDDEN');
  });
});

describe('verify', () => {
  it('searches flows in the tenant with the given secret as Bearer', async () => {
    pool()
      .intercept({
        path: '/api/v1/main/flows/search?size=1',
        method: 'GET',
        headers: auth(NEW_SECRET),
      })
      .reply(200, { results: [], total: 0 }, json);
    await expect(adapter.verify(context(), NEW_SECRET)).resolves.toBeUndefined();
  });

  it('searches without a tenant segment when the account has none', async () => {
    pool()
      .intercept({ path: '/api/v1/flows/search?size=1', method: 'GET' })
      .reply(200, { results: [], total: 0 }, json);
    await expect(adapter.verify(context({ userId: 'alice' }), NEW_SECRET)).resolves.toBeUndefined();
  });

  it('maps 401 to AUTH_FAILED "the token was refused", without the secret', async () => {
    pool()
      .intercept({ path: '/api/v1/main/flows/search?size=1', method: 'GET' })
      .reply(401, { message: `Invalid token ${NEW_SECRET}` }, json);
    const error = await appErrorOf(adapter.verify(context(), NEW_SECRET));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain('Kestra refused the token');
    expect(error.message).not.toContain(NEW_SECRET);
  });

  it('maps 403 to FORBIDDEN naming the tenant', async () => {
    pool().intercept({ path: '/api/v1/main/flows/search?size=1', method: 'GET' }).reply(403, '');
    const error = await appErrorOf(adapter.verify(context(), NEW_SECRET));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('tenant "main"');
  });

  it('does not take a 200 login page for a working token', async () => {
    pool()
      .intercept({ path: '/api/v1/main/flows/search?size=1', method: 'GET' })
      .reply(200, '<!DOCTYPE html><html><body>Login</body></html>', {
        headers: { 'content-type': 'text/html' },
      });
    expect((await appErrorOf(adapter.verify(context(), NEW_SECRET))).code).toBe('BAD_RESPONSE');
  });
});

describe('service-account tokens', () => {
  const saSettings = { serviceAccountId: 'sa-ci', tenant: 'main' };
  const saPath = '/api/v1/main/service-accounts/sa-ci/api-tokens';

  it('lists them under the tenant, with the tenant as the project', async () => {
    pool()
      .intercept({ path: saPath, method: 'GET', headers: auth(CREDENTIAL) })
      .reply(200, { results: [{ id: 't1', name: 'robot', prefix: 'abcdefghijkl' }] }, json);
    const [token] = await adapter.listTokens(context(saSettings));
    expect(token).toMatchObject({ id: 't1', name: 'robot', project: 'main' });
  });

  it('uses the superadmin route without a tenant segment when the account has no tenant', async () => {
    pool()
      .intercept({ path: '/api/v1/service-accounts/sa%40ci/api-tokens', method: 'GET' })
      .reply(200, { results: [] }, json);
    expect(await adapter.listTokens(context({ serviceAccountId: 'sa@ci' }))).toEqual([]);
  });

  it("creates one with the service account route's 200 answer", async () => {
    pool()
      .intercept({
        path: saPath,
        method: 'POST',
        body: (text) => {
          expect(JSON.parse(text)).toEqual({ name: 'robot', maxAge: 'P7D', extended: true });
          return true;
        },
      })
      .reply(200, { id: 'new-id', name: 'robot', fullToken: NEW_SECRET }, json);
    const created = await adapter.createToken(context(saSettings), {
      name: 'robot',
      expiry: { kind: 'days', days: 7 },
      extended: true,
    });
    expect(created.secret).toBe(NEW_SECRET);
    expect(created.token).toMatchObject({ id: 'new-id', project: 'main', extended: true });
  });

  it('revokes one by id under the tenant, accepting 200', async () => {
    pool()
      .intercept({ path: `${saPath}/t1`, method: 'DELETE' })
      .reply(200, '');
    await expect(adapter.revokeToken(context(saSettings), 't1')).resolves.toBeUndefined();
    expect(agent().getCallHistory()?.calls()).toHaveLength(1);
  });
});

describe('verify in the scope of a token', () => {
  it("searches flows in the scope's tenant when one is given", async () => {
    pool()
      .intercept({ path: '/api/v1/other/flows/search?size=1', method: 'GET' })
      .reply(403, { message: 'Forbidden' }, json);
    const error = await appErrorOf(
      adapter.verify(context(), NEW_SECRET, { project: 'other', role: null }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('tenant "other"');
  });

  it("keeps the account's tenant when the scope names none", async () => {
    pool()
      .intercept({ path: '/api/v1/main/flows/search?size=1', method: 'GET' })
      .reply(200, { results: [] }, json);
    await expect(
      adapter.verify(context(), NEW_SECRET, { project: null, role: null }),
    ).resolves.toBeUndefined();
  });
});

describe('isTokenOf', () => {
  const token = (prefix: string | null) =>
    ({ id: 't', name: 'n', prefix }) as unknown as ServiceToken;

  it('matches a secret that starts with the listed prefix', () => {
    expect(adapter.isTokenOf(token(NEW_SECRET.slice(0, 12)), NEW_SECRET)).toBe(true);
    expect(adapter.isTokenOf(token(CREDENTIAL.slice(0, 12)), NEW_SECRET)).toBe(false);
  });

  it('never matches without a prefix long enough to identify a token', () => {
    expect(adapter.isTokenOf(token(null), NEW_SECRET)).toBe(false);
    expect(adapter.isTokenOf(token(''), NEW_SECRET)).toBe(false);
    expect(adapter.isTokenOf(token(NEW_SECRET.slice(0, 3)), NEW_SECRET)).toBe(false);
  });
});
