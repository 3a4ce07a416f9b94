import { z } from 'zod';
import { createSimClock } from '../common/sim-clock';
import { SimHttpError } from '../common/sim-error';
import { startSimServer } from '../common/sim-server';
import type { RateLimitSpec, SimServer } from '../common/sim-types';
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

export interface PodstackSimOptions extends PodstackSeed {
  latencyMs?: number;
  clockOffsetMs?: number;
  rateLimit?: RateLimitSpec | null;
  hangMs?: number;
}

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

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new SimHttpError(400, z.prettifyError(result.error));
  return result.data;
}

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
    latencyMs: options.latencyMs,
    rateLimit: options.rateLimit,
    hangMs: options.hangMs,
    control: {
      state: () => ({
        ...state.summary(),
        tokens: state.tokens.views(),
        calls: state.calls().slice(-50),
      }),
      actions: {
        'create-token': (body) => {
          const input = parse(CreateTokenSchema, body);
          return state.tokens.create(
            state.accountOf(input.account).id,
            input.name,
            input.expiresInDays,
          );
        },
        'revoke-token': (body) => {
          dashboard.revokeToken(parse(RevokeSchema, body));
          return { revoked: true };
        },
        'list-tokens': (body) => ({ tokens: dashboard.listTokens(parse(ListSchema, body)) }),
      },
    },
  });

  return {
    ...server,
    apiBase: `${server.url}/v1`,
    dashboard,
    tokens: () => state.tokens.views(),
    calls: () => state.calls(),
    lastUseOf: (secret) =>
      state
        .calls()
        .reverse()
        .find((call) => call.accepted && call.secret === secret),
    secretOf(tokenName, accountId) {
      const token = state.tokens
        .views()
        .filter(
          (item) =>
            item.status !== 'revoked' &&
            item.name === tokenName &&
            (accountId === undefined || item.accountId === accountId),
        )
        .reverse() // ties (same millisecond) go to the later token
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
      if (token === undefined) throw new Error(`no unrevoked Podstack token named ${tokenName}`);
      return token.secret;
    },
  };
}
