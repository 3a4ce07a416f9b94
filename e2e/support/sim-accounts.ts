import { z } from 'zod';
import type { DemoAccount, DemoServices } from '../../sim/demo/demo-services';
import type { FailureSpec } from '../../sim/common/sim-types';
import type { ProviderKind } from '../../src/shared/model';

/**
 * The accounts the all-services e2e adds, built from the simulators' own state (read over their
 * `/__sim/` control routes, as a test in another process must), and what each account must show
 * according to that state at the moment of asking.
 */

/** One token row as the window must show it. */
export interface ExpectedToken {
  name: string;
  /** A text the Prefix cell must contain: the prefix or partial id the service shows. */
  prefix: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  /** False for a tracked token: the service tells no use, the row shows TokenDesk's last check. */
  reportsUse: boolean;
  /** TokenDesk's own credential: every refresh moves its last use, so that is not compared. */
  management: boolean;
}

/** A token the user pastes into a guided account, as the demo describes it. */
export type TrackedToken = NonNullable<DemoAccount['tracked']>[number];

export interface PlannedAccount {
  provider: ProviderKind;
  label: string;
  baseUrl: string;
  settings: Record<string, string>;
  credential?: string;
  tracked: TrackedToken[];
  /** The simulator serving the account: `http://127.0.0.1:<port>`. */
  origin: string;
  /** What the simulator holds for this account now. */
  expected(): Promise<ExpectedToken[]>;
  /** Creates a token at the service as its user would in the web page, where tests need one. */
  createAtService?(name: string): Promise<void>;
}

async function simState<T>(origin: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(`${origin}/__sim/state`);
  if (!response.ok) throw new Error(`${origin}/__sim/state answered ${response.status}`);
  const body = z.object({ service: schema }).parse(await response.json());
  return body.service;
}

