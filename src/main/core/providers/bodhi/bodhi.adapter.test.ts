import { describe, expect, it } from 'vitest';
import { ProviderInfoSchema } from '../../../../shared/model';
import type { Account } from '../../../../shared/model';
import { appErrorOf } from '../test-support/app-error-of';
import { json, mockAgentPerTest, mockHttp } from '../test-support/mock-service';
import { testAccount } from '../test-support/test-account';
import type { ManagedContext, ServiceToken } from '../provider-adapter';
import { createBodhiAdapter } from './bodhi.adapter';

const ORIGIN = 'http://localhost:1135';
const SESSION = 'f3a9c0d2e1b4a5968778695a4b3c2d1e';
const TOKEN = 'sk-bodhiapp_AbCdEfGh0123456789abcdefghijklmnopqrstuvwxyzAB12345.resource-x';
const NOW = new Date('2025-06-01T12:00:00.000Z');
const DAY = 24 * 3600_000;
const cookie = { cookie: `bodhiapp_session_id=${SESSION}` };
const adapter = createBodhiAdapter();

const agent = mockAgentPerTest();

function account(): Account {
  return testAccount({ provider: 'bodhi', baseUrl: ORIGIN, mode: 'api' });
}

function context(credential = SESSION): ManagedContext {
  const http = mockHttp(agent());
  return { account: account(), credential, http };
}

function daysAgo(days: number): string {
  return new Date(NOW.getTime() - days * DAY).toISOString();
}

function item(id: string, fields: Record<string, unknown> = {}) {
  return {
    id,
    user_id: 'u1',
    name: `token-${id}`,
    token_prefix: `sk-bodhiapp_${id.padEnd(8, 'x').slice(0, 8)}`,
    scopes: 'scope_token_user',
    status: 'active',
    last_used_at: daysAgo(1),
    created_at: daysAgo(10),
    updated_at: daysAgo(1),
    ...fields,
  };
}

function replyPage(page: number, data: unknown[], total: number) {
  agent()
    .get(ORIGIN)
    .intercept({
      path: `/bodhi/v1/tokens?page=${page}&page_size=100`,
      method: 'GET',
      headers: cookie,
    })
    .reply(200, { data, total, page, page_size: 100 }, json);
}

function calls() {
  return agent().getCallHistory()?.calls() ?? [];
}

describe('info', () => {
  it('declares an optional session credential and what Bodhi lets TokenDesk do', () => {
    const info = ProviderInfoSchema.parse(adapter.info);
    expect(info).toMatchObject({
      kind: 'bodhi',
      mode: 'api',
      credentialNeed: 'optional',
      defaultBaseUrl: 'http://localhost:1135',
      capabilities: {
        create: true,
        track: true,
        revoke: true,
        rename: true,
        statusToggle: true,
        description: false,
        extended: false,
        expiryDays: [],
        neverExpires: true,
        scopes: ['scope_token_user', 'scope_token_power_user'],
      },
    });
    const rule = new RegExp(info.capabilities.nameRule?.pattern ?? '(?!)');
    expect(rule.test('chat-app')).toBe(true);
    expect(rule.test('ab')).toBe(false);
    expect(rule.test('two\nlines')).toBe(false);
  });

  it("links to the web UI's tokens page", () => {
    expect(adapter.tokenPageUrl(account())).toBe(`${ORIGIN}/ui/tokens/`);
  });
});

