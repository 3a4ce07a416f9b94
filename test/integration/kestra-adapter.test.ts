import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKestraSim } from '../../sim/kestra/kestra.sim';
import type { KestraSim } from '../../sim/kestra/kestra.sim';
import type { AppError } from '../../src/shared/errors';
import type { HttpClientOptions } from '../../src/main/core/http/http-client';
import { createHttpClient } from '../../src/main/core/http/http-client';
import type { HttpClient } from '../../src/main/core/http/http-client.types';
import type { ManagedContext } from '../../src/main/core/providers/provider-adapter';
import { appErrorOf } from '../../src/main/core/providers/test-support/app-error-of';
import { testAccount } from '../../src/main/core/providers/test-support/test-account';
import { kestraAdapter } from '../../src/main/core/providers/kestra/kestra.adapter';

// The Kestra adapter against the Kestra simulator over loopback: real sockets, real undici,
// the service's rules as sim/kestra/kestra.sim.test.ts specifies them.

const MANAGEMENT = 'mgmtKestra0123456789abcdefghijklmnopqrstuvwx';
const CI_DEPLOY = 'ciDeployAb0123456789abcdefghijklmnopqrstuvwx';
const DAY = 24 * 3600_000;

let sim: KestraSim;
let clients: HttpClient[];
let sleeps: number[];

beforeEach(async () => {
  sim = await startKestraSim({
    users: [
      {
        id: 'alice',
        tokens: [
          { name: 'tokendesk', secret: MANAGEMENT, iatDaysAgo: 40, lastUsedDaysAgo: 1 },
          { name: 'ci-deploy', secret: CI_DEPLOY, maxAge: 'P30D', iatDaysAgo: 10 },
        ],
      },
    ],
  });
  clients = [];
  sleeps = [];
});

afterEach(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await sim.close();
});

/** Backoff and Retry-After waits move the simulator's clock instead of real time. */
function context(options: HttpClientOptions = {}): ManagedContext {
  const http = createHttpClient({
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      sim.advanceClock(ms);
      return Promise.resolve();
    },
    ...options,
  });
  clients.push(http);
  return {
    account: testAccount({
      provider: 'kestra',
      baseUrl: sim.url,
      settings: kestraAdapter.parseSettings({ userId: 'alice', tenant: 'main' }),
      mode: 'api',
    }),
    credential: MANAGEMENT,
    http,
  };
}

