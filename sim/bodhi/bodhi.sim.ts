import { z } from 'zod';
import { dashboardAction } from '../common/sim-body';
import { lastAcceptedUse } from '../common/sim-calls';
import { createSimClock } from '../common/sim-clock';
import { SimHttpError } from '../common/sim-error';
import { startSimServer } from '../common/sim-server';
import { serverKnobs } from '../common/sim-service-options';
import type { SimServiceOptions } from '../common/sim-service-options';
import type { SimServer } from '../common/sim-types';
import { BodhiAuth } from './bodhi-auth';
import type { BodhiAuthOptions } from './bodhi-auth';
import { SESSION_COOKIE } from './bodhi-sessions';
import { bodhiRoutes } from './bodhi-routes';
import { BodhiState } from './bodhi-state';
import { BODHI_TOKEN_SCOPES } from './bodhi.types';
import type {
  BodhiCall,
  BodhiSeed,
  BodhiTokenScope,
  BodhiTokenView,
  BodhiUserView,
} from './bodhi.types';

export interface BodhiSimOptions extends BodhiSeed, BodhiAuthOptions, SimServiceOptions {}

export interface BodhiDashboard {
  /** What the user does on the app's "API Tokens" page: the full token, shown once. */
  createToken(input: { username: string; name: string; scope?: BodhiTokenScope }): {
    id: string;
    token: string;
  };
  /** "Delete" on the tokens page. */
  revokeToken(input: { tokenId: string }): void;
  /** An admin deactivates a user: all their tokens and sessions stop working. */
  deactivateUser(input: { username: string }): void;
  /** The login behind sessions lapses (one, one user's, or all): token routes answer 401. */
  expireSession(input: { sessionId?: string; username?: string }): { expired: number };
}

export interface BodhiSim extends SimServer {
  /** The app's OAuth client id, the suffix of every token (for newBodhiToken in seeds). */
  readonly clientId: string;
  dashboard: BodhiDashboard;
  /** Logs `username` in without HTTP: the Cookie header value for a fresh session. */
  sessionCookieFor(username: string): string;
  /** Every token ever created or seeded, secrets included, deleted ones too. */
  tokens(): BodhiTokenView[];
  users(): BodhiUserView[];
  /** Every request to an authenticating route, with the bearer or session it carried. */
  calls(): BodhiCall[];
  /** The latest accepted call made with `secret`, e.g. to prove "verify used the new token". */
  lastUseOf(secret: string): BodhiCall | undefined;
  /** The secret of a token that is not deleted, found by name (and username, when names repeat). */
  secretOf(name: string, username?: string): string;
}

const CreateTokenSchema = z.object({
  username: z.string().min(1),
  name: z.string(),
  scope: z.enum(BODHI_TOKEN_SCOPES).optional(),
});
const RevokeSchema = z.object({ tokenId: z.string().min(1) });
const UserSchema = z.object({ username: z.string().min(1) });
const ExpireSchema = z.object({
  sessionId: z.string().min(1).optional(),
  username: z.string().min(1).optional(),
});

/** A Bodhi App on 127.0.0.1: session-managed API tokens, the 200-logged_out verify, idle expiry. */
export async function startBodhiSim(options: BodhiSimOptions = {}): Promise<BodhiSim> {
  const clock = createSimClock(options.clockOffsetMs ?? 0);
  const state = new BodhiState(clock, options);
  const auth = new BodhiAuth(state, options);

  const dashboard: BodhiDashboard = {
    createToken({ username, name, scope }) {
      const token = state.createToken(state.requireUser(username), {
        name,
        scope: scope ?? 'scope_token_user',
      });
      return { id: token.id, token: token.secret };
    },
    revokeToken: ({ tokenId }) => state.deleteById(tokenId),
    deactivateUser({ username }) {
      const user = state.requireUser(username);
      state.deactivateUser(user);
      auth.expireSessions({ userId: user.id });
    },
    expireSession: ({ sessionId, username }) => ({
      expired: auth.expireSessions({
        sessionId,
        userId: username === undefined ? undefined : state.requireUser(username).id,
      }),
    }),
  };

  const server = await startSimServer({
    name: 'bodhi',
    routes: bodhiRoutes(state, auth),
    clock,
    ...serverKnobs(options),
    control: {
      state: () => ({
        clientId: state.clientId,
        users: state.userViews(),
        sessions: auth.sessionViews(),
        tokens: state.tokens(),
        calls: state.calls().slice(-50),
      }),
      actions: {
        'create-token': dashboardAction(CreateTokenSchema, (input) => dashboard.createToken(input)),
        'revoke-token': dashboardAction(RevokeSchema, (input) => dashboard.revokeToken(input), {
          revoked: true,
        }),
        'deactivate-user': dashboardAction(UserSchema, (input) => dashboard.deactivateUser(input), {
          deactivated: true,
        }),
        'expire-session': dashboardAction(ExpireSchema, (input) => dashboard.expireSession(input)),
      },
    },
  });

  return {
    ...server,
    clientId: state.clientId,
    dashboard,
    sessionCookieFor(username) {
      const user = state.requireUser(username);
      if (!user.active) throw new SimHttpError(409, `User ${username} is deactivated`);
      return `${SESSION_COOKIE}=${auth.sessionFor(user).id}`;
    },
    tokens: () => state.tokens(),
    users: () => state.userViews(),
    calls: () => state.calls(),
    lastUseOf: (secret) => lastAcceptedUse(state.calls(), (call) => call.secret, secret),
    secretOf(name, username) {
      const token = state
        .tokens()
        .find(
          (item) =>
            !item.deleted &&
            item.name === name &&
            (username === undefined || item.username === username),
        );
      if (token === undefined) throw new Error(`no Bodhi token named ${name}`);
      return token.secret;
    },
  };
}
