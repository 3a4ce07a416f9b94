import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FailureSpec } from '../../sim/common/sim-types';
import { startKestraSim, type KestraSim } from '../../sim/kestra/kestra.sim';
import { createCore } from '../../src/main/core/app-core';
import { createHttpClient } from '../../src/main/core/http/http-client';
import type { HttpClient } from '../../src/main/core/http/http-client.types';
import { REFRESH_LIMITS } from '../../src/main/core/inventory/inventory.service';
import { RecordingSecretStore } from '../../src/main/core/inventory/recording-secret-store';
import { silentLogger } from '../../src/main/core/log/logger';
import { kestraAdapter } from '../../src/main/core/providers/kestra/kestra.adapter';
import { secretKeys } from '../../src/main/core/secrets/secret-store';
import { KeytarSecretStore } from '../../src/main/platform/keytar-secret-store';
import type { AccountInventory, AccountState } from '../../src/shared/model';

// Three Kestra services (three origins), each with two users and a service account: nine
// accounts refreshed together through one HTTP client, against the real keychain.

const OWNERS = [
  { label: 'alice', settings: { userId: 'alice' } },
  { label: 'bob', settings: { userId: 'bob' } },
  { label: 'robot', settings: { serviceAccountId: 'robot', tenant: 'main' } },
] as const;

interface Service {
  sim: KestraSim;
  /** Account id by owner label. */
  accounts: Map<string, string>;
}

function secret(): string {
  return randomBytes(32).toString('base64url');
}

async function startService(): Promise<{ sim: KestraSim; credentials: Map<string, string> }> {
  const credentials = new Map<string, string>(OWNERS.map((owner) => [owner.label, secret()]));
  const tokens = (owner: string) => [
    { name: 'tokendesk', secret: credentials.get(owner) ?? '' },
    { name: `${owner}-ci`, maxAge: 'P30D', iatDaysAgo: 3, lastUsedDaysAgo: 1 },
  ];
  const sim = await startKestraSim({
    users: [
      { id: 'alice', tokens: tokens('alice') },
      { id: 'bob', tokens: tokens('bob') },
    ],
    serviceAccounts: [{ id: 'robot', tenant: 'main', tokens: tokens('robot') }],
  });
  return { sim, credentials };
}

