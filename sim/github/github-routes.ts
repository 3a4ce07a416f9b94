import type { SimMethod, SimReply, SimRequest, SimRoute } from '../common/sim-types';
import { GithubError } from './github-errors';
import type { Caller, GithubState, Repo } from './github-state';
import type { GithubRouteKey } from './github.types';

type Handler = (caller: Caller, request: SimRequest) => SimReply;

/**
 * GitHub's REST endpoints TokenDesk uses (reference/provider-apis.md §6a): the user behind a
 * token, repositories, and Actions secrets of repositories and environments. Environment
 * secrets are served under `/repos/{owner}/{repo}/environments/…` and the older
 * `/repositories/{id}/environments/…` alike.
 */
export function githubRoutes(state: GithubState): SimRoute[] {
  const route = (key: GithubRouteKey, method: SimMethod, path: string, handler: Handler) => ({
    key,
    method,
    path,
    handle(request: SimRequest): SimReply {
      try {
        const caller = state.authenticate(request.headers.authorization, key, method, request.path);
        return handler(caller, request);
      } catch (error) {
        if (!(error instanceof GithubError)) throw error;
        return { status: error.status, body: error.body() };
      }
    },
  });

  const repoOf = (caller: Caller, { params }: SimRequest): Repo =>
    params.id !== undefined
      ? state.repoById(caller, Number.parseInt(params.id, 10))
      : state.visibleRepo(caller, params.owner ?? '', params.repo ?? '');
  const scopeOf = (caller: Caller, request: SimRequest) =>
    state.secretsScope(caller, repoOf(caller, request), request.params.env ?? null);

  const publicKey: Handler = (caller, request) => ({
    status: 200,
    body: state.publicKey(scopeOf(caller, request)),
  });
  const list: Handler = (caller, request) => ({
    status: 200,
    body: state.listSecrets(scopeOf(caller, request)),
  });
  const get: Handler = (caller, request) => ({
    status: 200,
    body: state.secretMetadata(scopeOf(caller, request), request.params.name ?? ''),
  });
  const put: Handler = (caller, request) => ({
    status: state.putSecret(scopeOf(caller, request), request.params.name ?? '', request.body),
  });
  const remove: Handler = (caller, request) => {
    state.deleteSecret(scopeOf(caller, request), request.params.name ?? '');
    return { status: 204 };
  };

  const repoSecrets = '/repos/:owner/:repo/actions/secrets';
  const envRoots = [
    '/repos/:owner/:repo/environments/:env/secrets',
    '/repositories/:id/environments/:env/secrets',
  ];
  // `public-key` before `:name`: the matcher takes the first route that fits.
  return [
    route('getUser', 'GET', '/user', (caller) => ({
      status: 200,
      body: { login: caller.token.login, id: caller.token.id, type: 'User' },
    })),
    route('getRepo', 'GET', '/repos/:owner/:repo', (caller, request) => {
      const repo = repoOf(caller, request);
      const [owner = ''] = repo.fullName.split('/');
      return {
        status: 200,
        body: {
          id: repo.id,
          full_name: repo.fullName,
          private: repo.private,
          owner: { login: owner },
        },
      };
    }),
    route('getRepoPublicKey', 'GET', `${repoSecrets}/public-key`, publicKey),
    route('listRepoSecrets', 'GET', repoSecrets, list),
    route('getRepoSecret', 'GET', `${repoSecrets}/:name`, get),
    route('putRepoSecret', 'PUT', `${repoSecrets}/:name`, put),
    route('deleteRepoSecret', 'DELETE', `${repoSecrets}/:name`, remove),
    ...envRoots.flatMap((root) => [
      route('getEnvPublicKey', 'GET', `${root}/public-key`, publicKey),
      route('listEnvSecrets', 'GET', root, list),
      route('getEnvSecret', 'GET', `${root}/:name`, get),
      route('putEnvSecret', 'PUT', `${root}/:name`, put),
      route('deleteEnvSecret', 'DELETE', `${root}/:name`, remove),
    ]),
  ];
}
