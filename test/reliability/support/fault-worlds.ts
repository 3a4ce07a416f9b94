import { randomBytes } from 'node:crypto';
import { demoBodhiSeed, DEMO_BODHI_USER } from '../../../sim/bodhi/bodhi-seeds';
import { startBodhiSim } from '../../../sim/bodhi/bodhi.sim';
import { DEFAULT_CLIENT_ID } from '../../../sim/bodhi/bodhi-state';
import { newBodhiToken } from '../../../sim/bodhi/bodhi-token-format';
import type { SimServer } from '../../../sim/common/sim-types';
import { startGitlabSim } from '../../../sim/gitlab/gitlab.sim';
import { demoKestraSeed, DEMO_TENANT, DEMO_USER } from '../../../sim/kestra/kestra-seeds';
import { startKestraSim } from '../../../sim/kestra/kestra.sim';

/** A token as the service holds it, secret included (only a simulator can say). */
export interface LiveToken {
  id: string;
  name: string;
  secret: string;
}

export type MutatingCall = 'create' | 'roll' | 'revoke';

/** One API-managed service as the fault matrix drives it. */
export interface FaultWorld {
  sim: SimServer;
  /** accounts:add arguments. */
  account: Record<string, unknown>;
  /** tokens:create arguments, without the account id. */
  token: Record<string, unknown>;
  liveTokens(): LiveToken[];
  familyRevocations(): number;
}

export interface ServiceCase {
  service: string;
  /** The route key each mutating call of this service's rotation reaches. */
  routes: Partial<Record<MutatingCall, string>>;
  start(): Promise<FaultWorld>;
}

const GITLAB_USERS = (manage: string) => [
  {
    id: 1,
    username: 'root',
    admin: true,
    tokens: [{ name: 'tokendesk', secret: manage, expiresInDays: 300 }],
  },
];

async function gitlabWorld(tokenType: 'personal' | 'project'): Promise<FaultWorld> {
  const manage = `glpat-${randomBytes(15).toString('base64url')}`;
  const sim = await startGitlabSim({
    users: GITLAB_USERS(manage),
    projects: [
      { id: 101, pathWithNamespace: 'acme/web', members: [{ userId: 1, accessLevel: 50 }] },
    ],
  });
  return {
    sim,
    account: {
      provider: 'gitlab',
      label: `GitLab ${tokenType}`,
      baseUrl: sim.url,
      settings:
        tokenType === 'personal'
          ? { tokenType, scopes: 'api' }
          : { tokenType, project: 'acme/web', scopes: 'api' },
      credential: manage,
    },
    token: { name: 'release-bot', expiry: { kind: 'days', days: 30 } },
    liveTokens: () =>
      sim
        .tokens()
        .filter((token) => token.active)
        .map((token) => ({ id: String(token.id), name: token.name, secret: token.secret })),
    familyRevocations: () => sim.familyRevocations(),
  };
}

/** Every API-managed service and token kind, with the calls a rotation makes there. */
export const serviceCases: ServiceCase[] = [
  {
    service: 'Kestra',
    routes: { create: 'createUserToken', revoke: 'deleteUserToken' },
    async start() {
      const manage = `kestra-manage-${randomBytes(16).toString('hex')}`;
      const sim = await startKestraSim(demoKestraSeed(manage));
      return {
        sim,
        account: {
          provider: 'kestra',
          label: 'Kestra',
          baseUrl: sim.url,
          settings: { userId: DEMO_USER, tenant: DEMO_TENANT },
          credential: manage,
        },
        token: { name: 'release-bot', expiry: { kind: 'days', days: 30 } },
        liveTokens: () =>
          sim
            .tokens()
            .filter((token) => !token.revoked)
            .map(({ id, name, secret }) => ({ id, name, secret })),
        familyRevocations: () => 0,
      };
    },
  },
  // A roll rotation's only mutating call is the roll: the old token dies with it.
  {
    service: 'GitLab personal',
    routes: { roll: 'rotatePersonalToken' },
    start: () => gitlabWorld('personal'),
  },
  {
    service: 'GitLab project',
    routes: { roll: 'rotateProjectToken' },
    start: () => gitlabWorld('project'),
  },
  {
    service: 'Bodhi (session)',
    routes: { create: 'createToken', revoke: 'deleteToken' },
    async start() {
      const sim = await startBodhiSim(
        demoBodhiSeed(newBodhiToken(DEFAULT_CLIENT_ID), DEFAULT_CLIENT_ID),
      );
      return {
        sim,
        account: {
          provider: 'bodhi',
          label: 'Bodhi',
          baseUrl: sim.url,
          settings: {},
          credential: sim.sessionCookieFor(DEMO_BODHI_USER),
        },
        token: { name: 'release-bot', expiry: { kind: 'never' } },
        liveTokens: () =>
          sim
            .tokens()
            .filter((token) => token.status === 'active' && !token.deleted)
            .map(({ id, name, secret }) => ({ id, name, secret })),
        familyRevocations: () => 0,
      };
    },
  },
];
