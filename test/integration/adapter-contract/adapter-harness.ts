import type { SimServer } from '../../../sim/common/sim-types';
import type { Account } from '../../../src/shared/model';
import type {
  ProviderAdapter,
  VerifyScope,
} from '../../../src/main/core/providers/provider-adapter';

/** A token the harness made the way a user would: through the API, or in the dashboard. */
export interface IssuedToken {
  id: string;
  secret: string;
  scope: VerifyScope;
}

/** One running simulator with an account on it, as the contract suite needs it. */
export interface HarnessInstance {
  sim: SimServer;
  account: Account;
  /** The management credential; null for guided accounts. */
  credential: string | null;
  /** A fresh, working token of this account. */
  issueToken(options?: { expiresInDays?: number }): Promise<IssuedToken>;
  /** Revokes a token as the user would in the service's dashboard. */
  revokeAtService(token: IssuedToken): Promise<void>;
  /** A scope for `token` that the service must refuse (another project, a weaker role). */
  wrongScopes?(token: IssuedToken): VerifyScope[];
  /** Makes the account hold at least `count` tokens, for pagination. */
  seedTokens?(count: number): Promise<void>;
}

export interface RouteKeys {
  verify: string;
  list?: string;
}

export interface AdapterHarness {
  name: string;
  adapter: ProviderAdapter;
  routes: RouteKeys;
  /** Whether tokens can carry an expiry the simulator enforces. */
  expires: boolean;
  start(): Promise<HarnessInstance>;
}
