/** The simulated service's data: seeds, what tests can inspect, and the API's JSON shapes. */

/** Every service route's key: the names failures and rate limits target. */
export const TERASWITCH_ROUTE_KEYS = ['listInstances', 'listInvoices'] as const;
export type TeraswitchRouteKey = (typeof TERASWITCH_ROUTE_KEYS)[number];

/** Owner: full access to the project's resources. Accounting: read billing and usage. */
export const TERASWITCH_ROLES = ['Owner', 'Accounting'] as const;
export type TeraswitchRole = (typeof TERASWITCH_ROLES)[number];

export const TERASWITCH_TOKEN_STATUSES = ['Active', 'Inactive'] as const;
export type TeraswitchTokenStatus = (typeof TERASWITCH_TOKEN_STATUSES)[number];

export type TeraswitchInvoiceStatus = 'Draft' | 'Sent' | 'Paid' | 'Void';

export interface TeraswitchTokenSeed {
  displayName: string;
  role: TeraswitchRole;
  /** Defaults to Active. */
  status?: TeraswitchTokenStatus;
  createdDaysAgo?: number;
  /** Absent = never used (the service itself shows no last use; tests may). */
  lastUsedDaysAgo?: number;
  /** A known token id (a UUID) and secret, so tests and the demo can use the token. */
  tokenId?: string;
  secret?: string;
  /** Already revoked: gone from the dashboard, refused by the API. */
  revoked?: boolean;
}

export interface TeraswitchInstanceSeed {
  displayName: string;
  /** Active, Pending, Suspended or Terminated; defaults to Active. */
  status?: string;
  regionId?: string;
  tierId?: string;
  tags?: string[];
}

export interface TeraswitchProjectSeed {
  /** The int the API's `ProjectId` parameters carry. */
  id: number;
  name: string;
  instances?: TeraswitchInstanceSeed[];
  tokens?: TeraswitchTokenSeed[];
}

export interface TeraswitchInvoiceSeed {
  total: number;
  status?: TeraswitchInvoiceStatus;
  /** Invoice date this many days ago; defaults to 0. */
  daysAgo?: number;
}

export interface TeraswitchSeed {
  /** The account the projects and invoices belong to. */
  accountId?: number;
  projects?: TeraswitchProjectSeed[];
  invoices?: TeraswitchInvoiceSeed[];
}

/** A token as the simulator knows it, secret included: for test assertions only. */
export interface TeraswitchTokenView {
  tokenId: string;
  partialId: string;
  projectId: number;
  displayName: string;
  role: TeraswitchRole;
  status: TeraswitchTokenStatus;
  revoked: boolean;
  secret: string;
  /** `tokenId:secret`: what the user pastes and the client sends after `Bearer `. */
  credential: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** One row of Settings → API Tokens as the user sees it (revoked tokens are gone). */
export interface TeraswitchDashboardRow {
  /** Partial, as the page shows it: see partialId(). */
  tokenId: string;
  displayName: string;
  role: TeraswitchRole;
  status: TeraswitchTokenStatus;
  created: string;
}

/** What "Generate" shows once: the only time the secret is visible. */
export interface TeraswitchCreatedToken {
  tokenId: string;
  partialId: string;
  projectId: number;
  displayName: string;
  role: TeraswitchRole;
  status: TeraswitchTokenStatus;
  created: string;
  /** `tokenId:secret`. */
  credential: string;
}

/** One request to a token-checking route, and which token (if any) it authenticated as. */
export interface TeraswitchCall {
  at: string;
  route: TeraswitchRouteKey;
  method: string;
  path: string;
  /** The bearer value presented (`tokenId:secret`), or null when there was none. */
  credential: string | null;
  tokenId: string | null;
  /** The token authenticated (its last use moved), whatever the route then answered. */
  accepted: boolean;
  status: number;
}

/** `ListMetadata` in the v2 OpenAPI (its prose says `_metadata`/`total_count`; the schema wins). */
export interface TeraswitchListMetadata {
  totalCount: number;
  limit: number;
  skip: number;
}

export interface TeraswitchListResponse<T> {
  success: true;
  message: string | null;
  metadata: TeraswitchListMetadata;
  result: T[];
}

/** A failed request: the same envelope, `success: false`, no result. */
export interface TeraswitchErrorResponse {
  success: false;
  message: string;
  validationErrors: string[] | null;
  result: null;
}

/** `CloudService`, the fields TokenDesk could show. */
export interface TeraswitchInstance {
  id: number;
  created: string;
  deleted: string | null;
  projectId: number;
  displayName: string;
  status: string;
  regionId: string;
  tierId: string;
  tags: string[];
  powerState: string;
  ipAddresses: string[];
}

/** `InvoiceResponseRow`. */
export interface TeraswitchInvoice {
  id: number;
  total: number;
  accountId: number;
  status: TeraswitchInvoiceStatus;
  dueDate: string | null;
  datePaid: string | null;
  payBefore: string;
  invoiceDate: string | null;
}
