import type { SimMethod, SimReply, SimRequest, SimRoute } from '../common/sim-types';
import { GitlabCiError } from './gitlab-ci-errors';
import type { Caller, GitlabCiState } from './gitlab-ci-state';
import type { GitlabCiRouteKey } from './gitlab-ci.types';

type Handler = (caller: Caller, request: SimRequest) => SimReply;

const VARIABLES = '/api/v4/projects/:id/variables';

function fieldsOf(request: SimRequest): Record<string, unknown> {
  const body: unknown = request.body;
  const fields: Record<string, unknown> =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? { ...(body as Record<string, unknown>) }
      : {};
  // Grape merges query and body parameters; a form client sends them in the query.
  for (const [name, value] of request.query) if (!(name in fields)) fields[name] = value;
  return fields;
}

/** `filter[environment_scope]` from the query, or `{filter: {environment_scope}}` in the body. */
function scopeFilter(request: SimRequest): string | null {
  const query = request.query.get('filter[environment_scope]');
  if (query !== null) return query;
  const filter = fieldsOf(request).filter;
  if (typeof filter === 'object' && filter !== null) {
    const scope = (filter as Record<string, unknown>).environment_scope;
    if (typeof scope === 'string') return scope;
  }
  return null;
}

/**
 * GitLab's project-level CI/CD variables API (reference/provider-apis.md §6b). `:id` is the
 * numeric id or the URL-encoded path (`group%2Fproject`); the matcher decodes it.
 */
export function gitlabCiRoutes(state: GitlabCiState): SimRoute[] {
  const route = (key: GitlabCiRouteKey, method: SimMethod, path: string, handler: Handler) => ({
    key,
    method,
    path,
    handle(request: SimRequest): SimReply {
      try {
        const header = request.headers['private-token'];
        const privateToken = Array.isArray(header) ? header[0] : header;
        const caller = state.authenticate(
          privateToken,
          request.headers.authorization,
          key,
          method,
          request.path,
        );
        return handler(caller, request);
      } catch (error) {
        if (!(error instanceof GitlabCiError)) throw error;
        return { status: error.status, body: error.body };
      }
    },
  });
  const project = (caller: Caller, request: SimRequest) =>
    state.project(caller, request.params.id ?? '');

  return [
    route('listVariables', 'GET', VARIABLES, (caller, request) => ({
      status: 200,
      body: state.list(project(caller, request)),
    })),
    route('getVariable', 'GET', `${VARIABLES}/:key`, (caller, request) => ({
      status: 200,
      body: state.get(project(caller, request), request.params.key ?? '', scopeFilter(request)),
    })),
    route('createVariable', 'POST', VARIABLES, (caller, request) => ({
      status: 201,
      body: state.create(project(caller, request), fieldsOf(request)),
    })),
    route('updateVariable', 'PUT', `${VARIABLES}/:key`, (caller, request) => ({
      status: 200,
      body: state.update(
        project(caller, request),
        request.params.key ?? '',
        scopeFilter(request),
        fieldsOf(request),
      ),
    })),
    route('deleteVariable', 'DELETE', `${VARIABLES}/:key`, (caller, request) => {
      state.remove(project(caller, request), request.params.key ?? '', scopeFilter(request));
      return { status: 204 };
    }),
  ];
}
