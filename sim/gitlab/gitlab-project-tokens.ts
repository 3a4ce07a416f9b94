import type { SimReply, SimRequest } from '../common/sim-types';
import { bodyOf, tokenParams } from './gitlab-create-params';
import type { TokenParams } from './gitlab-create-params';
import { badRequest, invalidParam, notFound, unauthorized } from './gitlab-errors';
import { paginate } from './gitlab-pagination';
import { READ_SCOPES, SELF_ROTATE_SCOPES, WRITE_SCOPES, selfUrl } from './gitlab-personal-tokens';
import { requireScope } from './gitlab-auth';
import type { Caller } from './gitlab-auth';
import type { GitlabProject, GitlabState, TokenRecord } from './gitlab-state';
import { queryTokens } from './gitlab-token-query';
import { GITLAB_ACCESS_LEVELS, GITLAB_PROJECT_SCOPES, MAINTAINER } from './gitlab.types';

const NOT_PERMITTED = 'User does not have permission to create project access token';

/** The shared checks, then the role: GitLab's access levels only, Maintainer by default. */
function createParams(body: Record<string, unknown>): TokenParams & { accessLevel: number } {
  const params = tokenParams(body, GITLAB_PROJECT_SCOPES);
  const level = body.access_level ?? MAINTAINER;
  if (!(GITLAB_ACCESS_LEVELS as readonly unknown[]).includes(level)) {
    throw invalidParam('access_level', 'does not have a valid value');
  }
  return { ...params, accessLevel: level as number };
}

/**
 * `/projects/:id/access_tokens…` (lib/api/resource_access_tokens.rb): tokens of the project's
 * bot users, managed by its Maintainers and Owners (and admins). Non-members do not see the
 * project at all (404). Each token gets its own bot user; rotation keeps the bot.
 */
export class ProjectTokenRules {
  constructor(private readonly state: GitlabState) {}

  list(caller: Caller, request: SimRequest): SimReply {
    requireScope(caller, READ_SCOPES);
    const project = this.readableProject(caller, request);
    const tokens = queryTokens(this.state.projectTokens(project), request.query, this.state.now());
    const page = paginate(tokens, request.query, selfUrl(request));
    return {
      status: 200,
      body: page.items.map((token) => this.state.projectEntity(token)),
      headers: page.headers,
    };
  }

  get(caller: Caller, request: SimRequest): SimReply {
    requireScope(caller, READ_SCOPES);
    const project = this.readableProject(caller, request);
    const token = this.tokenIn(project, request.params.tokenId ?? '');
    if (token === undefined) throw notFound('project Access Token');
    return { status: 200, body: this.state.projectEntity(token) };
  }

  /** Only a person's token may create one, with at most the person's own role (201). */
  create(caller: Caller, request: SimRequest): SimReply {
    requireScope(caller, WRITE_SCOPES);
    // Grape validates parameters before the endpoint looks the project up.
    const params = createParams(bodyOf(request));
    const project = this.visibleProject(caller, request);
    const level = this.state.accessLevelIn(caller.user, project);
    if (caller.user.bot !== null || level < MAINTAINER) throw badRequest(NOT_PERMITTED);
    if (params.accessLevel > level) {
      throw badRequest(
        "Access level of the token can't be greater the access level of the user who created the token",
      );
    }
    const expiresAt = this.state.expiryFrom(bodyOf(request).expires_at, null);
    const bot = this.state.addBotUser(project, params.accessLevel);
    const token = this.state.createToken({
      userId: bot.id,
      name: params.name,
      description: params.description,
      scopes: params.scopes,
      expiresAt,
    });
    return { status: 201, body: { ...this.state.projectEntity(token), token: token.secret } };
  }

  /**
   * A Maintainer rotates any token of the project whose role does not exceed theirs; a project
   * token may rotate itself as `self` with `api` or `self_rotate`.
   */
  rotate(caller: Caller, request: SimRequest): SimReply {
    const tokenId = request.params.tokenId ?? '';
    const isSelf = tokenId === 'self';
    requireScope(caller, isSelf ? SELF_ROTATE_SCOPES : WRITE_SCOPES);
    const project = this.visibleProject(caller, request);
    const level = this.state.accessLevelIn(caller.user, project);
    let token: TokenRecord | undefined;
    if (isSelf) {
      token = caller.user.bot?.projectId === project.id ? caller.token : undefined;
    } else if (level >= MAINTAINER) {
      token = this.tokenIn(project, tokenId);
    }
    if (token === undefined) throw caller.user.admin ? notFound() : unauthorized();
    const tokenLevel = this.state.userOf(token).bot?.accessLevel ?? 0;
    if (!isSelf && tokenLevel > level) {
      throw badRequest('Not eligible to rotate token with access level higher than the user');
    }
    const next = this.state.rotate(token, bodyOf(request).expires_at);
    return { status: 200, body: { ...this.state.projectEntity(next), token: next.secret } };
  }

  revoke(caller: Caller, request: SimRequest): SimReply {
    requireScope(caller, WRITE_SCOPES);
    const project = this.visibleProject(caller, request);
    const token = this.tokenIn(project, request.params.tokenId ?? '');
    if (token === undefined) throw notFound('project Access Token');
    if (this.state.accessLevelIn(caller.user, project) < MAINTAINER) {
      throw badRequest(
        `${caller.user.username} cannot delete ${this.state.userOf(token).username}`,
      );
    }
    this.state.revoke(token);
    return { status: 204 };
  }

  /** A private project is invisible (404) to anyone who is neither a member nor an admin. */
  private visibleProject(caller: Caller, request: SimRequest): GitlabProject {
    const project = this.state.findProject(request.params.id ?? '');
    if (project === undefined || this.state.accessLevelIn(caller.user, project) === 0) {
      throw notFound('Project');
    }
    return project;
  }

  /** Reading tokens needs Maintainer; others get GitLab's `unauthorized!` (401). */
  private readableProject(caller: Caller, request: SimRequest): GitlabProject {
    const project = this.visibleProject(caller, request);
    if (this.state.accessLevelIn(caller.user, project) < MAINTAINER) throw unauthorized();
    return project;
  }

  private tokenIn(project: GitlabProject, tokenId: string): TokenRecord | undefined {
    if (!/^\d+$/.test(tokenId)) return undefined;
    return this.state.projectTokens(project).find((token) => token.id === Number(tokenId));
  }
}