/** The AppError of a failed call, which never shows the management credential. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await appErrorOf(promise);
  expect(error.message).not.toContain(MANAGEMENT);
  return error;
}

describe('token lifecycle', () => {
  it('lists the seeded tokens and recognizes the management credential', async () => {
    const ctx = context();
    const tokens = await kestraAdapter.listTokens(ctx);
    expect(tokens.map((token) => token.name)).toEqual(['tokendesk', 'ci-deploy']);
    const ci = tokens.find((token) => token.name === 'ci-deploy');
    expect(ci).toMatchObject({
      prefix: CI_DEPLOY.slice(0, 12),
      project: 'main',
      status: 'active',
      lastUsedAt: null,
      extended: false,
    });
    expect(Date.parse(ci?.expiresAt ?? '') - Date.parse(ci?.createdAt ?? '')).toBe(30 * DAY);
    const management = tokens.filter((token) => kestraAdapter.isTokenOf(token, MANAGEMENT));
    expect(management.map((token) => token.name)).toEqual(['tokendesk']);
  });

  it('creates a token whose secret works, and verify really used the new token', async () => {
    const ctx = context();
    const created = await kestraAdapter.createToken(ctx, {
      name: 'deploy-2025',
      description: 'rotated by TokenDesk',
      expiry: { kind: 'days', days: 90 },
    });
    const simToken = sim.tokens().find((token) => token.id === created.token.id);
    expect(simToken).toMatchObject({ secret: created.secret, maxAge: 'P90D', extended: false });
    expect(created.token.prefix).toBe(simToken?.prefix);

    const listed = await kestraAdapter.listTokens(ctx);
    const mine = listed.find((token) => token.id === created.token.id);
    expect(mine).toMatchObject({ name: 'deploy-2025', description: 'rotated by TokenDesk' });
    expect(mine && kestraAdapter.isTokenOf(mine, created.secret)).toBe(true);

    await kestraAdapter.verify(ctx, created.secret);
    expect(sim.lastUseOf(created.secret)).toMatchObject({
      route: 'searchFlows',
      path: '/api/v1/main/flows/search',
      accepted: true,
    });
  });

  it('revokes a token: it leaves the list, its secret gets 401 at once, a second revoke is fine', async () => {
    const ctx = context();
    const ci = (await kestraAdapter.listTokens(ctx)).find((token) => token.name === 'ci-deploy');
    await kestraAdapter.verify(ctx, CI_DEPLOY);
    await kestraAdapter.revokeToken(ctx, ci?.id ?? '');
    expect((await kestraAdapter.listTokens(ctx)).map((token) => token.name)).toEqual(['tokendesk']);
    const refused = await failure(kestraAdapter.verify(ctx, CI_DEPLOY));
    expect(refused.code).toBe('AUTH_FAILED');
    expect(refused.message).toContain('Kestra refused the token');
    expect(refused.message).not.toContain(CI_DEPLOY);
    await expect(kestraAdapter.revokeToken(ctx, ci?.id ?? '')).resolves.toBeUndefined();
  });

  it('shows a token as expired once the service clock passes its exp, and refuses it', async () => {
    const ctx = context();
    sim.setClockOffset(21 * DAY);
    const ci = (await kestraAdapter.listTokens(ctx)).find((token) => token.name === 'ci-deploy');
    expect(ci?.status).toBe('expired');
    expect((await failure(kestraAdapter.verify(ctx, CI_DEPLOY))).code).toBe('AUTH_FAILED');
  });

  it("slides an extended token's expiry on each use; a plain one expires", async () => {
    const ctx = context();
    const oneDay = { kind: 'days', days: 1 } as const;
    const sliding = await kestraAdapter.createToken(ctx, {
      name: 'sliding',
      expiry: oneDay,
      extended: true,
    });
    const plain = await kestraAdapter.createToken(ctx, { name: 'plain', expiry: oneDay });
    expect(sliding.token.extended).toBe(true);
    for (let i = 0; i < 3; i += 1) {
      sim.advanceClock(0.8 * DAY);
      await kestraAdapter.verify(ctx, sliding.secret);
    }
    // 2.4 days after creation: alive only because each use moved exp to now + 1 day.
    const listed = await kestraAdapter.listTokens(ctx);
    const slid = listed.find((token) => token.id === sliding.token.id);
    expect(slid?.status).toBe('active');
    expect(Date.parse(slid?.expiresAt ?? '') - Date.parse(slid?.lastUsedAt ?? '')).toBe(DAY);
    expect(listed.find((token) => token.id === plain.token.id)?.status).toBe('expired');
    expect((await failure(kestraAdapter.verify(ctx, plain.secret))).code).toBe('AUTH_FAILED');
  });

  it("refuses a bad name with REJECTED_BY_SERVICE carrying the service's message", async () => {
    const error = await failure(
      kestraAdapter.createToken(context(), { name: 'Not_Kebab', expiry: { kind: 'never' } }),
    );
    expect(error.code).toBe('REJECTED_BY_SERVICE');
    expect(error.message).toContain('Invalid entity: name: must match');
    expect(sim.tokens()).toHaveLength(2);
  });
});

describe('failures', () => {
  it('maps an injected 500 to SERVICE_ERROR', async () => {
    sim.injectFailure({ route: 'listUserTokens', kind: 'status', status: 500 });
    const error = await failure(kestraAdapter.listTokens(context()));
    expect(error.code).toBe('SERVICE_ERROR');
    expect(error.message).toContain('Kestra');
  });

  it('maps a service that never answers to TIMEOUT', async () => {
    sim.injectFailure({ route: 'searchFlows', kind: 'timeout' });
    const ctx = context({ requestTimeoutMs: 200, maxAttempts: 2 });
    expect((await failure(kestraAdapter.verify(ctx, MANAGEMENT))).code).toBe('TIMEOUT');
  });

  it('retries a reset list (idempotent) and succeeds', async () => {
    sim.injectFailure({ route: 'listUserTokens', kind: 'reset', times: 1 });
    const tokens = await kestraAdapter.listTokens(context());
    expect(tokens).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
  });

  it('maps a reset that persists to UNREACHABLE', async () => {
    sim.injectFailure({ route: 'listUserTokens', kind: 'reset' });
    expect((await failure(kestraAdapter.listTokens(context()))).code).toBe('UNREACHABLE');
    expect(sleeps).toHaveLength(2);
  });

  it('never retries a create after a reset', async () => {
    sim.injectFailure({ route: 'createUserToken', kind: 'reset', times: 1 });
    const error = await failure(
      kestraAdapter.createToken(context(), { name: 'once', expiry: { kind: 'never' } }),
    );
    expect(error.code).toBe('UNREACHABLE');
    // The route works again, so a retry would have created the token: none was made.
    expect(sim.tokens().map((token) => token.name)).not.toContain('once');
    expect(sleeps).toEqual([]);
  });

  it('maps malformed JSON to BAD_RESPONSE', async () => {
    sim.injectFailure({ route: 'listUserTokens', kind: 'malformed' });
    const error = await failure(kestraAdapter.listTokens(context()));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).not.toContain('{');
  });

  it("maps a proxy's HTML error page to SERVICE_ERROR without showing it", async () => {
    sim.injectFailure({ route: 'listUserTokens', kind: 'html' });
    const error = await failure(kestraAdapter.listTokens(context()));
    expect(error.code).toBe('SERVICE_ERROR');
    expect(error.message).not.toContain('<');
    expect(error.message).not.toContain('nginx');
  });

  it('maps an HTML page served with 200 (a login page) to BAD_RESPONSE', async () => {
    sim.injectFailure({ route: 'listUserTokens', kind: 'html', status: 200 });
    expect((await failure(kestraAdapter.listTokens(context()))).code).toBe('BAD_RESPONSE');
  });

  it('waits out a 429 Retry-After and succeeds when the service allows the next call', async () => {
    sim.injectFailure({
      route: 'listUserTokens',
      kind: 'status',
      status: 429,
      retryAfter: '2',
      times: 1,
    });
    expect(await kestraAdapter.listTokens(context())).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it("follows the rate limiter's window: waits, then the next call passes", async () => {
    sim.setKnobs({ rateLimit: { limit: 1, windowMs: 30_000 } });
    const ctx = context();
    await kestraAdapter.listTokens(ctx);
    // A POST too: 429 means the service did nothing, so it is safe to send again.
    const created = await kestraAdapter.createToken(ctx, {
      name: 'later',
      expiry: { kind: 'never' },
    });
    expect(created.secret.length).toBeGreaterThanOrEqual(40);
    expect(sleeps).toEqual([30_000]);
  });

  it('gives up with RATE_LIMITED and retryAfterMs when the wait is too long', async () => {
    sim.setKnobs({ rateLimit: { limit: 1, windowMs: 300_000 } });
    const ctx = context();
    await kestraAdapter.listTokens(ctx);
    const error = await failure(kestraAdapter.listTokens(ctx));
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBe(300_000);
    expect(sleeps).toEqual([]);
  });

  it('maps a refused management credential to AUTH_FAILED', async () => {
    const ctx = { ...context(), credential: 'revokedSecret0123456789abcdefghijklmnopqrs' };
    const error = await failure(kestraAdapter.listTokens(ctx));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).not.toContain('revokedSecret');
  });
});
