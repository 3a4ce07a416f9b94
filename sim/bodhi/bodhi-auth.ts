import type { SimRequest } from '../common/sim-types';
import {
  badCredentials,
  forbidden,
  invalidAccess,
  invalidToken,
  missingAuth,
  sessionExpired,
  tokenInactive,
} from './bodhi-errors';
import { BodhiSessions } from './bodhi-sessions';
import type { BodhiSession } from './bodhi-sessions';
import type { BodhiState, BodhiUser, TokenRecord } from './bodhi-state';
import { parseBodhiToken } from './bodhi-token-format';
import { BODHI_ROLES } from './bodhi.types';
import type { BodhiCall, BodhiRole, BodhiUserInfo } from './bodhi.types';

/** Who a request is: an API token, a logged-in browser session, or nobody. */
export type BodhiCaller =
  | { kind: 'api_token'; user: BodhiUser; token: TokenRecord }
  | { kind: 'session'; user: BodhiUser; session: BodhiSession }
  | { kind: 'anonymous' };

export interface BodhiAuthOptions {
  /**
   * What a valid API token gets on a session-only route. Bodhi's OpenAPI text and PROVIDERS.md
   * say 403; its middleware code (api_auth_middleware, ApiAuthError::MissingAuth) answers 401.
   */
  apiTokenOnSessionRoutes?: 401 | 403;
}

type BearerCheck = { ok: true; token: TokenRecord } | { ok: false; error: Error };

function atLeast(role: BodhiRole, needed: BodhiRole): boolean {
  return BODHI_ROLES.indexOf(role) >= BODHI_ROLES.indexOf(needed);
}

/**
 * Bodhi's credentials: browser sessions (the only way to manage tokens) and bearer API tokens
 * (the only way to use the API as a program), checked as auth_middleware does.
 */
export class BodhiAuth {
  private readonly sessions = new BodhiSessions();
  private readonly apiTokenOnSessionRoutes: 401 | 403;

  constructor(
    private readonly state: BodhiState,
    options: BodhiAuthOptions = {},
  ) {
    this.apiTokenOnSessionRoutes = options.apiTokenOnSessionRoutes ?? 403;
  }

  /** The simulator's stand-in for Bodhi's OAuth login: the right password → a new session. */
  login({ username, password }: { username: unknown; password: unknown }): {
    user: BodhiUser;
    session: BodhiSession;
  } {
    const user = typeof username === 'string' ? this.state.findUser(username) : undefined;
    if (user === undefined || !user.active || password !== user.password) throw badCredentials();
    return { user, session: this.sessions.create(user.id, this.state.now()) };
  }

  /** A session for a user without the login round trip, for tests and the demo. */
  sessionFor(user: BodhiUser): BodhiSession {
    return this.sessions.create(user.id, this.state.now());
  }

  expireSessions(filter: { sessionId?: string; userId?: string }): number {
    return this.sessions.expire(filter);
  }

  sessionViews(): { id: string; username: string; expired: boolean }[] {
    return this.sessions.list().map((session) => ({
      id: session.id,
      username: this.state.userOf(session.userId).username,
      expired: session.expired,
    }));
  }

  /**
   * Who the request is. An Authorization header wins over any cookie (auth_middleware checks it
   * first): a bad bearer value is a 401 here. Without one, the session cookie counts; an expired
   * session, or one whose user was deactivated, is a 401; no session at all is anonymous, for
   * the route to judge. An accepted API token is marked used, which restarts its idle clock.
   */
  resolve(request: SimRequest, route: string): BodhiCaller {
    this.state.sweep();
    const remember = (call: Pick<BodhiCall, 'secret' | 'sessionUser' | 'tokenId' | 'accepted'>) =>
      this.state.remember({
        at: this.state.now().toISOString(),
        route,
        method: request.method,
        path: request.path,
        ...call,
      });

    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const secret = authorization.startsWith('Bearer ') ? authorization.slice(7).trim() : null;
      const check = this.checkBearer(secret);
      const presented = secret === null ? undefined : this.state.liveToken(secret);
      remember({ secret, sessionUser: null, tokenId: presented?.id ?? null, accepted: check.ok });
      if (!check.ok) throw check.error;
      this.state.markUsed(check.token);
      return { kind: 'api_token', user: this.state.userOf(check.token.userId), token: check.token };
    }

    const session = this.sessions.fromRequest(request.headers);
    if (session === null) {
      remember({ secret: null, sessionUser: null, tokenId: null, accepted: false });
      return { kind: 'anonymous' };
    }
    const user = this.state.userOf(session.userId);
    const live = !session.expired && user.active;
    remember({ secret: null, sessionUser: user.username, tokenId: null, accepted: live });
    if (!live) throw sessionExpired();
    return { kind: 'session', user, session };
  }

  /** The token routes: a logged-in Power User or above, never an API token. */
  requireManagementSession(caller: BodhiCaller): BodhiUser {
    if (caller.kind === 'anonymous') throw invalidAccess();
    if (caller.kind === 'api_token') {
      throw this.apiTokenOnSessionRoutes === 401 ? missingAuth() : forbidden();
    }
    if (!atLeast(caller.user.role, 'resource_power_user')) throw forbidden();
    return caller.user;
  }

  /** The OpenAI-compatible routes: any API token or any logged-in user. */
  requireAnyAuth(caller: BodhiCaller): void {
    if (caller.kind === 'anonymous') throw invalidAccess();
  }

  userInfo(caller: BodhiCaller): BodhiUserInfo {
    switch (caller.kind) {
      case 'anonymous':
        return { auth_status: 'logged_out' };
      case 'api_token':
        return { auth_status: 'api_token', role: caller.token.scope };
      case 'session':
        return this.loggedIn(caller.user);
    }
  }

  loggedIn(user: BodhiUser): BodhiUserInfo {
    return {
      auth_status: 'logged_in',
      user_id: user.id,
      username: user.username,
      first_name: user.firstName,
      last_name: user.lastName,
      role: user.role,
    };
  }

  /**
   * Bodhi's validation order: format and checksum, lookup by prefix, status, then the hash of
   * the full token, which covers its `.client_id` suffix too.
   */
  private checkBearer(secret: string | null): BearerCheck {
    const fail = (error: Error): BearerCheck => ({ ok: false, error });
    if (secret === null || secret === '') {
      return fail(invalidToken('authorization header is malformed'));
    }
    const parsed = parseBodhiToken(secret);
    if (!parsed.ok) return fail(invalidToken(parsed.reason));
    const row = this.state.liveTokenByPrefix(parsed.tokenPrefix);
    if (row === undefined) return fail(invalidToken('Token not found'));
    if (row.status !== 'active') return fail(tokenInactive());
    if (row.secret !== secret) return fail(invalidToken('Invalid token'));
    return { ok: true, token: row };
  }
}
