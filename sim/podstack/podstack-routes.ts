import type { IncomingHttpHeaders } from 'node:http';
import type { SimMethod, SimReply, SimRequest, SimRoute } from '../common/sim-types';
import { PodstackApiError } from './podstack-errors';
import type { PodstackState } from './podstack-state';
import type { PodstackTokenRecord } from './podstack-tokens';
import type { PodstackCall, PodstackRouteKey } from './podstack.types';

type Handler = (
  request: SimRequest,
  caller: PodstackTokenRecord,
  projectId: string | null,
) => SimReply;

function bearerOf(authorization: string | undefined): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? null;
}

/** The dashboard sends the selected project with every request; empty means none selected. */
function projectIdOf(headers: IncomingHttpHeaders): string | null {
  const value = headers['x-project-id'];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? null : first.trim();
}

/**
 * Podstack's documented API surface for a token (reference/provider-apis.md §4): `GET /v1/pods`.
 * Tokens are managed only in the dashboard, and the whoami path of the SDK is undocumented, so
 * neither is served. Every route authenticates first and records the call for inspection.
 */
export function podstackRoutes(state: PodstackState): SimRoute[] {
  const route = (
    key: PodstackRouteKey,
    method: SimMethod,
    path: string,
    handler: Handler,
  ): SimRoute => ({
    key,
    method,
    path,
    handle(request) {
      const secret = bearerOf(request.headers.authorization);
      const record = secret === null ? undefined : state.tokens.findBySecret(secret);
      // One instant for the log and Last Used, so that lastUseOf(…).at equals the dashboard's.
      const now = state.now();
      const call: PodstackCall = {
        at: now.toISOString(),
        route: key,
        method,
        path: request.path,
        secret,
        tokenId: record?.id ?? null,
        projectId: projectIdOf(request.headers),
        accepted: false,
        status: 0,
      };
      try {
        const caller = state.authenticate(secret, record, now);
        call.accepted = true;
        const reply = handler(request, caller, call.projectId);
        call.status = reply.status;
        return reply;
      } catch (error) {
        if (!(error instanceof PodstackApiError)) throw error;
        call.status = error.status;
        return { status: error.status, body: error.body };
      } finally {
        state.remember(call);
      }
    },
  });

  return [
    route('listPods', 'GET', '/v1/pods', (_request, caller, projectId) => {
      const pods = state.listPods(caller, projectId);
      return { status: 200, body: { pods, total: pods.length } };
    }),
  ];
}
