/** The simulated service's data: seeds, what tests can inspect, and the API's JSON shapes. */

/** Every route's key, the name failures and rate limits target. */
export const GITLAB_ROUTE_KEYS = [
  'listPersonalTokens',
  'getPersonalTokenSelf',
  'getPersonalToken',
  'rotatePersonalTokenSelf',
  'rotatePersonalToken',
  'revokePersonalTokenSelf',
  'revokePersonalToken',
  'createPersonalToken',
  'listProjectTokens',
  'getProjectToken',
  'createProjectToken',
  'rotateProjectToken',
  'revokeProjectToken',
] as const;
export type GitlabRouteKey = (typeof GITLAB_ROUTE_KEYS)[number];

/** Guest, Planner, Reporter, Developer, Maintainer, Owner. */
export const GITLAB_ACCESS_LEVELS = [10, 15, 20, 30, 40, 50] as const;
export const MAINTAINER = 40;

/** Scopes a project (bot) token may hold: GitLab's `resource_bot_scopes`. */
export const GITLAB_PROJECT_SCOPES = [
  'api',
  'read_api',
  'read_repository',
  'write_repository',
  'read_registry',
  'write_registry',
  'create_runner',
  'manage_runner',
  'ai_features',
  'k8s_proxy',
  'self_rotate',
] as const;

/** Scopes a personal access token may hold (the project ones plus the user-level ones). */
export const GITLAB_PERSONAL_SCOPES = [
  ...GITLAB_PROJECT_SCOPES,
  'read_user',
  'sudo',
  'admin_mode',
  'read_service_ping',
] as const;

export interface GitlabTokenSeed {
  name: string;
  /** Default ["api"]. */
  scopes?: string[];
  description?: string;
  /** expires_at = today (UTC) + this many days; negative = already expired; absent = no expiry. */
  expiresInDays?: number;
  createdDaysAgo?: number;
  /** Absent = never used. */
  lastUsedDaysAgo?: number;
  /** A known secret (any unique string ≥ 20 characters), so tests and the demo can use it. */
  secret?: string;
  revoked?: boolean;
}

export interface GitlabProjectTokenSeed extends GitlabTokenSeed {
  /** The bot's role in the project; default 40 (Maintainer). */
  accessLevel?: number;
}

export interface GitlabUserSeed {
  id: number;
  username: string;
  admin?: boolean;
  tokens?: GitlabTokenSeed[];
}

export interface GitlabMemberSeed {
  userId: number;
  accessLevel: number;
}

export interface GitlabProjectSeed {
  id: number;
  pathWithNamespace: string;
  /** Human members; managing project tokens needs Maintainer (40) or more. */
  members?: GitlabMemberSeed[];
  tokens?: GitlabProjectTokenSeed[];
}

export interface GitlabSeed {
  users?: GitlabUserSeed[];
  projects?: GitlabProjectSeed[];
}

/** A token as the simulator knows it, secret included: for test assertions only. */
export interface GitlabTokenView {
  id: number;
  kind: 'personal' | 'project';
  name: string;
  description: string | null;
  scopes: string[];
  /** The owner: a human user, or the project's bot user for a project token. */
  userId: number;
  username: string;
  projectId: number | null;
  projectPath: string | null;
  accessLevel: number | null;
  secret: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revoked: boolean;
  expired: boolean;
  active: boolean;
  /** The id of the first token of the rotation chain this token belongs to. */
  familyId: number;
  /** The token this one replaced by rotation, if any. */
  previousId: number | null;
}

/** One request to a token-checking route, and which token (if any) it authenticated as. */
export interface GitlabCall {
  at: string;
  route: string;
  method: string;
  path: string;
  /** The PRIVATE-TOKEN or bearer value presented, or null when there was none. */
  secret: string | null;
  tokenId: number | null;
  accepted: boolean;
}

/** `Entities::PersonalAccessToken`, as listed and returned by get. */
export interface GitlabApiToken {
  id: number;
  name: string;
  revoked: boolean;
  created_at: string;
  description: string | null;
  scopes: string[];
  user_id: number;
  last_used_at: string | null;
  active: boolean;
  /** A date, `YYYY-MM-DD`; the token stops working at 00:00 UTC that day. */
  expires_at: string | null;
}

/** `Entities::ResourceAccessToken`. */
export interface GitlabApiProjectToken extends GitlabApiToken {
  access_level: number;
  resource_type: 'project';
  resource_id: number;
}

/** Rotate and create answers add the new secret, shown this once. */
export type WithSecret<T> = T & { token: string };
