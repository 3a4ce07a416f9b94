import type { SimMethod, SimReply, SimRequest, SimRoute } from '../common/sim-types';
import { TeraswitchApiError, listResponse } from './teraswitch-envelope';
import { intParam, pageParams } from './teraswitch-query';
import type { TeraswitchState } from './teraswitch-state';
import type { TeraswitchTokenRecord } from './teraswitch-tokens';
import type { TeraswitchCall, TeraswitchRouteKey } from './teraswitch.types';

type Handler = (request: SimRequest, caller: TeraswitchTokenRecord) => SimReply;

/**
 * `/v2` is the API's version (gotsw, the Terraform provider); the seed's docs show `/v1`, so it
 * is served as an alias. ASP.NET matches paths without regard to case; the documented casing
 * and all-lowercase are served, which covers what clients send.
 */
const BASES = ['/v2', '/v1'];

function pathsOf(resource: string): string[] {
  return BASES.flatMap((base) => [`${base}/${resource}`, `${base}/${resource.toLowerCase()}`]);
}

function credentialOf(authorization: string | undefined): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? null;
}

/**
 * The two reads TokenDesk verifies with (reference/provider-apis.md §3): instances for an Owner
 * token, invoices for either role. The API has no token routes: tokens live in the dashboard.
 */
export function teraswitchRoutes(state: TeraswitchState): SimRoute[] {
  const routes = (
    key: TeraswitchRouteKey,
    method: SimMethod,
    resource: string,
    handler: Handler,
  ): SimRoute[] =>
    pathsOf(resource).map((path) => ({
      key,
      method,
      path,
      handle(request) {
        const credential = credentialOf(request.headers.authorization);
        // One instant for the log and the last use, so that they can be compared exactly.
        const now = state.now();
        const call: TeraswitchCall = {
          at: now.toISOString(),
          route: key,
          method,
          path: request.path,
          credential,
          tokenId: state.knownTokenId(credential),
          accepted: false,
          status: 0,
        };
        try {
          const caller = state.authenticate(credential, now);
          call.accepted = true;
          const reply = handler(request, caller);
          call.status = reply.status;
          return reply;
        } catch (error) {
          if (!(error instanceof TeraswitchApiError)) throw error;
          call.status = error.status;
          return { status: error.status, body: error.body };
        } finally {
          state.remember(call);
        }
      },
    }));

  return [
    ...routes('listInstances', 'GET', 'Instance', ({ query }, caller) => {
      const page = pageParams(query);
      const instances = state.listInstances(caller, intParam(query, 'ProjectId'));
      return { status: 200, body: listResponse(instances, page) };
    }),
    ...routes('listInvoices', 'GET', 'Invoice', ({ query }) => {
      const page = pageParams(query);
      return { status: 200, body: listResponse(state.listInvoices(), page) };
    }),
  ];
}
