import { z } from 'zod';
import { dashboardAction, parseBody } from '../common/sim-body';
import { lastAcceptedUse, newestCreated } from '../common/sim-calls';
import { createSimClock } from '../common/sim-clock';
import { startSimServer } from '../common/sim-server';
import { serverKnobs } from '../common/sim-service-options';
import type { SimServiceOptions } from '../common/sim-service-options';
import type { SimServer } from '../common/sim-types';
import { teraswitchRoutes } from './teraswitch-routes';
import { TeraswitchState } from './teraswitch-state';
import type {
  TeraswitchCall,
  TeraswitchCreatedToken,
  TeraswitchDashboardRow,
  TeraswitchRole,
  TeraswitchSeed,
  TeraswitchTokenStatus,
  TeraswitchTokenView,
} from './teraswitch.types';

export interface TeraswitchSimOptions extends TeraswitchSeed, SimServiceOptions {}

export interface TeraswitchDashboardCreateToken {
  /** The project id, as in the portal's project settings. */
  project: number;
  displayName: string;
  role: TeraswitchRole;
}

/**
 * Project settings → API Tokens: the only place TeraSwitch tokens are generated, switched and
 * revoked. `tokenId` is the full id or the partial one the page shows.
 */
export interface TeraswitchDashboard {
  /** Shows `tokenId:secret` once. */
  createToken(input: TeraswitchDashboardCreateToken): TeraswitchCreatedToken;
  setTokenStatus(input: { tokenId: string; status: TeraswitchTokenStatus }): void;
  revokeToken(input: { tokenId: string }): void;
  /** The project's rows, newest first; revoked tokens are gone. */
  listTokens(input: { project: number }): TeraswitchDashboardRow[];
}

export interface TeraswitchSim extends SimServer {
  /** `<url>/v2`, the custom base URL an account points at the simulator. */
  readonly apiBase: string;
  dashboard: TeraswitchDashboard;
  /** Every token ever generated or seeded, secrets included, revoked ones too. */
  tokens(): TeraswitchTokenView[];
  /** Every request to a token-checking route, with the credential it carried. */
  calls(): TeraswitchCall[];
  /** The latest accepted call made with `credential` (`tokenId:secret`). */
  lastUseOf(credential: string): TeraswitchCall | undefined;
  /**
   * The full credential `tokenId:secret` (what the user pastes) of the newest unrevoked token
   * with this Display Name, in `projectId` if given.
   */
  secretOf(displayName: string, projectId?: number): string;
}

// The HTTP form checks shapes only; the dashboard's rules (roles, statuses) live in the state,
// so the in-process and HTTP paths answer alike.
const CreateTokenSchema = z.object({
  project: z.number().int(),
  displayName: z.string(),
  role: z.string(),
});
const StatusSchema = z.object({ tokenId: z.string().min(1), status: z.string() });
const RevokeSchema = z.object({ tokenId: z.string().min(1) });
const ListSchema = z.object({ project: z.number().int() });

/** A TeraSwitch v2 API on 127.0.0.1, seeded with projects, tokens, instances and invoices. */
export async function startTeraswitchSim(
  options: TeraswitchSimOptions = {},
): Promise<TeraswitchSim> {
  const clock = createSimClock(options.clockOffsetMs ?? 0);
  const state = new TeraswitchState(clock, options);

  const create = (project: number, displayName: string, role: string): TeraswitchCreatedToken =>
    state.tokens.create(state.projectOf(project).id, displayName, role);
  const dashboard: TeraswitchDashboard = {
    createToken: ({ project, displayName, role }) => create(project, displayName, role),
    setTokenStatus: ({ tokenId, status }) => state.tokens.setStatus(tokenId, status),
    revokeToken: ({ tokenId }) => state.tokens.revoke(tokenId),
    listTokens: ({ project }) => state.tokens.rows(state.projectOf(project).id),
  };

  const server = await startSimServer({
    name: 'teraswitch',
    routes: teraswitchRoutes(state),
    clock,
    ...serverKnobs(options),
    control: {
      state: () => ({
        ...state.summary(),
        tokens: state.tokens.views(),
        calls: state.calls().slice(-50),
      }),
      actions: {
        'create-token': (body) => {
          const { project, displayName, role } = parseBody(CreateTokenSchema, body);
          return create(project, displayName, role);
        },
        'set-token-status': (body) => {
          const { tokenId, status } = parseBody(StatusSchema, body);
          state.tokens.setStatus(tokenId, status);
          return { status };
        },
        'revoke-token': dashboardAction(RevokeSchema, (input) => dashboard.revokeToken(input), {
          revoked: true,
        }),
        'list-tokens': (body) => ({ tokens: dashboard.listTokens(parseBody(ListSchema, body)) }),
      },
    },
  });

  return {
    ...server,
    apiBase: `${server.url}/v2`,
    dashboard,
    tokens: () => state.tokens.views(),
    calls: () => state.calls(),
    lastUseOf: (credential) =>
      lastAcceptedUse(state.calls(), (call) => call.credential, credential),
    secretOf(displayName, projectId) {
      const token = newestCreated(
        state.tokens
          .views()
          .filter(
            (item) =>
              !item.revoked &&
              item.displayName === displayName &&
              (projectId === undefined || item.projectId === projectId),
          ),
      );
      if (token === undefined) throw new Error(`no unrevoked TeraSwitch token ${displayName}`);
      return token.credential;
    },
  };
}
