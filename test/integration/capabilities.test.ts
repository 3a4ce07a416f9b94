import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeApp, type App } from '../../src/main/compose';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import type { ProviderInfo, ProviderKind } from '../../src/shared/model';

// The product decisions of the shared PROVIDERS.md, one row per fact, checked against what each
// adapter the app really registers declares. The UI offers exactly what these declarations say,
// so a wrong one shows the user a button the service cannot honour (or hides one it can).

type Aspect =
  | 'mode'
  | 'expiry choices'
  | 'roles'
  | 'scopes'
  | 'rename'
  | 'status toggle'
  | 'extended'
  | 'max active'
  | 'create and revoke'
  | 'credential';

interface Row {
  service: ProviderKind;
  aspect: Aspect;
  /** The fact as PROVIDERS.md states it. */
  fact: string;
  check(info: ProviderInfo): void;
}

const SERVICES: ProviderKind[] = ['kestra', 'gitlab', 'bodhi', 'teraswitch', 'podstack'];

/** What issue 3 says every adapter declares: each must be covered for every service. */
const DECLARED: Aspect[] = [
  'mode',
  'expiry choices',
  'roles',
  'scopes',
  'rename',
  'status toggle',
  'extended',
  'max active',
];

const row = (
  service: ProviderKind,
  aspect: Aspect,
  fact: string,
  check: (info: ProviderInfo) => void,
): Row => ({ service, aspect, fact, check });

