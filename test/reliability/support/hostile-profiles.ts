import { randomBytes } from 'node:crypto';
import type { ProviderKind } from '../../../src/shared/model';
import type { ProviderAdapter } from '../../../src/main/core/providers/provider-adapter';
import { bodhiAdapter } from '../../../src/main/core/providers/bodhi/bodhi.adapter';
import { githubAdapter } from '../../../src/main/core/providers/github/github.adapter';
import { gitlabAdapter } from '../../../src/main/core/providers/gitlab/gitlab.adapter';
import { kestraAdapter } from '../../../src/main/core/providers/kestra/kestra.adapter';
import { podstackAdapter } from '../../../src/main/core/providers/podstack/podstack.adapter';
import { teraswitchAdapter } from '../../../src/main/core/providers/teraswitch/teraswitch.adapter';
import { DEMO_TENANT, DEMO_USER } from '../../../sim/kestra/kestra-seeds';
import type { HostileAnswers, HostileRow } from './hostile-service';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const idOf = (name: string) => Buffer.from(name).toString('hex').slice(0, 16);

interface CommonProfile extends HostileAnswers {
  provider: ProviderKind;
  adapter: ProviderAdapter;
  settings: Record<string, string>;
}

/** A service TokenDesk lists through its API: the hostile answers reach a refresh. */
export interface ListProfile extends CommonProfile {
  drive: 'list';
  credential: () => string;
  /** Which of a row's dates the service reports (Bodhi's tokens never expire). */
  reportsExpiry: boolean;
}

/** A guided service: the hostile answers reach the check of a tracked token. */
export interface VerifyProfile extends CommonProfile {
  drive: 'verify';
  /** A new secret in the service's own format, as the user would paste it. */
  secret: () => string;
  track: { project?: string; role?: string };
}

export type HostileProfile = ListProfile | VerifyProfile;

export const kestraHostile: ListProfile = {
  provider: 'kestra',
  adapter: kestraAdapter,
  drive: 'list',
  settings: { userId: DEMO_USER, tenant: DEMO_TENANT },
  credential: () => `hostile${hex(16)}`,
  reportsExpiry: true,
  body: (_path, rows) => ({
    results: rows.map((row) => ({
      id: `id-${idOf(row.name)}`,
      name: row.name,
      description: row.name,
      prefix: 'kst_',
      iat: row.created,
      exp: row.expires,
      lastUsed: row.lastUsed,
      extended: false,
      expired: false,
    })),
    total: rows.length,
  }),
  wrongTypes: () => ({ results: [{ id: 42, name: ['ci'], iat: true }], total: 'x' }),
};

const gitlabToken = (row: HostileRow, id: number) => ({
  id,
  name: row.name,
  revoked: false,
  active: true,
  created_at: row.created,
  last_used_at: row.lastUsed,
  expires_at: row.expires,
  scopes: ['api'],
  user_id: 7,
});

const gitlabHostile: ListProfile = {
  provider: 'gitlab',
  adapter: gitlabAdapter,
  drive: 'list',
  settings: { tokenType: 'personal', scopes: 'api' },
  credential: () => `glpat-${hex(12)}`,
  reportsExpiry: true,
  // The credential's own record comes first, then the list of its user's tokens.
  body: (path, rows) =>
    path.includes('/personal_access_tokens/self')
      ? gitlabToken({ ...rows[0], name: 'tokendesk' } as HostileRow, 1)
      : rows.map((row, index) => gitlabToken(row, index + 2)),
  wrongTypes: (path) =>
    path.includes('/personal_access_tokens/self')
      ? { id: 'one', name: 5, scopes: 'api' }
      : [{ id: 'two', name: null }],
};

const bodhiHostile: ListProfile = {
  provider: 'bodhi',
  adapter: bodhiAdapter,
  drive: 'list',
  settings: {},
  credential: () => `session${hex(16)}`,
  reportsExpiry: false,
  body: (_path, rows) => ({
    data: rows.map((row) => ({
      id: `tok-${idOf(row.name)}`,
      name: row.name,
      token_prefix: `sk-bodhiapp_${idOf(row.name).slice(0, 8)}`,
      scopes: 'scope_token_user',
      status: 'active',
      created_at: row.created,
      last_used_at: row.lastUsed,
      updated_at: row.created,
    })),
    total: rows.length,
    page: 1,
    page_size: 100,
  }),
  wrongTypes: () => ({ data: [{ id: 42, name: ['ci'], status: 'maybe' }], total: 'x' }),
};

/** What a guided service's read answers carries about its own objects, dates included. */
const items = (rows: HostileRow[]) =>
  rows.map((row) => ({ id: idOf(row.name), name: row.name, createdAt: row.created }));

const podstackHostile: VerifyProfile = {
  provider: 'podstack',
  adapter: podstackAdapter,
  drive: 'verify',
  settings: {},
  secret: () => `podstack_${hex(4)}_${hex(16)}`,
  track: { project: 'proj-training' },
  body: (_path, rows) => ({ pods: items(rows) }),
  wrongTypes: () => ({ pods: 'none' }),
};

const teraswitchHostile: VerifyProfile = {
  provider: 'teraswitch',
  adapter: teraswitchAdapter,
  drive: 'verify',
  settings: {},
  secret: () => `${hex(8)}:${hex(16)}`,
  track: { project: '4101', role: 'Owner' },
  body: (_path, rows) => ({ success: true, result: items(rows) }),
  wrongTypes: () => ({ success: 'yes', result: {} }),
};

const githubHostile: VerifyProfile = {
  provider: 'github',
  adapter: githubAdapter,
  drive: 'verify',
  settings: {},
  secret: () => `ghp_${hex(18)}`,
  track: {},
  body: (_path, rows) => ({
    login: rows[0]?.name ?? 'octocat',
    id: 1,
    created_at: rows[0]?.created ?? null,
  }),
  wrongTypes: () => ({ login: 42 }),
};

export const HOSTILE_PROFILES: readonly HostileProfile[] = [
  kestraHostile,
  gitlabHostile,
  bodhiHostile,
  podstackHostile,
  teraswitchHostile,
  githubHostile,
];