describe('inventory refresh across several services', () => {
  let dataDir: string;
  let agent: Agent;
  let http: HttpClient;
  let secrets: RecordingSecretStore;
  let keychain: KeytarSecretStore;
  let core: ReturnType<typeof createCore>;
  let services: Service[];
  /** Connections opened per origin since the start: a pooled client reuses them. */
  let connects: Map<string, number>;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-inventory-'));
    connects = new Map();
    agent = new Agent({ headersTimeout: 1_000, bodyTimeout: 1_000 });
    agent.on('connect', (origin) => {
      const key = origin.origin;
      connects.set(key, (connects.get(key) ?? 0) + 1);
    });
    http = createHttpClient({ dispatcher: agent, requestTimeoutMs: 1_000, maxAttempts: 1 });
    keychain = new KeytarSecretStore(`TokenDesk-int-inventory-${randomBytes(4).toString('hex')}`);
    secrets = new RecordingSecretStore(keychain);
    core = createCore({
      dataDir,
      secrets,
      http,
      adapters: [kestraAdapter],
      log: silentLogger,
      emit: () => undefined,
      clipboard: null,
    });
    services = [];
    for (let s = 0; s < 3; s += 1) {
      const { sim, credentials } = await startService();
      const accounts = new Map<string, string>();
      for (const owner of OWNERS) {
        const account = await core.accounts.add({
          provider: 'kestra',
          label: `Kestra ${s} ${owner.label}`,
          baseUrl: sim.url,
          settings: owner.settings,
          credential: credentials.get(owner.label),
        });
        accounts.set(owner.label, account.id);
      }
      services.push({ sim, accounts });
    }
    secrets.clear();
  });

  afterEach(async () => {
    for (const key of await keychain.list()) await keychain.delete(key);
    await http.close();
    await agent.close();
    await Promise.all(services.map((service) => service.sim.close()));
    await rm(dataDir, { recursive: true, force: true });
  });

  function of(results: AccountInventory[], accountId: string): AccountInventory {
    const found = results.find((inventory) => inventory.accountId === accountId);
    if (found === undefined) throw new Error(`no inventory for ${accountId}`);
    return found;
  }

  /** What the simulator holds for the owner, as TokenDesk must show it: name and prefix. */
  function expected(service: Service, owner: string): string[] {
    return service.sim
      .tokens()
      .filter((token) => token.owner.id === owner && !token.revoked)
      .map((token) => `${token.name} ${token.prefix}`)
      .sort();
  }

  function shown(inventory: AccountInventory): string[] {
    return inventory.tokens.map((token) => `${token.name} ${token.prefix ?? ''}`).sort();
  }

  it('lists every account of every service, reusing pooled connections per origin', async () => {
    expect(services.length * OWNERS.length).toBeGreaterThan(REFRESH_LIMITS.perOrigin);
    const first = await core.inventory.refresh();
    const second = await core.inventory.refresh();

    for (const results of [first, second]) {
      expect(results).toHaveLength(services.length * OWNERS.length);
      for (const service of services) {
        for (const [owner, accountId] of service.accounts) {
          const inventory = of(results, accountId);
          expect(inventory).toMatchObject({ state: 'ok', stale: false, error: null });
          expect(shown(inventory)).toEqual(expected(service, owner));
        }
      }
    }
    // Adding three accounts and two refreshes sent many requests to each origin, at most three
    // at once there: a pooled client opened no more connections than that.
    expect([...connects.keys()].sort()).toEqual(services.map((s) => s.sim.url).sort());
    for (const service of services) {
      expect(service.sim.calls().length).toBeGreaterThanOrEqual(3 * OWNERS.length);
      expect(connects.get(service.sim.url)).toBeLessThanOrEqual(OWNERS.length);
    }
  });

  it("reads each account's management credential once a session, never a token", async () => {
    // A new session over the same data dir and keychain: no credential is held in memory yet.
    const restarted = createCore({
      dataDir,
      secrets,
      http,
      adapters: [kestraAdapter],
      log: silentLogger,
      emit: () => undefined,
      clipboard: null,
    });
    secrets.clear();
    await restarted.inventory.refresh();
    const managementKeys = services.flatMap((service) =>
      [...service.accounts.values()].map((id) => secretKeys.management(id)),
    );
    expect(secrets.calls.every((call) => call.operation === 'get')).toBe(true);
    expect(secrets.reads().sort()).toEqual(managementKeys.sort());

    secrets.clear();
    await restarted.inventory.refresh();
    expect(secrets.calls).toEqual([]);
    const shownNow = await restarted.inventory.snapshot();
    expect(shownNow).toHaveLength(managementKeys.length);
    expect(secrets.calls).toEqual([]);
  });

  const faults: Array<[string, Omit<FailureSpec, 'route'>, AccountState]> = [
    ['answers 500', { kind: 'status', status: 500 }, 'error'],
    ['never answers', { kind: 'timeout' }, 'unreachable'],
    ['returns garbage', { kind: 'malformed' }, 'error'],
    ["sends a proxy's HTML page", { kind: 'html', status: 502 }, 'error'],
    ['resets the connection', { kind: 'reset' }, 'unreachable'],
    ['refuses the credential', { kind: 'status', status: 401 }, 'auth_failed'],
    ['forbids the listing', { kind: 'status', status: 403 }, 'forbidden'],
    ['rate-limits for long', { kind: 'status', status: 429, retryAfter: '3600' }, 'rate_limited'],
  ];

  it.each(faults)(
    'a service that %s marks only its own accounts, keeps their lists, and the rest refresh',
    async (_what, fault, state) => {
      const before = await core.inventory.refresh();
      const [broken, ...healthy] = services as [Service, ...Service[]];
      broken.sim.injectFailure({ route: '*', ...fault });
      // Changes made meanwhile at the healthy services must show after the refresh.
      for (const service of healthy) {
        service.sim.dashboard.createToken({ userId: 'alice', name: 'added-meanwhile' });
      }

      const after = await core.inventory.refresh();

      for (const accountId of broken.accounts.values()) {
        const inventory = of(after, accountId);
        const previous = of(before, accountId);
        expect(inventory).toMatchObject({ state, stale: true, asOf: previous.asOf });
        expect(inventory.error).not.toBeNull();
        expect(inventory.tokens).toEqual(previous.tokens);
      }
      for (const service of healthy) {
        for (const [owner, accountId] of service.accounts) {
          const inventory = of(after, accountId);
          expect(inventory).toMatchObject({ state: 'ok', stale: false });
          expect(shown(inventory)).toEqual(expected(service, owner));
        }
        const alice = of(after, service.accounts.get('alice') ?? '');
        expect(alice.tokens.map((token) => token.name)).toContain('added-meanwhile');
      }

      broken.sim.clearFailures();
      const recovered = await core.inventory.refresh();
      for (const [owner, accountId] of broken.accounts) {
        const inventory = of(recovered, accountId);
        expect(inventory).toMatchObject({ state: 'ok', stale: false, error: null });
        expect(shown(inventory)).toEqual(expected(broken, owner));
      }
    },
  );
});
