import type { SimMethod, SimReply, SimRequest, SimRoute } from '../common/sim-types';
import { GitlabError } from './gitlab-errors';
import { PersonalTokenRules } from './gitlab-personal-tokens';
import { ProjectTokenRules } from './gitlab-project-tokens';
import type { Caller, GitlabAuth } from './gitlab-auth';
import type { GitlabState } from './gitlab-state';
import type { GitlabRouteKey } from './gitlab.types';

type Handler = (caller: Caller, request: SimRequest) => SimReply;

const API = '/api/v4';
const PATS = `${API}/personal_access_tokens`;
const PROJECT_TOKENS = `${API}/projects/:id/access_tokens`;
const USER_TOKENS = `${API}/users/:user_id/personal_access_tokens`;

/**
 * GitLab's token endpoints (reference/provider-apis.md §5) under `/api/v4`. Every route
 * authenticates first, as the API guard does before any endpoint runs; GitLab's own error
 * shapes are answered as they are rather than as the framework's `{message}`.
 */
export function gitlabRoutes(state: GitlabState, auth: GitlabAuth): SimRoute[] {
  const pats = new PersonalTokenRules(state);
  const projects = new ProjectTokenRules(state);

  const route = (key: GitlabRouteKey, method: SimMethod, path: string, handler: Handler) => ({
    key,
    method,
    path,
    handle(request: SimRequest): SimReply {
      try {
        return handler(auth.authenticate(request, key), request);
      } catch (error) {
        if (!(error instanceof GitlabError)) throw error;
        return { status: error.status, body: error.body, headers: error.headers };
      }
    },
  });

  // The `self` routes come first: the matcher takes the first route whose pattern fits.
  return [
    route('listPersonalTokens', 'GET', PATS, (caller, request) => pats.list(caller, request)),
    route('getPersonalTokenSelf', 'GET', `${PATS}/self`, (caller) => pats.self(caller)),
    route('getPersonalToken', 'GET', `${PATS}/:id`, (caller, request) => pats.get(caller, request)),
    route('rotatePersonalTokenSelf', 'POST', `${PATS}/self/rotate`, (caller, request) =>
      pats.rotateSelf(caller, request),
    ),
    route('rotatePersonalToken', 'POST', `${PATS}/:id/rotate`, (caller, request) =>
      pats.rotate(caller, request),
    ),
    route('revokePersonalTokenSelf', 'DELETE', `${PATS}/self`, (caller) => pats.revokeSelf(caller)),
    route('revokePersonalToken', 'DELETE', `${PATS}/:id`, (caller, request) =>
      pats.revoke(caller, request),
    ),
    route('createPersonalToken', 'POST', USER_TOKENS, (caller, request) =>
      pats.create(caller, request),
    ),
    route('listProjectTokens', 'GET', PROJECT_TOKENS, (caller, request) =>
      projects.list(caller, request),
    ),
    route('getProjectToken', 'GET', `${PROJECT_TOKENS}/:tokenId`, (caller, request) =>
      projects.get(caller, request),
    ),
    route('createProjectToken', 'POST', PROJECT_TOKENS, (caller, request) =>
      projects.create(caller, request),
    ),
    route('rotateProjectToken', 'POST', `${PROJECT_TOKENS}/:tokenId/rotate`, (caller, request) =>
      projects.rotate(caller, request),
    ),
    route('revokeProjectToken', 'DELETE', `${PROJECT_TOKENS}/:tokenId`, (caller, request) =>
      projects.revoke(caller, request),
    ),
  ];
}
