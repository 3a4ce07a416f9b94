import type { SimReply, SimRequest } from '../common/sim-types';
import { bodyOf, tokenParams } from './gitlab-create-params';
import { badRequest, forbidden, invalidParam, notFound, unauthorized } from './gitlab-errors';
import { paginate } from './gitlab-pagination';
import { requireScope } from './gitlab-auth';
import type { Caller } from './gitlab-auth';
import { MAX_LIFETIME_DAYS } from './gitlab-state';
import type { GitlabState, TokenRecord } from './gitlab-state';
import { queryTokens } from './gitlab-token-query';
import { GITLAB_PERSONAL_SCOPES } from './gitlab.types';

/** Scopes each kind of endpoint accepts (API::API's defaults and the per-class overrides). */
export const READ_SCOPES = ['api', 'read_api'] as const;
export const WRITE_SCOPES = ['api'] as const;
export const SELF_ROTATE_SCOPES = ['api', 'self_rotate'] as const;

/** Grape's `requires :id, type: Integer`. */
export function integerParam(request: SimRequest, name: string): number {
  const text = request.params[name] ?? '';
  if (!/^\d+$/.test(text)) throw invalidParam(name);
  return Number(text);
}

/** The request's own URL, for the Link header. */
export function selfUrl(request: SimRequest): string {
  return `http://${request.headers.host ?? '127.0.0.1'}${request.path}`;
}

function expiresAtOf(body: unknown): unknown {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('Body must be an object');
  return (body as Record<string, unknown>).expires_at;
}

/**
 * `/personal_access_tokens…` (lib/api/personal_access_tokens*.rb): a user sees and manages their
 * own tokens; an admin sees and manages everyone's and learns when an id does not exist, while
 * anyone else gets 401 for both "not yours" and "no such token".
 */
export class PersonalTokenRules {
  constructor(private readonly state: GitlabState) {}

  list(caller: Caller, request: SimRequest): SimReply {
    requireScope(caller, READ_SCOPES);
    const userParam = request.query.get('user_id');
    let owner: number | null = caller.user.admin ? null : caller.user.id;
    if (userParam !== null && userParam !== '') {
      if (!/^\d+$/.test(userParam)) throw invalidParam('user_id');
      const userId = Number(userParam);
      if (!caller.user.admin && userId !== caller.user.id) throw unauthorized();
      if (this.state.findUser(userId) === undefined) throw notFound('User');
      owner = userId;
    }
    const mine = this.state.allTokens().filter((token) => owner === null || token.userId === owner);
    const page = paginate(
      queryTokens(mine, request.query, this.state.now()),
      request.query,
      selfUrl(request),
    );
    return {
      status: 200,
      body: page.items.map((token) => this.state.personalEntity(token)),
      headers: page.headers,
    };
  }

  /** Any scope may read the calling token: the verify call. */
  self(caller: Caller): SimReply {
    return { status: 200, body: this.state.personalEntity(caller.token) };
  }

  get(caller: Caller, request: SimRequest): SimReply {
    requireScope(caller, READ_SCOPES);
    const token = this.managedToken(caller, integerParam(request, 'id'));
    return { status: 200, body: this.state.personalEntity(token) };
  }

  rotate(caller: Caller, request: SimRequest): SimReply {
    requireScope(caller, WRITE_SCOPES);
    const token = this.managedToken(caller, integerParam(request, 'id'));
    return this.rotated(token, request.body);
  }

  rotateSelf(caller: Caller, request: SimRequest): SimReply {
    requireScope(caller, SELF_ROTATE_SCOPES);
    return this.rotated(caller.token, request.body);
  }

  /**
   * `POST /users/:user_id/personal_access_tokens` (lib/api/users.rb): administrators only, checked
   * before the parameters; without expires_at the token gets the maximum lifetime (201).
   */
  create(caller: Caller, request: SimRequest): SimReply {
    requireScope(caller, WRITE_SCOPES);
    if (!caller.user.admin) throw forbidden();
    const userId = integerParam(request, 'user_id');
    const body = bodyOf(request);
    const params = tokenParams(body, GITLAB_PERSONAL_SCOPES);
    const user = this.state.findUser(userId);
    if (user === undefined || user.bot !== null) throw notFound('User');
    const token = this.state.createToken({
      userId,
      ...params,
      expiresAt: this.state.expiryFrom(body.expires_at, MAX_LIFETIME_DAYS),
    });
    return { status: 201, body: { ...this.state.personalEntity(token), token: token.secret } };
  }

  /** `find_token` answers 404 for a missing id; RevokeService refuses others' tokens with 400. */
  revoke(caller: Caller, request: SimRequest): SimReply {
    requireScope(caller, WRITE_SCOPES);
    const token = this.state.findToken(integerParam(request, 'id'));
    if (token === undefined) throw notFound();
    if (!caller.user.admin && token.userId !== caller.user.id) throw badRequest();
    this.state.revoke(token);
    return { status: 204 };
  }

  /** Any scope may revoke the calling token itself. */
  revokeSelf(caller: Caller): SimReply {
    this.state.revoke(caller.token);
    return { status: 204 };
  }

  private managedToken(caller: Caller, id: number): TokenRecord {
    const token = this.state.findToken(id);
    if (token !== undefined && (caller.user.admin || token.userId === caller.user.id)) {
      return token;
    }
    throw caller.user.admin ? notFound() : unauthorized();
  }

  private rotated(token: TokenRecord, body: unknown): SimReply {
    const next = this.state.rotate(token, expiresAtOf(body));
    return { status: 200, body: { ...this.state.personalEntity(next), token: next.secret } };
  }
}