const rows: Row[] = [
  // ---- Kestra Enterprise (seed 004) — api
  row('kestra', 'mode', 'api: list, create and delete; no native rotate → overlap', (info) => {
    expect(info.mode).toBe('api');
  }),
  row('kestra', 'credential', 'managed with an API token of the user or a superadmin', (info) => {
    expect(info.credentialNeed).toBe('required');
    expect(info.capabilities.track).toBe(false);
  }),
  row('kestra', 'create and revoke', 'POST …/api-tokens, DELETE …/api-tokens/{id}', (info) => {
    expect(info.capabilities).toMatchObject({ create: true, revoke: true, description: true });
  }),
  row('kestra', 'expiry choices', 'maxAge: any ISO-8601 duration; absent = never', (info) => {
    expect(info.capabilities.expiryDays).toBeNull();
    expect(info.capabilities.neverExpires).toBe(true);
  }),
  row('kestra', 'extended', 'extended: each use pushes exp forward by maxAge', (info) => {
    expect(info.capabilities.extended).toBe(true);
  }),
  row('kestra', 'rename', 'no rename, no get-one', (info) => {
    expect(info.capabilities.rename).toBe(false);
  }),
  row('kestra', 'status toggle', 'no update route: a token is live until deleted', (info) => {
    expect(info.capabilities.statusToggle).toBe(false);
  }),
  row('kestra', 'roles', 'tokens carry no role', (info) => {
    expect(info.capabilities.roles).toEqual([]);
  }),
  row('kestra', 'scopes', 'tokens carry no scopes (the owner’s permissions apply)', (info) => {
    expect(info.capabilities.scopes).toEqual([]);
  }),
  row('kestra', 'max active', 'no documented limit', (info) => {
    expect(info.capabilities.maxActive).toBeNull();
  }),
  row('kestra', 'create and revoke', 'name: lowercase kebab-case, 1–63', (info) => {
    const rule = info.capabilities.nameRule;
    expect(rule).not.toBeNull();
    const pattern = new RegExp(rule?.pattern ?? '(?!)');
    expect(['ci-deploy-2025', 'a', 'x'.repeat(63)].every((name) => pattern.test(name))).toBe(true);
    expect(['CI_deploy', '-a', 'a--b', 'x'.repeat(64)].some((name) => pattern.test(name))).toBe(
      false,
    );
  }),

  // ---- GitLab — roll
  row('gitlab', 'mode', 'roll: POST …/rotate kills the old secret in the same call', (info) => {
    expect(info.mode).toBe('roll');
    expect(info.credentialNeed).toBe('required');
  }),
  row('gitlab', 'create and revoke', 'DELETE …/personal_access_tokens/:id', (info) => {
    expect(info.capabilities.revoke).toBe(true);
  }),
  row(
    'gitlab',
    'expiry choices',
    'expires_at is a date; at most 365 days; none never expires',
    (info) => {
      expect(info.capabilities.neverExpires).toBe(false);
      const days = info.capabilities.expiryDays;
      expect(days === null || (days.length > 0 && days.every((d) => d >= 1 && d <= 365))).toBe(
        true,
      );
    },
  ),
  row('gitlab', 'scopes', 'fields: scopes (api, read_api, …)', (info) => {
    expect(info.capabilities.scopes).toEqual(expect.arrayContaining(['api', 'read_api']));
  }),
  row('gitlab', 'roles', 'project access tokens carry an access level (10–50)', (info) => {
    expect(info.capabilities.roles).toEqual(
      expect.arrayContaining(['Guest', 'Reporter', 'Developer', 'Maintainer', 'Owner']),
    );
  }),
  row('gitlab', 'rename', 'no rename route', (info) => {
    expect(info.capabilities.rename).toBe(false);
  }),
  row('gitlab', 'status toggle', 'active/revoked only; revoke is final', (info) => {
    expect(info.capabilities.statusToggle).toBe(false);
  }),
  row('gitlab', 'extended', 'expiry is fixed; use does not extend it', (info) => {
    expect(info.capabilities.extended).toBe(false);
  }),
  row('gitlab', 'max active', 'no limit on active tokens', (info) => {
    expect(info.capabilities.maxActive).toBeNull();
  }),

  // ---- Bodhi App (seed 002) — api (session) or guided
  row('bodhi', 'mode', 'api with a session credential, else guided', (info) => {
    expect(info.mode).toBe('api');
    expect(info.credentialNeed).toBe('optional');
    expect(info.capabilities.track).toBe(true);
  }),
  row('bodhi', 'create and revoke', 'POST /bodhi/v1/tokens, DELETE …/{id}', (info) => {
    expect(info.capabilities).toMatchObject({ create: true, revoke: true });
  }),
  row('bodhi', 'rename', 'PUT /bodhi/v1/tokens/{id} {name, status}', (info) => {
    expect(info.capabilities.rename).toBe(true);
  }),
  row('bodhi', 'status toggle', 'status: active | inactive', (info) => {
    expect(info.capabilities.statusToggle).toBe(true);
  }),
  row('bodhi', 'expiry choices', 'no expiry (inactive after 30 idle days instead)', (info) => {
    expect(info.capabilities.expiryDays).toEqual([]);
    expect(info.capabilities.neverExpires).toBe(true);
  }),
  row('bodhi', 'scopes', 'scope: scope_token_user | scope_token_power_user', (info) => {
    expect([...info.capabilities.scopes].sort()).toEqual([
      'scope_token_power_user',
      'scope_token_user',
    ]);
  }),
  row('bodhi', 'roles', 'tokens carry a scope, not a role', (info) => {
    expect(info.capabilities.roles).toEqual([]);
  }),
  row('bodhi', 'extended', 'no expiry to extend', (info) => {
    expect(info.capabilities.extended).toBe(false);
  }),
  row('bodhi', 'max active', 'no limit on tokens', (info) => {
    expect(info.capabilities.maxActive).toBeNull();
  }),

  // ---- TeraSwitch (seed 003) — guided
  row('teraswitch', 'mode', 'guided: tokens only in the portal', (info) => {
    expect(info.mode).toBe('guided');
    expect(info.credentialNeed).toBe('none');
    expect(info.capabilities.track).toBe(true);
  }),
  row('teraswitch', 'create and revoke', 'generate and revoke in the dashboard only', (info) => {
    expect(info.capabilities).toMatchObject({ create: false, revoke: false });
  }),
  row('teraswitch', 'roles', 'role Owner (full access) or Accounting (billing)', (info) => {
    expect([...info.capabilities.roles].sort()).toEqual(['Accounting', 'Owner']);
  }),
  row('teraswitch', 'expiry choices', 'no expiry from the service; the user’s own date', (info) => {
    expect(info.capabilities.expiryDays).toBeNull();
    expect(info.capabilities.neverExpires).toBe(true);
  }),
  row('teraswitch', 'scopes', 'scoped to one project, no scopes', (info) => {
    expect(info.capabilities.scopes).toEqual([]);
  }),
  row('teraswitch', 'rename', 'Display Name set at generation', (info) => {
    expect(info.capabilities.rename).toBe(false);
  }),
  row('teraswitch', 'status toggle', 'Active/Inactive is switched in the dashboard', (info) => {
    expect(info.capabilities.statusToggle).toBe(false);
  }),
  row('teraswitch', 'extended', 'no expiry to extend', (info) => {
    expect(info.capabilities.extended).toBe(false);
  }),
  row('teraswitch', 'max active', 'many tokens per project (one per app)', (info) => {
    expect(info.capabilities.maxActive).toBeNull();
  }),

  // ---- Podstack (seed 000 and 001) — guided
  row('podstack', 'mode', 'guided: tokens only in the dashboard', (info) => {
    expect(info.mode).toBe('guided');
    expect(info.credentialNeed).toBe('none');
    expect(info.capabilities.track).toBe(true);
  }),
  row('podstack', 'create and revoke', 'created and revoked in the dashboard', (info) => {
    expect(info.capabilities).toMatchObject({ create: false, revoke: false });
  }),
  row('podstack', 'expiry choices', 'Expires: 7, 30, 90, 180, 365 days or never', (info) => {
    expect(info.capabilities.expiryDays).toEqual([7, 30, 90, 180, 365]);
    expect(info.capabilities.neverExpires).toBe(true);
  }),
  row('podstack', 'max active', 'at most 5 active tokens per account', (info) => {
    expect(info.capabilities.maxActive).toBe(5);
  }),
  row('podstack', 'roles', 'no roles', (info) => {
    expect(info.capabilities.roles).toEqual([]);
  }),
  row('podstack', 'scopes', 'scoped to the account', (info) => {
    expect(info.capabilities.scopes).toEqual([]);
  }),
  row('podstack', 'rename', 'no rename in the dashboard', (info) => {
    expect(info.capabilities.rename).toBe(false);
  }),
  row('podstack', 'status toggle', 'revoke is immediate; no deactivate', (info) => {
    expect(info.capabilities.statusToggle).toBe(false);
  }),
  row('podstack', 'extended', 'fixed expiry', (info) => {
    expect(info.capabilities.extended).toBe(false);
  }),
];

describe('capability table (PROVIDERS.md) against the registered adapters', () => {
  let dataDir: string;
  let app: App;
  let registered: Map<ProviderKind, ProviderInfo>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-capabilities-'));
    app = await composeApp({
      target: 'browser',
      version: 'test',
      dataDir,
      secrets: new MemorySecretStore(),
      clipboard: null,
      emit: () => undefined,
      isTrustedSender: () => true,
    });
    registered = new Map(app.core.providers.list().map((info) => [info.kind, info]));
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each(SERVICES)('registers an adapter for %s', (service) => {
    expect(registered.has(service)).toBe(true);
  });

  it.each(SERVICES)('has a row for every declared aspect of %s', (service) => {
    const covered = new Set(rows.filter((r) => r.service === service).map((r) => r.aspect));
    expect(DECLARED.filter((aspect) => !covered.has(aspect))).toEqual([]);
  });

  it.each(rows.map((r) => [r.service, r.aspect, r.fact, r] as const))(
    '%s, %s: %s',
    (service, _aspect, _fact, r) => {
      const info = registered.get(service);
      if (info === undefined) throw new Error(`no adapter registered for ${service}`);
      r.check(info);
    },
  );
});
