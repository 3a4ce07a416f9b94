import type { SimMethod, SimReply, SimRequest, SimRoute } from '../common/sim-types';
import type { KestraState } from './kestra-state';
import type { KestraOwner } from './kestra.types';

type Handler = (request: SimRequest, caller: ReturnType<KestraState['authenticate']>) => SimReply;

function user(request: SimRequest): KestraOwner {
  return { kind: 'user', id: request.params.id ?? '' };
}

function serviceAccount(request: SimRequest): KestraOwner {
  return {
    kind: 'service-account',
    id: request.params.id ?? '',
    tenant: request.params.tenant ?? null,
  };
}

/**
 * Kestra Enterprise's token endpoints (reference/provider-apis.md §1). Every route checks the
 * bearer token first, as the service's security filter does before any controller runs.
 */
export function kestraRoutes(state: KestraState): SimRoute[] {
  const route = (key: string, method: SimMethod, path: string, handler: Handler): SimRoute => ({
    key,
    method,
    path,
    handle: (request) => {
      const caller = state.authenticate(request.headers.authorization, {
        route: key,
        method,
        path: request.path,
      });
      return handler(request, caller);
    },
  });

  const list =
    (owner: (request: SimRequest) => KestraOwner): Handler =>
    (request, caller) => {
      state.requireAccess(caller, owner(request));
      const results = state.listTokens(owner(request));
      return { status: 200, body: { results, total: results.length } };
    };
  const create =
    (owner: (request: SimRequest) => KestraOwner, status: number): Handler =>
    (request, caller) => {
      state.requireAccess(caller, owner(request));
      return { status, body: state.createToken(owner(request), request.body) };
    };
  const remove =
    (owner: (request: SimRequest) => KestraOwner, status: number): Handler =>
    (request, caller) => {
      state.requireAccess(caller, owner(request));
      state.revokeToken(owner(request), request.params.tokenId ?? '');
      return { status };
    };
  const searchFlows: Handler = (request, caller) => {
    state.requireTenant(caller, request.params.tenant ?? null);
    return { status: 200, body: { results: [], total: 0 } };
  };

  const userTokens = '/api/v1/users/:id/api-tokens';
  const saTokens = '/api/v1/service-accounts/:id/api-tokens';
  const tenantSaTokens = '/api/v1/:tenant/service-accounts/:id/api-tokens';
  return [
    route('listUserTokens', 'GET', userTokens, list(user)),
    // The OpenAPI spec answers 201/204 for users but 200 for service accounts; both are kept.
    route('createUserToken', 'POST', userTokens, create(user, 201)),
    route('deleteUserToken', 'DELETE', `${userTokens}/:tokenId`, remove(user, 204)),
    route('listServiceAccountTokens', 'GET', saTokens, list(serviceAccount)),
    route('listServiceAccountTokens', 'GET', tenantSaTokens, list(serviceAccount)),
    route('createServiceAccountToken', 'POST', saTokens, create(serviceAccount, 200)),
    route('createServiceAccountToken', 'POST', tenantSaTokens, create(serviceAccount, 200)),
    route(
      'deleteServiceAccountToken',
      'DELETE',
      `${saTokens}/:tokenId`,
      remove(serviceAccount, 200),
    ),
    route(
      'deleteServiceAccountToken',
      'DELETE',
      `${tenantSaTokens}/:tokenId`,
      remove(serviceAccount, 200),
    ),
    route('searchFlows', 'GET', '/api/v1/flows/search', searchFlows),
    route('searchFlows', 'GET', '/api/v1/:tenant/flows/search', searchFlows),
  ];
}