describe('listTokens', () => {
  it('maps every field, with the session cookie and never a bearer', async () => {
    replyPage(1, [item('01A', { status: 'inactive', last_used_at: null })], 1);
    const [token] = await adapter.listTokens(context());
    expect(token).toEqual<ServiceToken>({
      id: '01A',
      name: 'token-01A',
      prefix: 'sk-bodhiapp_01Axxxxx',
      description: null,
      project: null,
      role: null,
      scopes: ['scope_token_user'],
      createdAt: daysAgo(10),
      expiresAt: null,
      lastUsedAt: null,
      status: 'inactive',
      extended: false,
    });
    expect(calls()[0]?.headers).not.toHaveProperty('authorization');
  });

  it('reads every page until the total is reached', async () => {
    const first = Array.from({ length: 100 }, (_, i) => item(`A${String(i).padStart(3, '0')}`));
    replyPage(1, first, 130);
    replyPage(
      2,
      Array.from({ length: 30 }, (_, i) => item(`B${i}`)),
      130,
    );
    expect(await adapter.listTokens(context())).toHaveLength(130);
    expect(calls()).toHaveLength(2);
  });

  it('stops at an empty page even if the total promised more', async () => {
    replyPage(1, [item('01A')], 5);
    replyPage(2, [], 5);
    expect(await adapter.listTokens(context())).toHaveLength(1);
  });

  it('accepts a pasted Cookie header or name=value, and refuses an API token as session', async () => {
    replyPage(1, [], 0);
    await adapter.listTokens(context(`theme=dark; bodhiapp_session_id=${SESSION}; lang=en`));
    replyPage(1, [], 0);
    await adapter.listTokens(context(`bodhiapp_session_id=${SESSION}`));
    const error = await appErrorOf(adapter.listTokens(context(TOKEN)));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('API token');
    expect(error.message).not.toContain(TOKEN);
    const bad = await appErrorOf(adapter.listTokens(context('two words;\r\nx: y')));
    expect(bad.code).toBe('VALIDATION');
    expect(calls()).toHaveLength(2);
  });

  it('explains an expired session (401) and a session without the role (403)', async () => {
    agent()
      .get(ORIGIN)
      .intercept({ path: /\/bodhi\/v1\/tokens/, method: 'GET' })
      .reply(401, { error: { message: 'Session expired.', type: 'authentication_error' } }, json);
    const expired = await appErrorOf(adapter.listTokens(context()));
    expect(expired.code).toBe('AUTH_FAILED');
    expect(expired.message).toContain('Log in to Bodhi');
    agent()
      .get(ORIGIN)
      .intercept({ path: /\/bodhi\/v1\/tokens/, method: 'GET' })
      .reply(403, { error: { message: 'Insufficient permissions' } }, json);
    const forbidden = await appErrorOf(adapter.listTokens(context()));
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(forbidden.message).toContain('Power User');
  });
});

describe('createToken', () => {
  it('posts name and scope, then reads the new token back from the list by its prefix', async () => {
    agent()
      .get(ORIGIN)
      .intercept({
        path: '/bodhi/v1/tokens',
        method: 'POST',
        headers: cookie,
        body: (text) => {
          expect(JSON.parse(text)).toEqual({ name: 'ci-bot', scope: 'scope_token_power_user' });
          return true;
        },
      })
      .reply(201, { token: TOKEN }, json);
    replyPage(1, [item('01N', { name: 'ci-bot', token_prefix: TOKEN.slice(0, 20) })], 1);
    const created = await adapter.createToken(context(), {
      name: 'ci-bot',
      expiry: { kind: 'never' },
      scopes: ['scope_token_power_user'],
    });
    expect(created.secret).toBe(TOKEN);
    expect(created.token).toMatchObject({ id: '01N', name: 'ci-bot', prefix: TOKEN.slice(0, 20) });
  });

  it('refuses a name or scope Bodhi would refuse, before calling it', async () => {
    const short = await appErrorOf(
      adapter.createToken(context(), { name: 'ab', expiry: { kind: 'never' } }),
    );
    expect(short.code).toBe('VALIDATION');
    const scope = await appErrorOf(
      adapter.createToken(context(), {
        name: 'abc',
        expiry: { kind: 'never' },
        scopes: ['admin'],
      }),
    );
    expect(scope.code).toBe('VALIDATION');
    expect(calls()).toHaveLength(0);
  });

  it('says plainly when the token was created but cannot be read back, without its secret', async () => {
    agent()
      .get(ORIGIN)
      .intercept({ path: '/bodhi/v1/tokens', method: 'POST' })
      .reply(201, { token: TOKEN }, json);
    agent()
      .get(ORIGIN)
      .intercept({ path: /\/bodhi\/v1\/tokens\?/, method: 'GET' })
      .reply(500, { error: { message: 'db down' } }, json)
      .times(5);
    const error = await appErrorOf(
      adapter.createToken(context(), { name: 'abc', expiry: { kind: 'never' } }),
    );
    expect(error.code).toBe('SERVICE_ERROR');
    expect(error.message).toContain(TOKEN.slice(0, 20));
    expect(error.message).not.toContain(TOKEN);
  });
});

