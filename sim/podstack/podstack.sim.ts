import { z } from 'zod';
import { dashboardAction, parseBody } from '../common/sim-body';
import { lastAcceptedUse, newestCreated } from '../common/sim-calls';
import { createSimClock } from '../common/sim-clock';
import { startSimServer } from '../common/sim-server';
import { serverKnobs } from '../common/sim-service-options';
import type { SimServiceOptions } from '../common/sim-service-options';
import type { SimServer } from '../common/sim-types';
import { podstackRoutes } from './podstack-routes';
import { PodstackState } from './podstack-state';
import type { PodstackTokenRef } from './podstack-tokens';
import type {
  PodstackCall,
  PodstackCreatedToken,
  PodstackDashboardRow,
  PodstackExpiryDays,
  PodstackSeed,
  PodstackTokenView,
} from './podstack.types';

export interface PodstackSimOptions extends PodstackSeed, SimServiceOptions {}

export interface PodstackDashboardCreateToken {
  account: string;
  name: string;
  /** One of the dashboard's choices; null = "Never expires". Anything else is a 400. */
  expiresInDays: PodstackExpiryDays | null;
}

/** Settings → API Tokens: the only place Podstack tokens are created, listed and revoked. */
export interface PodstackDashboard {
  /** Shows the full token once. A 6th active token in the account is a 409. */
  createToken(input: PodstackDashboardCreateToken): PodstackCreatedToken;
  /** By row (`tokenId`) or by the Prefix the user reads off the page. */
  revokeToken(input: PodstackTokenRef): void;
  /** The rows the page shows, newest first; revoked tokens are gone. */
  listTokens(input: { account: string }): PodstackDashboardRow[];
}

export interface PodstackSim extends SimServer {
  /** `<url>/v1`: what an enterprise account would set as its custom API endpoint. */
  readonly apiBase: string;
  dashboard: PodstackDashboard;
  /** Every token ever created or seeded, secrets included, revoked ones too. */
  tokens(): PodstackTokenView[];
  /** Every request to a token-checking route, with the bearer value it carried. */
  calls(): PodstackCall[];
  /** The latest accepted call made with `secret`, e.g. to prove "verify used the new token". */
  lastUseOf(secret: string): PodstackCall | undefined;
  /** The full token of the newest unrevoked token with this name (in `accountId`, if given). */
  secretOf(tokenName: string, accountId?: string): string;
}

// The HTTP form checks shapes only; the dashboard's own rules (expiry choices, the limit) live in
// the state, so the in-process and HTTP paths answer alike.
const CreateTokenSchema = z.object({
  account: z.string().min(1),
  name: z.string(),
  expiresInDays: z.number().nullable(),
});
const RevokeSchema = z.object({
  tokenId: z.string().min(1).optional(),
  prefix: z.string().min(1).optional(),
});
const ListSchema = z.object({ account: z.string().min(1) });

/** A Podstack API endpoint on 127.0.0.1, seeded with accounts, projects and tokens. */
export async function startPodstackSim(options: PodstackSimOptions = {}): Promise<PodstackSim> {
  const clock = createSimClock(options.clockOffsetMs ?? 0);
  const state = new PodstackState(clock, options);

  const dashboard: PodstackDashboard = {
    createToken: ({ account, name, expiresInDays }) =>
      state.tokens.create(state.accountOf(account).id, name, expiresInDays),
    revokeToken: (ref) => state.tokens.revoke(ref),
    listTokens: ({ account }) => state.tokens.rows(state.accountOf(account).id),
  };

  const server = await startSimServer({
    name: 'podstack',
    routes: podstackRoutes(state),
    clock,
    ...serverKnobs(options),
    control: {
      state: () => ({
        ...state.summary(),
        tokens: state.tokens.views(),
        calls: state.calls().slice(-50),
      }),
      actions: {
        'create-token': (body) => {
          const input = parseBody(CreateTokenSchema, body);
          return state.tokens.create(
            state.accountOf(input.account).id,
            input.name,
            input.expiresInDays,
          );
        },
        'revoke-token': dashboardAction(RevokeSchema, (input) => dashboard.revokeToken(input), {
          revoked: true,
        }),
        'list-tokens': (body) => ({ tokens: dashboard.listTokens(parseBody(ListSchema, body)) }),
      },
    },
  });

  return {
    ...server,
    apiBase: `${server.url}/v1`,
    dashboard,
    tokens: () => state.tokens.views(),
    calls: () => state.calls(),
    lastUseOf: (secret) => lastAcceptedUse(state.calls(), (call) => call.secret, secret),
    secretOf(tokenName, accountId) {
      const token = newestCreated(
        state.tokens
          .views()
          .filter(
            (item) =>
              item.status !== 'revoked' &&
              item.name === tokenName &&
              (accountId === undefined || item.accountId === accountId),
          ),
      );
      if (token === undefined) throw new Error(`no unrevoked Podstack token named ${tokenName}`);
      return token.secret;
    },
  };
}
