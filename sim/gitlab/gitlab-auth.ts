import type { SimRequest } from '../common/sim-types';
import { isExpired } from './gitlab-dates';
import { insufficientScope, tokenExpired, tokenRevoked, unauthorized } from './gitlab-errors';
import type { GitlabState, GitlabUser, TokenRecord } from './gitlab-state';
import type { GitlabCall } from './gitlab.types';

const MAX_CALLS = 1000;

/** The user and token a request authenticated as. */
export interface Caller {
  user: GitlabUser;
  token: TokenRecord;
}

/** GitLab reads PRIVATE-TOKEN (header or `private_token` param) first, then an OAuth bearer. */
function presentedSecret(request: SimRequest): string | null {
  const header = request.headers['private-token'];
  const privateToken = Array.isArray(header) ? header[0] : header;
  if (privateToken !== undefined && privateToken !== '') return privateToken;
  const param = request.query.get('private_token');
  if (param !== null && param !== '') return param;
  return /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
}

/**
 * The request path AuthFinders#access_token_rotation_request? matches: only there does a
 * revoked token set off reuse detection.
 */
function isRotationPath(path: string): boolean {
  return /access_tokens\/(\d+|self)\/rotate\/?$/.test(path);
}

/** Each endpoint accepts some scopes; a valid token holding none of them gets 403. */
export function requireScope(caller: Caller, accepted: readonly string[]): void {
  if (!accepted.some((scope) => caller.token.scopes.includes(scope))) {
    throw insufficientScope(accepted);
  }
}

/** GitLab's API guard for access tokens, and the record of every call it judged. */
export class GitlabAuth {
  private readonly log: GitlabCall[] = [];

  constructor(private readonly state: GitlabState) {}

  /**
   * Finds the presented token and checks it as AccessTokenValidationService does: expired first,
   * then revoked. A revoked token presented to a rotate endpoint is reuse: every token rotated
   * from it is revoked too. An accepted call marks the token used, before any scope or
   * permission check, as LastUsedService runs in the auth finder.
   */
  authenticate(request: SimRequest, route: string): Caller {
    const now = this.state.now();
    const secret = presentedSecret(request);
    const token = secret === null ? undefined : this.state.tokenBySecret(secret);
    const expired = token !== undefined && isExpired(token.expiresAt, now);
    const accepted = token !== undefined && !expired && !token.revoked;
    this.log.push({
      at: now.toISOString(),
      route,
      method: request.method,
      path: request.path,
      secret,
      tokenId: token?.id ?? null,
      accepted,
    });
    if (this.log.length > MAX_CALLS) this.log.shift();
    if (token === undefined) throw unauthorized();
    if (expired) throw tokenExpired();
    if (token.revoked) {
      if (isRotationPath(request.path)) this.state.revokeFamily(token);
      throw tokenRevoked();
    }
    token.lastUsedAt = now;
    return { user: this.state.userOf(token), token };
  }

  calls(): GitlabCall[] {
    return [...this.log];
  }
}
