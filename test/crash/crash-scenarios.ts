import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RotationMethod } from '../../src/shared/model';
import type { SimServer } from '../../sim/common/sim-types';
import { startKestraSim } from '../../sim/kestra/kestra.sim';
import { DEMO_TENANT, DEMO_USER, demoKestraSeed } from '../../sim/kestra/kestra-seeds';
import { podstackWorld } from './podstack-world';
import { kestraPublishWorld } from './publish-crash-world';
import { gitlabRoutes, gitlabWorld } from './gitlab-crash-world';
import { clearKeychain, startRotationStack } from './rotation-stack';
import type { KeytarSecretStore } from '../../src/main/platform/keytar-secret-store';

/**
 * The service operations the engine announces as `call:<operation>` checkpoints; a publish
 * target's write is `call:publish-<target kind>`.
 */
export type ServiceOperation =
  | 'listTokens'
  | 'createToken'
  | 'verify'
  | 'revokeToken'
  | 'rollToken'
  | 'publish-github-actions'
  | 'publish-gitlab-variable';

/** A route to hang for a mid-call kill: on the service's simulator, or on a publish target's. */
export type HangRoute = string | { sim: string; route: string };

/** A token at the service, as the invariants need it (the simulator knows the secret). */
export interface ServiceTokenFacts {
  id: string;
  name: string;
  description: string | null;
  secret: string;
  active: boolean;
}

/** One prepared account with one token to rotate, fresh for every kill trial. */
export interface CrashWorld {
  sim: SimServer;
  /** The simulators of publish targets (GitHub…), by name. */
  publishSims?: Record<string, SimServer>;
  dataDir: string;
  keychainService: string;
  accountId: string;
  /** The token the rotation replaces, and its secret (held by TokenDesk before the rotation). */
  oldTokenId: string;
  oldSecret: string;
  isManagementCredential: boolean;
  /** Guided: what the user does in the dashboard (JSON of guided-user.ts's GuidedUser). */
  guidedUser?: string;
  /** Tokens TokenDesk is answerable for: it created them, or it manages the account with them. */
  isTokenDeskToken(token: ServiceTokenFacts): boolean;
  serviceTokens(): ServiceTokenFacts[];
  /** What each publish target holds now, by the name the user knows it by. */
  publishedSecrets?(): Promise<Array<{ target: string; secret: string | undefined }>>;
  tearDown(secrets: KeytarSecretStore): Promise<void>;
}

export interface CrashScenario {
  name: string;
  method: RotationMethod;
  /** Why the scenario cannot run yet, or null. */
  unavailable: string | null;
  /** The simulator route each service operation uses: mid-call kills hang exactly that route. */
  routes: Partial<Record<ServiceOperation, HangRoute>>;
  /** Points after which a second crash is tried in every step of the recovery run. */
  secondCrashAfter: string[];
  setUp(): Promise<CrashWorld>;
}

const kestraRoutes: CrashScenario['routes'] = {
  listTokens: 'listUserTokens',
  createToken: 'createUserToken',
  verify: 'searchFlows',
  revokeToken: 'deleteUserToken',
};

/** A Kestra account (demo seed) and either a token TokenDesk created, or its own credential. */
async function kestraWorld(target: 'own-token' | 'management'): Promise<CrashWorld> {
  const managementSecret = `canary-manage-${randomBytes(16).toString('hex')}`;
  const sim = await startKestraSim(demoKestraSeed(managementSecret));
  const seeded = new Set(sim.tokens().map((token) => token.id));
  const managementSeed = sim.tokens().find((token) => token.secret === managementSecret);
  if (managementSeed === undefined) throw new Error('the demo seed lost its management token');
  const dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-crash-'));
  const keychainService = `TokenDesk-crash-${randomBytes(4).toString('hex')}`;
  const stack = await startRotationStack({ dataDir, keychainService });
  try {
    const account = await stack.core.accounts.add({
      provider: 'kestra',
      label: 'Kestra',
      baseUrl: sim.url,
      settings: { userId: DEMO_USER, tenant: DEMO_TENANT },
      credential: managementSecret,
    });
    let oldTokenId = managementSeed.id;
    let oldSecret = managementSecret;
    if (target === 'own-token') {
      const created = await stack.core.tokens.create({
        accountId: account.id,
        name: 'release-bot',
        description: 'Releases from CI',
        expiry: { kind: 'days', days: 30 },
      });
      oldTokenId = created.token.id;
      oldSecret = created.secret;
    }
    return {
      sim,
      dataDir,
      keychainService,
      accountId: account.id,
      oldTokenId,
      oldSecret,
      isManagementCredential: target === 'management',
      isTokenDeskToken: (token) => !seeded.has(token.id) || token.id === managementSeed.id,
      serviceTokens: () =>
        sim
          .tokens()
          .filter((token) => token.owner.id === DEMO_USER)
          .map((token) => ({
            id: token.id,
            name: token.name,
            description: token.description,
            secret: token.secret,
            active: !token.revoked && !token.expired,
          })),
      async tearDown(secrets) {
        await clearKeychain(secrets);
        await rm(dataDir, { recursive: true, force: true });
        await sim.close();
      },
    };
  } finally {
    await stack.close();
  }
}

/**
 * Every scenario the harness knows. Roll and guided modes plug in here once their simulator
 * and adapter exist: a GitLab scenario needs the GitLab adapter (rollToken) in
 * rotation-stack.ts's crashAdapters and routes { listTokens: 'listPersonalTokens',
 * rollToken: 'rotatePersonalToken', verify: 'getPersonalTokenSelf' }; a Podstack scenario
 * needs its adapter and sim, and the worker acting as the user (create and revoke a token in
 * the sim's dashboard over TD_SIM_URL, then `provideSecret` / `confirmRevoked`).
 */
export function crashScenarios(): CrashScenario[] {
  return [
    {
      name: 'kestra overlap, a token TokenDesk created',
      method: 'overlap',
      unavailable: null,
      routes: kestraRoutes,
      secondCrashAfter: ['verify:started#1', 'promote:done#1'],
      setUp: () => kestraWorld('own-token'),
    },
    {
      name: "kestra overlap, TokenDesk's own management credential",
      method: 'overlap',
      unavailable: null,
      routes: kestraRoutes,
      secondCrashAfter: ['promote:previous-kept#1'],
      setUp: () => kestraWorld('management'),
    },
    {
      name: 'kestra overlap, published to a GitHub secret, a GitLab CI variable and a .env file',
      method: 'overlap',
      unavailable: null,
      routes: {
        ...kestraRoutes,
        'publish-github-actions': { sim: 'github', route: 'putRepoSecret' },
        'publish-gitlab-variable': { sim: 'gitlab', route: 'updateVariable' },
      },
      secondCrashAfter: ['publish:target-journaled#1', 'call:publish-github-actions#1'],
      setUp: kestraPublishWorld,
    },
    {
      name: 'gitlab roll',
      method: 'roll',
      unavailable: null,
      routes: gitlabRoutes,
      secondCrashAfter: ['create:stored#1', 'verify:started#1'],
      setUp: gitlabWorld,
    },
    {
      name: 'podstack guided',
      method: 'guided',
      unavailable: null,
      routes: { verify: 'listPods' },
      secondCrashAfter: ['verify:started#1', 'promote:done#1'],
      setUp: podstackWorld,
    },
  ];
}
