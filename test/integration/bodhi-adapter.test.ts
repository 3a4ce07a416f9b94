import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoBodhiSeed, DEMO_BODHI_USER } from '../../sim/bodhi/bodhi-seeds';
import { startBodhiSim, type BodhiSim } from '../../sim/bodhi/bodhi.sim';
import { DEFAULT_CLIENT_ID } from '../../sim/bodhi/bodhi-state';
import { newBodhiToken } from '../../sim/bodhi/bodhi-token-format';
import { createHttpClient } from '../../src/main/core/http/http-client';
import type { HttpClient } from '../../src/main/core/http/http-client.types';
import type { ManagedContext, ServiceToken } from '../../src/main/core/providers/provider-adapter';
import { appErrorOf } from '../../src/main/core/providers/test-support/app-error-of';
import { testAccount } from '../../src/main/core/providers/test-support/test-account';
import { createBodhiAdapter } from '../../src/main/core/providers/bodhi/bodhi.adapter';

// The Bodhi adapter against the Bodhi simulator over loopback, on the simulator's clock: the
// service's rules as sim/bodhi/bodhi.sim.test.ts specifies them.

const DAY = 24 * 3600_000;

let sim: BodhiSim;
let chatSecret: string;
let clients: HttpClient[];
const adapter = createBodhiAdapter();

beforeEach(async () => {
  chatSecret = newBodhiToken(DEFAULT_CLIENT_ID);
  sim = await startBodhiSim(demoBodhiSeed(chatSecret, DEFAULT_CLIENT_ID));
  clients = [];
});

afterEach(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await sim.close();
});

function context(credential = sim.sessionCookieFor(DEMO_BODHI_USER)): ManagedContext {
  const http = createHttpClient({
    sleep: (ms) => {
      sim.advanceClock(ms);
      return Promise.resolve();
    },
  });
  clients.push(http);
  return {
    account: testAccount({ provider: 'bodhi', baseUrl: sim.url, mode: 'api' }),
    credential,
    http,
  };
}

function byName(tokens: ServiceToken[], name: string): ServiceToken {
  const token = tokens.find((t) => t.name === name);
  if (token === undefined) throw new Error(`no token ${name}`);
  return token;
}

describe('listing with a session', () => {
  it("shows the user's own tokens with the service's prefix, status and last use", async () => {
    const tokens = await adapter.listTokens(context());
    expect(tokens.map((t) => t.name).sort()).toEqual([
      'chat-app',
      'notebook',
      'old-script',
      'paused-ci',
      'spare',
    ]);
    for (const view of sim.tokens().filter((t) => t.username === DEMO_BODHI_USER)) {
      expect(byName(tokens, view.name)).toMatchObject({
        id: view.id,
        prefix: view.tokenPrefix,
        status: view.status,
        lastUsedAt: view.lastUsedAt,
        createdAt: view.createdAt,
        scopes: [view.scope],
        expiresAt: null,
      });
    }
    expect(byName(tokens, 'old-script').status).toBe('inactive');
    expect(adapter.isTokenOf(byName(tokens, 'chat-app'), chatSecret)).toBe(true);
    expect(JSON.stringify(tokens)).not.toContain(chatSecret);
  });

  it('refuses an API token as the session, explains an expired session and a weak role', async () => {
    const asToken = await appErrorOf(adapter.listTokens(context(chatSecret)));
    expect(asToken.code).toBe('VALIDATION');
    expect(sim.calls().filter((call) => call.route === 'listTokens')).toHaveLength(0);

    const ctx = context();
    sim.dashboard.expireSession({ username: DEMO_BODHI_USER });
    const expired = await appErrorOf(adapter.listTokens(ctx));
    expect(expired.code).toBe('AUTH_FAILED');
    expect(expired.message).toContain('session');

    const colleague = await appErrorOf(
      adapter.listTokens(context(sim.sessionCookieFor('colleague@bodhi.local'))),
    );
    expect(colleague.code).toBe('FORBIDDEN');
    expect(colleague.message).toContain('Power User');
  });
});

