import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKestraSim, type KestraSim } from '../../../sim/kestra/kestra.sim';
import { createHttpClient } from '../../../src/main/core/http/http-client';
import type { HttpClient } from '../../../src/main/core/http/http-client.types';
import type { ManagedContext } from '../../../src/main/core/providers/provider-adapter';
import { kestraAdapter } from '../../../src/main/core/providers/kestra/kestra.adapter';
import { AppError } from '../../../src/shared/errors';
import type { Account } from '../../../src/shared/model';
import { describeAdapterContract } from './adapter-contract';
import type { HarnessInstance } from './adapter-harness';

const DAY = 24 * 3600_000;
const TENANT = 'main';

/** Whose tokens the account manages, as the simulator and the account settings name it. */
type Owner = { kind: 'user'; id: string } | { kind: 'service-account'; id: string };

const ownerOf = (owner: Owner): Record<string, string> =>
  owner.kind === 'user' ? { userId: owner.id } : { serviceAccountId: owner.id, tenant: TENANT };

function kestraAccount(sim: KestraSim, owner: Owner): Account {
  return {
    id: `acc-kestra-${owner.kind}`,
    provider: 'kestra',
    label: 'Kestra',
    baseUrl: sim.url,
    settings: kestraAdapter.parseSettings({ ...ownerOf(owner), tenant: TENANT }),
    createdAt: new Date().toISOString(),
    mode: 'api',
    tokenPageUrl: null,
  };
}

/** A simulator where `owner` holds the management token; a service account lives in TENANT. */
async function startKestra(owner: Owner, management: string): Promise<KestraSim> {
  const tokens = [{ name: 'tokendesk', secret: management }];
  return startKestraSim(
    owner.kind === 'user'
      ? { users: [{ id: owner.id, tokens }] }
      : { serviceAccounts: [{ id: owner.id, tenant: TENANT, tokens }] },
  );
}

async function kestraInstance(owner: Owner): Promise<HarnessInstance> {
  const management = `mgmt${randomBytes(24).toString('hex')}`;
  const sim = await startKestra(owner, management);
  let sequence = 0;
  return {
    sim,
    credential: management,
    account: kestraAccount(sim, owner),
    issueToken(options = {}) {
      const created = sim.dashboard.createToken({
        ...ownerOf(owner),
        name: `token-${++sequence}`,
        ...(options.expiresInDays === undefined ? {} : { maxAge: `P${options.expiresInDays}D` }),
      });
      return Promise.resolve({
        id: created.id,
        secret: created.fullToken,
        scope: { project: TENANT, role: null },
      });
    },
    revokeAtService(token) {
      sim.dashboard.revokeToken({ tokenId: token.id });
      return Promise.resolve();
    },
    // A service account's token reads only its own tenant; a user's is not bound to one.
    wrongScopes:
      owner.kind === 'service-account'
        ? () => [{ project: 'other-tenant', role: null }]
        : undefined,
    seedTokens(count) {
      for (let i = 0; i < count; i++) {
        sim.dashboard.createToken({ ...ownerOf(owner), name: `bulk-${i}` });
      }
      return Promise.resolve();
    },
  };
}

describeAdapterContract({
  name: 'Kestra (user tokens)',
  adapter: kestraAdapter,
  routes: { verify: 'searchFlows', list: 'listUserTokens' },
  expires: true,
  start: () => kestraInstance({ kind: 'user', id: 'alice' }),
});

describeAdapterContract({
  name: 'Kestra (service-account tokens)',
  adapter: kestraAdapter,
  routes: { verify: 'searchFlows', list: 'listServiceAccountTokens' },
  expires: true,
  start: () => kestraInstance({ kind: 'service-account', id: 'sa-scheduler' }),
});

describe('Kestra service-account tokens through the adapter', () => {
  const owner: Owner = { kind: 'service-account', id: 'sa-scheduler' };
  const management = `mgmt${randomBytes(24).toString('hex')}`;
  let sim: KestraSim;
  let http: HttpClient;
  let ctx: ManagedContext;

  beforeEach(async () => {
    sim = await startKestra(owner, management);
    http = createHttpClient({ maxAttempts: 1 });
    ctx = { account: kestraAccount(sim, owner), credential: management, http };
  });
  afterEach(async () => {
    await http.close();
    await sim.close();
  });

  it("creates, lists and revokes under the tenant's service-account route, not a user's", async () => {
    const created = await kestraAdapter.createToken(ctx, {
      name: 'scheduler-ci',
      expiry: { kind: 'days', days: 30 },
    });
    const stored = sim.tokens().find((token) => token.id === created.token.id);
    expect(stored?.owner).toEqual({ kind: 'service-account', id: owner.id, tenant: TENANT });
    const listed = await kestraAdapter.listTokens(ctx);
    expect(listed.map((token) => [token.name, token.project])).toEqual([
      ['tokendesk', TENANT],
      ['scheduler-ci', TENANT],
    ]);
    await kestraAdapter.revokeToken(ctx, created.token.id);
    const routes = sim.calls().map((call) => `${call.route} ${call.path}`);
    expect(routes).toEqual([
      `createServiceAccountToken /api/v1/${TENANT}/service-accounts/${owner.id}/api-tokens`,
      `listServiceAccountTokens /api/v1/${TENANT}/service-accounts/${owner.id}/api-tokens`,
      `deleteServiceAccountToken /api/v1/${TENANT}/service-accounts/${owner.id}/api-tokens/${created.token.id}`,
    ]);
  });

  it('keeps an extended token alive while it is used, and lets an idle one expire', async () => {
    const oneDay = { kind: 'days', days: 1 } as const;
    const used = await kestraAdapter.createToken(ctx, {
      name: 'used',
      expiry: oneDay,
      extended: true,
    });
    const idle = await kestraAdapter.createToken(ctx, {
      name: 'idle',
      expiry: oneDay,
      extended: true,
    });
    for (let i = 0; i < 3; i += 1) {
      sim.advanceClock(0.8 * DAY);
      await kestraAdapter.verify(ctx, used.secret);
    }
    const listed = await kestraAdapter.listTokens(ctx);
    const slid = listed.find((token) => token.id === used.token.id);
    expect(slid).toMatchObject({ status: 'active', extended: true });
    expect(Date.parse(slid?.expiresAt ?? '') - Date.parse(slid?.lastUsedAt ?? '')).toBe(DAY);
    expect(listed.find((token) => token.id === idle.token.id)?.status).toBe('expired');
    const refused = await kestraAdapter.verify(ctx, idle.secret).catch((error: unknown) => error);
    expect(refused instanceof AppError && refused.code).toBe('AUTH_FAILED');
  });

  it("is refused in another tenant's service-account route (404), with a clear code", async () => {
    const elsewhere: ManagedContext = {
      ...ctx,
      account: {
        ...ctx.account,
        settings: kestraAdapter.parseSettings({ serviceAccountId: owner.id, tenant: 'other' }),
      },
    };
    const error = await kestraAdapter.listTokens(elsewhere).catch((caught: unknown) => caught);
    expect(error instanceof AppError && error.code).toBe('NOT_FOUND');
  });
});
