import { z } from 'zod';
import { createSimClock } from '../common/sim-clock';
import { SimHttpError } from '../common/sim-error';
import { startSimServer } from '../common/sim-server';
import type { RateLimitSpec, SimServer } from '../common/sim-types';
import { kestraRoutes } from './kestra-routes';
import { KestraState } from './kestra-state';
import type {
  KestraCall,
  KestraCreatedToken,
  KestraOwner,
  KestraSeed,
  KestraTokenView,
} from './kestra.types';

export interface KestraSimOptions extends KestraSeed {
  latencyMs?: number;
  clockOffsetMs?: number;
  rateLimit?: RateLimitSpec | null;
  hangMs?: number;
}

export interface DashboardCreateToken {
  /** The user whose token it is; or `serviceAccountId` (with `tenant`) instead. */
  userId?: string;
  serviceAccountId?: string;
  tenant?: string;
  name: string;
  description?: string;
  maxAge?: string;
  extended?: boolean;
}

export interface KestraDashboard {
  /** What the user does in Kestra's UI: create a token and see its secret once. */
  createToken(input: DashboardCreateToken): KestraCreatedToken;
  revokeToken(input: { tokenId: string }): void;
  addUser(input: { id: string; superadmin?: boolean }): void;
}

export interface KestraSim extends SimServer {
  dashboard: KestraDashboard;
  /** Every token ever created or seeded, secrets included, revoked ones too. */
  tokens(): KestraTokenView[];
  /** Every request to a token-checking route, with the bearer value it carried. */
  calls(): KestraCall[];
  /** The latest accepted call made with `secret`, e.g. to prove "verify used the new token". */
  lastUseOf(secret: string): KestraCall | undefined;
  /** The secret of a live token found by name (and owner id, when names repeat). */
  secretOf(tokenName: string, ownerId?: string): string;
}

const CreateTokenSchema = z.object({
  userId: z.string().min(1).optional(),
  serviceAccountId: z.string().min(1).optional(),
  tenant: z.string().min(1).optional(),
  name: z.string(),
  description: z.string().optional(),
  maxAge: z.string().optional(),
  extended: z.boolean().optional(),
});
const RevokeSchema = z.object({ tokenId: z.string().min(1) });
const AddUserSchema = z.object({ id: z.string().min(1), superadmin: z.boolean().optional() });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new SimHttpError(400, z.prettifyError(result.error));
  return result.data;
}

function ownerOf(input: DashboardCreateToken): KestraOwner {
  if (input.serviceAccountId !== undefined) {
    return { kind: 'service-account', id: input.serviceAccountId, tenant: input.tenant ?? null };
  }
  if (input.userId !== undefined) return { kind: 'user', id: input.userId };
  throw new SimHttpError(400, 'userId or serviceAccountId is required');
}

/** A Kestra Enterprise token API on 127.0.0.1, seeded with users, service accounts and tokens. */
export async function startKestraSim(options: KestraSimOptions = {}): Promise<KestraSim> {
  const clock = createSimClock(options.clockOffsetMs ?? 0);
  const state = new KestraState(clock, options);

  const dashboard: KestraDashboard = {
    createToken(input) {
      const { name, description, maxAge, extended } = input;
      return state.createToken(ownerOf(input), { name, description, maxAge, extended });
    },
    revokeToken: ({ tokenId }) => state.revokeById(tokenId),
    addUser: ({ id, superadmin }) => state.addUser(id, superadmin === true),
  };

  const server = await startSimServer({
    name: 'kestra',
    routes: kestraRoutes(state),
    clock,
    latencyMs: options.latencyMs,
    rateLimit: options.rateLimit,
    hangMs: options.hangMs,
    control: {
      state: () => ({
        ...state.summary(),
        tokens: state.tokens(),
        calls: state.calls().slice(-50),
      }),
      actions: {
        'create-token': (body) => dashboard.createToken(parse(CreateTokenSchema, body)),
        'revoke-token': (body) => {
          dashboard.revokeToken(parse(RevokeSchema, body));
          return { revoked: true };
        },
        'add-user': (body) => {
          dashboard.addUser(parse(AddUserSchema, body));
          return { added: true };
        },
      },
    },
  });

  return {
    ...server,
    dashboard,
    tokens: () => state.tokens(),
    calls: () => state.calls(),
    lastUseOf: (secret) =>
      state
        .calls()
        .reverse()
        .find((call) => call.accepted && call.secret === secret),
    secretOf(tokenName, ownerId) {
      const token = state
        .tokens()
        .find(
          (item) =>
            !item.revoked &&
            item.name === tokenName &&
            (ownerId === undefined || item.owner.id === ownerId),
        );
      if (token === undefined) throw new Error(`no live Kestra token named ${tokenName}`);
      return token.secret;
    },
  };
}