export async function injectFailure(origin: string, failure: FailureSpec): Promise<void> {
  const response = await fetch(`${origin}/__sim/failures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(failure),
  });
  if (!response.ok) throw new Error(`injecting a failure answered ${response.status}`);
}

export async function clearFailures(origin: string): Promise<void> {
  await fetch(`${origin}/__sim/failures`, { method: 'DELETE' });
}

/** A "dashboard" action of the simulator: what the user does in the service's web page. */
export async function dashboard(origin: string, action: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${origin}/__sim/dashboard/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${action} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

const nullableDate = z.string().nullable();

const KestraState = z.object({
  tokens: z.array(
    z.object({
      name: z.string(),
      prefix: z.string(),
      secret: z.string(),
      exp: nullableDate,
      lastUsed: nullableDate,
      revoked: z.boolean(),
      owner: z.object({ kind: z.enum(['user', 'service-account']), id: z.string() }),
    }),
  ),
});

const GitlabState = z.object({
  tokens: z.array(
    z.object({
      kind: z.enum(['personal', 'project']),
      name: z.string(),
      secret: z.string(),
      userId: z.number(),
      projectPath: z.string().nullable(),
      expiresAt: nullableDate,
      lastUsedAt: nullableDate,
      revoked: z.boolean(),
    }),
  ),
});

const BodhiState = z.object({
  sessions: z.array(z.object({ id: z.string(), username: z.string() })),
  tokens: z.array(
    z.object({
      username: z.string(),
      name: z.string(),
      tokenPrefix: z.string(),
      secret: z.string(),
      lastUsedAt: nullableDate,
      deleted: z.boolean(),
    }),
  ),
});

const PodstackState = z.object({
  tokens: z.array(z.object({ secret: z.string(), prefix: z.string(), expiresAt: nullableDate })),
});

const TeraswitchState = z.object({
  tokens: z.array(z.object({ tokenId: z.string(), credential: z.string() })),
});

function demoOf(demo: DemoServices, provider: ProviderKind): DemoAccount[] {
  const found = demo.accounts.filter((account) => account.provider === provider);
  if (found.length === 0)
    throw new Error(`sim/demo/demo-services.ts starts no ${provider} simulator`);
  return found;
}

const originOf = (baseUrl: string): string => new URL(baseUrl).origin;

/** What the service's dashboard shows of a token whose secret the user pasted. */
interface DashboardToken {
  prefix: string;
  expiresAt: string | null;
}

/** Tokens TokenDesk tracks (guided): the service tells their prefix and expiry, never a use. */
function trackedExpectation(
  tracked: TrackedToken[],
  lookup: (secret: string) => Promise<DashboardToken>,
): () => Promise<ExpectedToken[]> {
  return async () =>
    Promise.all(
      tracked.map(async (token) => ({
        name: token.name,
        ...(await lookup(token.secret)),
        lastUsedAt: null,
        reportsUse: false,
        management: false,
      })),
    );
}

function fromDemo(account: DemoAccount, extra: Partial<PlannedAccount> = {}): PlannedAccount {
  return {
    provider: account.provider,
    label: account.label,
    baseUrl: account.baseUrl,
    settings: account.settings,
    ...(account.credential === undefined ? {} : { credential: account.credential }),
    tracked: account.tracked ?? [],
    origin: originOf(account.baseUrl),
    expected: () => Promise.resolve([]),
    ...extra,
  };
}

/** Kestra: the demo's user account, and the demo tenant's service account managed by the admin. */
function kestraAccounts(demo: DemoServices): PlannedAccount[] {
  const [admin] = demoOf(demo, 'kestra') as [DemoAccount];
  const origin = originOf(admin.baseUrl);
  const ownedBy = (kind: 'user' | 'service-account', id: string) => async () => {
    const state = await simState(origin, KestraState);
    return state.tokens
      .filter((t) => !t.revoked && t.owner.kind === kind && t.owner.id === id)
      .map((t) => ({
        name: t.name,
        prefix: t.prefix,
        expiresAt: t.exp,
        lastUsedAt: t.lastUsed,
        reportsUse: true,
        management: t.secret === admin.credential,
      }));
  };
  const serviceAccount = 'sa-scheduler';
  return [
    fromDemo(admin, { expected: ownedBy('user', admin.settings['userId'] ?? '') }),
    fromDemo(admin, {
      label: 'Kestra scheduler (service account)',
      settings: { serviceAccountId: serviceAccount, tenant: admin.settings['tenant'] ?? '' },
      expected: ownedBy('service-account', serviceAccount),
    }),
  ];
}

type GitlabToken = z.infer<typeof GitlabState>['tokens'][number];

/** GitLab: the demo's accounts (personal tokens, a project's tokens), each read by its settings. */
function gitlabAccounts(demo: DemoServices): PlannedAccount[] {
  const accounts = demoOf(demo, 'gitlab');
  const origin = originOf((accounts[0] as DemoAccount).baseUrl);
  const ownerOf = async (credential: string | undefined): Promise<number> => {
    const state = await simState(origin, GitlabState);
    const userId = state.tokens.find((t) => t.secret === credential)?.userId;
    if (userId === undefined) throw new Error('the GitLab credential is no token of the simulator');
    return userId;
  };
  const listed = (keep: (t: GitlabToken) => boolean, credential: string | undefined) => {
    return async () => {
      const state = await simState(origin, GitlabState);
      return state.tokens
        .filter((t) => !t.revoked && keep(t))
        .map((t) => ({
          name: t.name,
          prefix: 'glpat-',
          expiresAt: t.expiresAt,
          lastUsedAt: t.lastUsedAt,
          reportsUse: true,
          management: t.secret === credential,
        }));
    };
  };
  return accounts.map((account) => {
    const { settings, credential } = account;
    if (settings['tokenType'] === 'project') {
      const project = settings['project'];
      return fromDemo(account, {
        expected: listed((t) => t.kind === 'project' && t.projectPath === project, credential),
      });
    }
    const owner = async () =>
      settings['userId'] === undefined ? ownerOf(credential) : Number(settings['userId']);
    return fromDemo(account, {
      expected: async () => {
        const userId = await owner();
        return listed((t) => t.kind === 'personal' && t.userId === userId, credential)();
      },
      createAtService: async (name) => {
        await dashboard(origin, 'create-token', { userId: await owner(), name });
      },
    });
  });
}

/** Bodhi: the demo's session-managed server and its guided laptop app. */
function bodhiAccounts(demo: DemoServices): PlannedAccount[] {
  return demoOf(demo, 'bodhi').map((account) => {
    const origin = originOf(account.baseUrl);
    const lookup = async (secret: string) => {
      const state = await simState(origin, BodhiState);
      const token = state.tokens.find((t) => t.secret === secret);
      if (token === undefined) throw new Error(`Bodhi has no token ${secret.slice(0, 20)}`);
      return { prefix: token.tokenPrefix, expiresAt: null };
    };
    if (account.credential === undefined) {
      return fromDemo(account, { expected: trackedExpectation(account.tracked ?? [], lookup) });
    }
    const sessionId = /=(.+)$/.exec(account.credential)?.[1];
    return fromDemo(account, {
      expected: async () => {
        const state = await simState(origin, BodhiState);
        const user = state.sessions.find((s) => s.id === sessionId)?.username;
        return state.tokens
          .filter((t) => !t.deleted && t.username === user)
          .map((t) => ({
            name: t.name,
            prefix: t.tokenPrefix,
            expiresAt: null,
            lastUsedAt: t.lastUsedAt,
            reportsUse: true,
            management: false,
          }));
      },
    });
  });
}

/** Podstack: the demo's accounts, their pasted tokens spread over two projects. */
function podstackAccounts(demo: DemoServices): PlannedAccount[] {
  return demoOf(demo, 'podstack').map((account) => {
    const origin = originOf(account.baseUrl);
    const lookup = async (secret: string) => {
      const state = await simState(origin, PodstackState);
      const token = state.tokens.find((t) => t.secret === secret);
      if (token === undefined) throw new Error(`Podstack has no token ${secret.slice(0, 17)}`);
      return { prefix: token.prefix, expiresAt: token.expiresAt };
    };
    return fromDemo(account, { expected: trackedExpectation(account.tracked ?? [], lookup) });
  });
}

/** TeraSwitch: the demo's accounts; a token works in its one project, shown by a partial id. */
function teraswitchAccounts(demo: DemoServices): PlannedAccount[] {
  return demoOf(demo, 'teraswitch').map((account) => {
    const origin = originOf(account.baseUrl);
    const lookup = async (credential: string) => {
      const state = await simState(origin, TeraswitchState);
      const token = state.tokens.find((t) => t.credential === credential);
      if (token === undefined) throw new Error(`TeraSwitch has no token ${credential.slice(0, 8)}`);
      // The dashboard shows the first 8 characters of the token id; the service has no expiry.
      return { prefix: token.tokenId.slice(0, 8), expiresAt: null };
    };
    return fromDemo(account, { expected: trackedExpectation(account.tracked ?? [], lookup) });
  });
}

/** At least two accounts of every service, two projects for Podstack and for TeraSwitch. */
export function planAccounts(demo: DemoServices): PlannedAccount[] {
  return [
    ...kestraAccounts(demo),
    ...gitlabAccounts(demo),
    ...bodhiAccounts(demo),
    ...podstackAccounts(demo),
    ...teraswitchAccounts(demo),
  ];
}
