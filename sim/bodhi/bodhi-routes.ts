import type { SimMethod, SimReply, SimRequest, SimRoute } from '../common/sim-types';
import { BodhiError } from './bodhi-errors';
import {
  createTokenRequest,
  loginRequest,
  pageRequest,
  updateTokenRequest,
} from './bodhi-requests';
import { sessionCookieHeader } from './bodhi-sessions';
import type { BodhiAuth } from './bodhi-auth';
import type { BodhiState, BodhiUser } from './bodhi-state';
import type { BodhiRouteKey } from './bodhi.types';

const TOKENS = '/bodhi/v1/tokens';

/** The create answer must not be cached anywhere: it is the only copy of the secret. */
const NO_STORE = { 'cache-control': 'no-store, no-cache, must-revalidate', pragma: 'no-cache' };

/**
 * Bodhi App's token, user-info and model-list endpoints (reference/provider-apis.md §2), plus
 * `POST /bodhi/v1/auth/login {username, password}`: the simulator's stand-in for Bodhi's OAuth
 * login (`/bodhi/v1/auth/initiate` and its callback), which sets the same session cookie.
 */
export function bodhiRoutes(state: BodhiState, auth: BodhiAuth): SimRoute[] {
  const route = (
    key: BodhiRouteKey,
    method: SimMethod,
    path: string,
    handler: (request: SimRequest) => SimReply,
  ): SimRoute => ({
    key,
    method,
    path,
    handle(request) {
      try {
        return handler(request);
      } catch (error) {
        if (!(error instanceof BodhiError)) throw error;
        return { status: error.status, body: error.body };
      }
    },
  });

  /** A token route: resolve who is calling, then demand a Power User's session. */
  const managed =
    (key: BodhiRouteKey, run: (request: SimRequest, user: BodhiUser) => SimReply) =>
    (request: SimRequest): SimReply =>
      run(request, auth.requireManagementSession(auth.resolve(request, key)));

  return [
    route('login', 'POST', '/bodhi/v1/auth/login', (request) => {
      const { user, session } = auth.login(loginRequest(request.body));
      return {
        status: 200,
        body: auth.loggedIn(user),
        headers: { 'set-cookie': sessionCookieHeader(session.id) },
      };
    }),
    // Optional auth: whatever fails to authenticate is simply logged out, still 200.
    route('getUser', 'GET', '/bodhi/v1/user', (request) => {
      try {
        return { status: 200, body: auth.userInfo(auth.resolve(request, 'getUser')) };
      } catch (error) {
        if (!(error instanceof BodhiError)) throw error;
        return { status: 200, body: { auth_status: 'logged_out' } };
      }
    }),
    route(
      'listTokens',
      'GET',
      TOKENS,
      managed('listTokens', (request, user) => ({
        status: 200,
        body: state.listTokens(user, pageRequest(request.query)),
      })),
    ),
    route(
      'createToken',
      'POST',
      TOKENS,
      managed('createToken', (request, user) => ({
        status: 201,
        body: { token: state.createToken(user, createTokenRequest(request.body)).secret },
        headers: NO_STORE,
      })),
    ),
    route(
      'updateToken',
      'PUT',
      `${TOKENS}/:id`,
      managed('updateToken', (request, user) => ({
        status: 200,
        body: state.updateToken(user, request.params.id ?? '', updateTokenRequest(request.body)),
      })),
    ),
    route(
      'deleteToken',
      'DELETE',
      `${TOKENS}/:id`,
      managed('deleteToken', (request, user) => {
        state.deleteToken(user, request.params.id ?? '');
        return { status: 204 };
      }),
    ),
    // OpenAI-compatible: a token created without grants reaches no model, so the list is empty.
    route('listModels', 'GET', '/v1/models', (request) => {
      auth.requireAnyAuth(auth.resolve(request, 'listModels'));
      return { status: 200, body: { object: 'list', data: [] } };
    }),
  ];
}
