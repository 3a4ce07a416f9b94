/** The simulated GitHub's seeds, what tests can inspect, and the API's JSON shapes. */

/** Every route's key, the name failures and rate limits target. */
export const GITHUB_ROUTE_KEYS = [
  'getUser',
  'getRepo',
  'getRepoPublicKey',
  'listRepoSecrets',
  'getRepoSecret',
  'putRepoSecret',
  'deleteRepoSecret',
  'getEnvPublicKey',
  'listEnvSecrets',
  'getEnvSecret',
  'putEnvSecret',
  'deleteEnvSecret',
] as const;
export type GithubRouteKey = (typeof GITHUB_ROUTE_KEYS)[number];

/**
 * What a token may do in a repository: `read` sees it but may not touch its Actions secrets
 * (GitHub: 403); `write` and `admin` may. A repository absent from the map is invisible (404).
 */
export type RepoAccess = 'read' | 'write' | 'admin';

export interface GithubTokenSeed {
  /** Default: a fresh `ghp_…` classic token. */
  secret?: string;
  login: string;
  /** `owner/name` → access. */
  repos?: Record<string, RepoAccess>;
  revoked?: boolean;
}

export interface GithubSecretSeed {
  name: string;
  value: string;
  /** Default: the simulator's now. */
  updatedAt?: string;
}

export interface GithubEnvironmentSeed {
  name: string;
  secrets?: GithubSecretSeed[];
}

export interface GithubRepoSeed {
  /** `owner/name`. */
  fullName: string;
  /** Default: assigned from 1000 upwards. */
  id?: number;
  private?: boolean;
  environments?: Array<string | GithubEnvironmentSeed>;
  secrets?: GithubSecretSeed[];
}

export interface GithubSeed {
  tokens?: GithubTokenSeed[];
  repos?: GithubRepoSeed[];
}

/** A token as the simulator knows it, secret included: for test assertions only. */
export interface GithubTokenView {
  id: number;
  secret: string;
  login: string;
  repos: Record<string, RepoAccess>;
  revoked: boolean;
  lastUsedAt: string | null;
}

/** A stored secret, plaintext included (GitHub itself never returns it). */
export interface GithubSecretView {
  repo: string;
  environment: string | null;
  name: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

/** One request to a service route, and whether its token was accepted. */
export interface GithubCall {
  at: string;
  route: string;
  method: string;
  path: string;
  /** The token presented, or null when there was none. */
  secret: string | null;
  accepted: boolean;
}
