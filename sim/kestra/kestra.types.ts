/** The simulated service's data: seeds, what tests can inspect, and the API's JSON shapes. */

export type KestraOwner =
  { kind: 'user'; id: string } | { kind: 'service-account'; id: string; tenant: string | null };

export interface KestraTokenSeed {
  name: string;
  description?: string;
  maxAge?: string;
  extended?: boolean;
  iatDaysAgo?: number;
  /** Absent = never used. */
  lastUsedDaysAgo?: number;
  /** A known fullToken (≥ 12 characters), so tests and the demo can use the token. */
  secret?: string;
  id?: string;
}

export interface KestraUserSeed {
  id: string;
  superadmin?: boolean;
  tokens?: KestraTokenSeed[];
}

export interface KestraServiceAccountSeed {
  id: string;
  /** The tenant the service account belongs to; absent = reachable only without a tenant. */
  tenant?: string;
  tokens?: KestraTokenSeed[];
}

export interface KestraSeed {
  users?: KestraUserSeed[];
  serviceAccounts?: KestraServiceAccountSeed[];
}

/** A token as the simulator knows it, secret included: for test assertions only. */
export interface KestraTokenView {
  id: string;
  owner: KestraOwner;
  name: string;
  description: string | null;
  secret: string;
  prefix: string;
  iat: string;
  exp: string | null;
  lastUsed: string | null;
  maxAge: string | null;
  extended: boolean;
  expired: boolean;
  revoked: boolean;
}

/** One request to a token-checking route, and which token (if any) it authenticated as. */
export interface KestraCall {
  at: string;
  route: string;
  method: string;
  path: string;
  /** The bearer value presented, or null when there was none. */
  secret: string | null;
  tokenId: string | null;
  accepted: boolean;
}

/** The list item of `GET …/api-tokens` (ApiToken in Kestra's OpenAPI). */
export interface KestraApiToken {
  id: string;
  name: string;
  description?: string;
  prefix: string;
  iat: string;
  exp?: string;
  lastUsed?: string;
  extended: boolean;
  expired: boolean;
}

export interface KestraCreatedToken {
  id: string;
  name: string;
  fullToken: string;
}