describe('rename and status', () => {
  function expectPut(body: Record<string, unknown>) {
    agent()
      .get(ORIGIN)
      .intercept({
        path: '/bodhi/v1/tokens/01A',
        method: 'PUT',
        headers: cookie,
        body: (text) => {
          expect(JSON.parse(text)).toEqual(body);
          return true;
        },
      })
      .reply(200, item('01A', body), json);
  }

  it('renames and keeps the current status, which Bodhi needs in the same request', async () => {
    replyPage(1, [item('01A', { status: 'inactive' })], 1);
    expectPut({ name: 'renamed', status: 'inactive' });
    await adapter.renameToken(context(), '01A', 'renamed');
    expect(calls().map((call) => call.method)).toEqual(['GET', 'PUT']);
  });

  it('switches status and keeps the current name', async () => {
    replyPage(1, [item('01A')], 1);
    expectPut({ name: 'token-01A', status: 'inactive' });
    await adapter.setTokenStatus(context(), '01A', 'inactive');
    expect(calls()).toHaveLength(2);
  });

  it('reports a token that is gone as NOT_FOUND without sending the update', async () => {
    replyPage(1, [], 0);
    const error = await appErrorOf(adapter.setTokenStatus(context(), '01A', 'active'));
    expect(error.code).toBe('NOT_FOUND');
    expect(calls()).toHaveLength(1);
  });
});

describe('revokeToken', () => {
  it('deletes by id and takes 404 as already gone', async () => {
    agent()
      .get(ORIGIN)
      .intercept({ path: '/bodhi/v1/tokens/01A', method: 'DELETE', headers: cookie })
      .reply(204, '');
    await adapter.revokeToken(context(), '01A');
    agent()
      .get(ORIGIN)
      .intercept({ path: '/bodhi/v1/tokens/01A', method: 'DELETE' })
      .reply(404, { error: { message: 'Token not found' } }, json);
    await expect(adapter.revokeToken(context(), '01A')).resolves.toBeUndefined();
  });
});

describe('verify', () => {
  function replyUser(body: object | string) {
    agent()
      .get(ORIGIN)
      .intercept({
        path: '/bodhi/v1/user',
        method: 'GET',
        headers: { authorization: `Bearer ${TOKEN}` },
      })
      .reply(200, body, json);
  }

  it('passes only when Bodhi says api_token, and sends no session cookie', async () => {
    replyUser({ auth_status: 'api_token', role: 'scope_token_user' });
    await expect(adapter.verify(context(), TOKEN)).resolves.toBeUndefined();
    expect(calls()[0]?.headers).not.toHaveProperty('cookie');
  });

  it.each([
    [{ auth_status: 'logged_out' }, '“logged_out”'],
    [{ auth_status: 'logged_in', username: 'me' }, '“logged_in”'],
    [{ auth_status: `weird ${TOKEN}` }, 'did not accept the token:'],
  ])('refuses a 200 answer of %j as AUTH_FAILED', async (body, text) => {
    replyUser(body);
    const error = await appErrorOf(adapter.verify(context(), TOKEN));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toContain(text);
    expect(error.message).toContain('30 days');
    expect(error.message).not.toContain(TOKEN);
  });

  it('does not take a login page for an answer', async () => {
    replyUser('<!DOCTYPE html><html>Login</html>');
    expect((await appErrorOf(adapter.verify(context(), TOKEN))).code).toBe('BAD_RESPONSE');
  });
});

describe('secrets', () => {
  it('shows the prefix Bodhi lists, and nothing for a secret not in its format', () => {
    expect(adapter.describeSecret(TOKEN)).toEqual({ prefix: TOKEN.slice(0, 20) });
    expect(adapter.describeSecret('ghp_0123456789')).toEqual({ prefix: null });
  });

  it('matches a token by a full Bodhi prefix only', () => {
    const token = (prefix: string | null) => ({ prefix }) as unknown as ServiceToken;
    expect(adapter.isTokenOf(token(TOKEN.slice(0, 20)), TOKEN)).toBe(true);
    expect(adapter.isTokenOf(token('sk-bodhiapp_'), TOKEN)).toBe(false);
    expect(adapter.isTokenOf(token(null), TOKEN)).toBe(false);
    expect(adapter.isTokenOf(token(TOKEN.slice(0, 20)), SESSION)).toBe(false);
  });
});
