/** The simulated GitLab CI/CD variables API: seeds, inspection views and the JSON record. */

export const GITLAB_CI_ROUTE_KEYS = [
  'listVariables',
  'getVariable',
  'createVariable',
  'updateVariable',
  'deleteVariable',
] as const;
export type GitlabCiRouteKey = (typeof GITLAB_CI_ROUTE_KEYS)[number];

/** Managing a project's CI/CD variables needs Maintainer (40) or Owner (50). */
export const MAINTAINER = 40;

export interface GitlabCiTokenSeed {
  /** Default: a fresh `glpat-…`. */
  secret?: string;
  username: string;
  /** Project id or path → access level (10 Guest … 30 Developer, 40 Maintainer, 50 Owner). */
  projects?: Record<string, number>;
  revoked?: boolean;
}

export interface GitlabCiVariableSeed {
  key: string;
  value: string;
  /** Default `*`. */
  environmentScope?: string;
  masked?: boolean;
  protected?: boolean;
  raw?: boolean;
  variableType?: 'env_var' | 'file';
}

export interface GitlabCiProjectSeed {
  id: number;
  pathWithNamespace: string;
  variables?: GitlabCiVariableSeed[];
}

export interface GitlabCiSeed {
  tokens?: GitlabCiTokenSeed[];
  projects?: GitlabCiProjectSeed[];
}

/** `Entities::Ci::Variable`, as the API returns it. */
export interface GitlabApiVariable {
  variable_type: 'env_var' | 'file';
  key: string;
  value: string;
  protected: boolean;
  masked: boolean;
  hidden: boolean;
  raw: boolean;
  environment_scope: string;
  description: string | null;
}

/** One request to a service route, and whether its token was accepted. */
export interface GitlabCiCall {
  at: string;
  route: string;
  method: string;
  path: string;
  secret: string | null;
  accepted: boolean;
}
