/** The simulated service's data: seeds, what tests can inspect, and the API's JSON shapes. */

/** Every route's key, the name failures and rate limits target. */
export const BODHI_ROUTE_KEYS = [
  'login',
  'getUser',
  'listTokens',
  'createToken',
  'updateToken',
  'deleteToken',
  'listModels',
] as const;
export type BodhiRouteKey = (typeof BODHI_ROUTE_KEYS)[number];

/** A user's role in the app, lowest first (ResourceRole). */
export const BODHI_ROLES = [
  'resource_user',
  'resource_power_user',
  'resource_manager',
  'resource_admin',
] as const;
export type BodhiRole = (typeof BODHI_ROLES)[number];

export const BODHI_TOKEN_SCOPES = ['scope_token_user', 'scope_token_power_user'] as const;
export type BodhiTokenScope = (typeof BODHI_TOKEN_SCOPES)[number];

export type BodhiTokenStatus = 'active' | 'inactive';

/** Why a token is inactive: the user switched it off, it sat idle, or its user was deactivated. */
export type BodhiInactiveReason = 'user' | 'idle' | 'user-deactivated';

/** A token unused for more than this many days becomes inactive (the seed's rule). */
export const BODHI_IDLE_DAYS = 30;

export interface BodhiTokenSeed {
  name: string;
  /** Default scope_token_user. */
  scope?: BodhiTokenScope;
  createdDaysAgo?: number;
  /** Absent = never used (the idle clock then runs from creation). */
  lastUsedDaysAgo?: number;
  /** Default active; the idle rule may still switch an active seed off at once. */
  status?: BodhiTokenStatus;
  /** A known token in Bodhi's format for this sim's client id (see newBodhiToken). */
  secret?: string;
}

export interface BodhiUserSeed {
  /** The login, an e-mail address in Bodhi. */
  username: string;
  /** Default "password". */
  password?: string;
  /** Default resource_admin (the app's owner). */
  role?: BodhiRole;
  firstName?: string;
  lastName?: string;
  id?: string;
  tokens?: BodhiTokenSeed[];
}

export interface BodhiSeed {
  /** The app's OAuth client id: every token ends with `.<clientId>`. */
  clientId?: string;
  users?: BodhiUserSeed[];
}

/** A token as the simulator knows it, secret included: for test assertions only. */
export interface BodhiTokenView {
  id: string;
  userId: string;
  username: string;
  name: string;
  tokenPrefix: string;
  scope: BodhiTokenScope;
  status: BodhiTokenStatus;
  inactiveReason: BodhiInactiveReason | null;
  secret: string;
  lastUsedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** DELETE removes the row for good; the simulator keeps it for assertions. */
  deleted: boolean;
}

export interface BodhiUserView {
  id: string;
  username: string;
  role: BodhiRole;
  active: boolean;
}

/** One request to an authenticating route and the credential it carried. */
export interface BodhiCall {
  at: string;
  route: string;
  method: string;
  path: string;
  /** The bearer value presented, or null when there was none. */
  secret: string | null;
  /** The username behind a valid session cookie, when the call used one. */
  sessionUser: string | null;
  tokenId: string | null;
  accepted: boolean;
}

/** `TokenDetail` in list and update answers. */
export interface BodhiApiToken {
  id: string;
  user_id: string;
  name: string;
  token_prefix: string;
  scopes: BodhiTokenScope;
  status: BodhiTokenStatus;
  last_used_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface BodhiTokenPage {
  data: BodhiApiToken[];
  total: number;
  page: number;
  page_size: number;
}

/** `GET /bodhi/v1/user`: always 200; only `api_token` proves a bearer token works. */
export type BodhiUserInfo =
  | { auth_status: 'logged_out' }
  | { auth_status: 'api_token'; role: BodhiTokenScope }
  | {
      auth_status: 'logged_in';
      user_id: string;
      username: string;
      first_name: string | null;
      last_name: string | null;
      role: BodhiRole;
    };
