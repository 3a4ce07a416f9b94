/** The simulated service's data: seeds, what tests can inspect, and the API's JSON shapes. */

/** Every service route's key: the names failures and rate limits target. */
export const PODSTACK_ROUTE_KEYS = ['listPods'] as const;
export type PodstackRouteKey = (typeof PODSTACK_ROUTE_KEYS)[number];

/** The dashboard's expiry choices in days; `null` is "Never expires". */
export const PODSTACK_EXPIRY_DAYS = [7, 30, 90, 180, 365] as const;
export type PodstackExpiryDays = (typeof PODSTACK_EXPIRY_DAYS)[number];

/** "Each account can have up to 5 active tokens" (docs: account/api-tokens). */
export const PODSTACK_MAX_ACTIVE_TOKENS = 5;

export interface PodstackPodSeed {
  name: string;
  /** Defaults to "running". */
  status?: string;
  gpuType?: string;
  gpuCount?: number;
  labels?: Record<string, string>;
}

export interface PodstackProjectSeed {
  /** What `X-Project-ID` carries; unique across all accounts. */
  id: string;
  /** Defaults to the id. */
  name?: string;
  pods?: PodstackPodSeed[];
}

export interface PodstackTokenSeed {
  name: string;
  /** Absent or null = never expires. */
  expiresInDays?: PodstackExpiryDays | null;
  createdDaysAgo?: number;
  /** Absent = never used. */
  lastUsedDaysAgo?: number;
  /** A known full token `podstack_<8 chars>_<secret>`, so tests and the demo can use it. */
  secret?: string;
  /** Already revoked: gone from the dashboard, refused by the API. */
  revoked?: boolean;
}

export interface PodstackAccountSeed {
  /** Like the CLI's "Account ID: acc_123456". */
  id: string;
  email?: string;
  projects?: PodstackProjectSeed[];
  tokens?: PodstackTokenSeed[];
}

export interface PodstackSeed {
  accounts?: PodstackAccountSeed[];
}

export type PodstackTokenStatus = 'active' | 'expired' | 'revoked';

/** A token as the simulator knows it, secret included: for test assertions only. */
export interface PodstackTokenView {
  id: string;
  accountId: string;
  name: string;
  /** The full token, `podstack_<prefix>_<secret>`. */
  secret: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  expiresInDays: PodstackExpiryDays | null;
  lastUsedAt: string | null;
  status: PodstackTokenStatus;
}

/** One row of Settings → API Tokens, as the user sees it (revoked tokens are gone). */
export interface PodstackDashboardRow {
  /** The row's key; the page itself does not show it. */
  id: string;
  name: string;
  /** The 8-character `<prefix>` segment of `podstack_<prefix>_…`. */
  prefix: string;
  created: string;
  /** null = "Never". */
  expires: string | null;
  /** null = "Never used". */
  lastUsed: string | null;
  status: 'active' | 'expired';
}

/** What "Create Token" shows once: the only time the full token is visible. */
export interface PodstackCreatedToken {
  id: string;
  name: string;
  token: string;
  prefix: string;
  created: string;
  expires: string | null;
}

/** One request to a token-checking route, and which token (if any) it authenticated as. */
export interface PodstackCall {
  at: string;
  route: PodstackRouteKey;
  method: string;
  path: string;
  /** The bearer value presented, or null when there was none. */
  secret: string | null;
  tokenId: string | null;
  /** The `X-Project-ID` header, or null. */
  projectId: string | null;
  /** The token authenticated (its Last Used moved), whatever the route then answered. */
  accepted: boolean;
  status: number;
}

/** A pod in `GET /v1/pods` (SDK fields; snake_case on the wire is an inference). */
export interface PodstackPod {
  id: string;
  name: string;
  status: string;
  gpu_type: string;
  gpu_count: number;
  labels: Record<string, string>;
  project_id: string;
  created_at: string;
}

/** The SDK's exception attributes (message, code, status_code, details, request_id). */
export interface PodstackErrorBody {
  code: string;
  message: string;
  status_code: number;
  request_id: string;
  details: Record<string, unknown>;
}