describe('rename and status', () => {
  it('renames a token and keeps its status', async () => {
    const ctx = context();
    const paused = byName(await adapter.listTokens(ctx), 'paused-ci');
    await adapter.renameToken(ctx, paused.id, 'paused-ci-2025');
    const after = sim.tokens().find((t) => t.id === paused.id);
    expect(after).toMatchObject({ name: 'paused-ci-2025', status: 'inactive' });
    const refused = await appErrorOf(adapter.renameToken(ctx, paused.id, 'ab'));
    expect(refused.code).toBe('VALIDATION');
  });

  it('switches a token off (its secret stops working) and on again', async () => {
    const ctx = context();
    const chat = byName(await adapter.listTokens(ctx), 'chat-app');
    await adapter.verify(ctx, chatSecret);

    await adapter.setTokenStatus(ctx, chat.id, 'inactive');
    expect(byName(await adapter.listTokens(ctx), 'chat-app').status).toBe('inactive');
    expect((await appErrorOf(adapter.verify(ctx, chatSecret))).code).toBe('AUTH_FAILED');

    await adapter.setTokenStatus(ctx, chat.id, 'active');
    expect(sim.tokens().find((t) => t.id === chat.id)).toMatchObject({
      name: 'chat-app',
      status: 'active',
    });
    await expect(adapter.verify(ctx, chatSecret)).resolves.toBeUndefined();
  });

  it('reports a token deleted meanwhile as NOT_FOUND', async () => {
    const ctx = context();
    const spare = byName(await adapter.listTokens(ctx), 'spare');
    sim.dashboard.revokeToken({ tokenId: spare.id });
    expect((await appErrorOf(adapter.setTokenStatus(ctx, spare.id, 'inactive'))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('the verify trap: Bodhi answers 200 for a bad token', () => {
  it('takes a 200 logged_out answer as a refusal, for forged, deleted and inactive tokens', async () => {
    const forged = `${chatSecret.slice(0, -6)}XXXXXX`;
    const raw = await fetch(`${sim.url}/bodhi/v1/user`, {
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(raw.status).toBe(200);
    expect(await raw.json()).toEqual({ auth_status: 'logged_out' });

    const ctx = context();
    const refused = await appErrorOf(adapter.verify(ctx, forged));
    expect(refused.code).toBe('AUTH_FAILED');
    expect(refused.message).toContain('logged_out');
    expect(refused.message).not.toContain(forged);

    expect(refused.reason).toBeUndefined();

    const paused = sim.tokens().find((t) => t.name === 'paused-ci');
    const switchedOff = await appErrorOf(adapter.verify(ctx, paused?.secret ?? ''));
    expect(switchedOff).toMatchObject({ code: 'AUTH_FAILED', reason: 'token_inactive' });
    expect(switchedOff.message).toContain('inactive');

    const chat = byName(await adapter.listTokens(ctx), 'chat-app');
    await adapter.revokeToken(ctx, chat.id);
    const deleted = await appErrorOf(adapter.verify(ctx, chatSecret));
    expect(deleted.code).toBe('AUTH_FAILED');
    expect(deleted.reason).toBeUndefined();
  });

  it('proves the token itself, not the session the account holds', async () => {
    const ctx = context();
    const forged = `${chatSecret.slice(0, -6)}XXXXXX`;
    expect((await appErrorOf(adapter.verify(ctx, forged))).code).toBe('AUTH_FAILED');
    await adapter.verify(ctx, chatSecret);
    expect(sim.lastUseOf(chatSecret)).toMatchObject({ route: 'getUser', sessionUser: null });
  });
});

describe('the 30-day idle rule on the service clock', () => {
  it('keeps a used token active and switches it off after 30 days without use', async () => {
    const ctx = context();
    const created = await adapter.createToken(ctx, {
      name: 'idle-check',
      expiry: { kind: 'never' },
    });
    expect(created.token).toMatchObject({ status: 'active', lastUsedAt: null });

    sim.advanceClock(26 * DAY);
    expect(byName(await adapter.listTokens(ctx), 'idle-check').status).toBe('active');
    await expect(adapter.verify(ctx, created.secret)).resolves.toBeUndefined();
    sim.advanceClock(26 * DAY);
    expect(byName(await adapter.listTokens(ctx), 'idle-check').status).toBe('active');

    sim.advanceClock(5 * DAY);
    const off = byName(await adapter.listTokens(ctx), 'idle-check');
    expect(off.status).toBe('inactive');
    expect(Date.parse(off.lastUsedAt ?? '')).toBe(
      Date.parse(sim.lastUseOf(created.secret)?.at ?? ''),
    );
    expect((await appErrorOf(adapter.verify(ctx, created.secret))).code).toBe('AUTH_FAILED');
  });

  it('counts a successful verify as use: it restarts the idle clock', async () => {
    const ctx = context();
    const created = await adapter.createToken(ctx, {
      name: 'kept-alive',
      expiry: { kind: 'never' },
    });
    sim.advanceClock(20 * DAY);
    await adapter.verify(ctx, created.secret);
    sim.advanceClock(20 * DAY);
    const token = byName(await adapter.listTokens(ctx), 'kept-alive');
    expect(token.status).toBe('active');
    expect(Date.parse(token.lastUsedAt ?? '')).toBe(
      Date.parse(sim.lastUseOf(created.secret)?.at ?? ''),
    );
  });

  it('a reactivated idle token works again', async () => {
    const ctx = context();
    const old = byName(await adapter.listTokens(ctx), 'old-script');
    const secret = sim.tokens().find((t) => t.id === old.id)?.secret ?? '';
    expect((await appErrorOf(adapter.verify(ctx, secret))).code).toBe('AUTH_FAILED');
    await adapter.setTokenStatus(ctx, old.id, 'active');
    await expect(adapter.verify(ctx, secret)).resolves.toBeUndefined();
  });

  it('a deactivated user switches off every token and ends the session', async () => {
    const ctx = context();
    await adapter.verify(ctx, chatSecret);
    sim.dashboard.deactivateUser({ username: DEMO_BODHI_USER });
    expect((await appErrorOf(adapter.verify(ctx, chatSecret))).code).toBe('AUTH_FAILED');
    expect((await appErrorOf(adapter.listTokens(ctx))).code).toBe('AUTH_FAILED');
  });
});

describe('create', () => {
  it('creates with the requested scope and reads id and dates back from the list', async () => {
    const ctx = context();
    const created = await adapter.createToken(ctx, {
      name: 'power-bot',
      expiry: { kind: 'never' },
      scopes: ['scope_token_power_user'],
    });
    const view = sim.tokens().find((t) => t.id === created.token.id);
    expect(view).toMatchObject({
      secret: created.secret,
      name: 'power-bot',
      scope: 'scope_token_power_user',
      tokenPrefix: created.token.prefix,
    });
    expect(created.token.scopes).toEqual(['scope_token_power_user']);
    await adapter.verify(ctx, created.secret);
  });
});
