import type { ProviderInfo } from '../../../../shared/model';

export const GITLAB_DEFAULT_URL = 'https://gitlab.com';

/**
 * GitLab lists no part of a token's secret; every personal and project access token starts with
 * the instance's token prefix, `glpat-` by default, and that is all TokenDesk can show.
 */
export const GITLAB_TOKEN_PREFIX = 'glpat-';

/** GitLab 16.0+: every token expires, at most 365 days ahead. */
export const GITLAB_MAX_LIFETIME_DAYS = 365;

/** A project token's role is its access level in the project (GitLab's numbers). */
export const GITLAB_ROLES = [
  { name: 'Guest', level: 10 },
  { name: 'Planner', level: 15 },
  { name: 'Reporter', level: 20 },
  { name: 'Developer', level: 30 },
  { name: 'Maintainer', level: 40 },
  { name: 'Owner', level: 50 },
] as const;

/** Scopes a project access token may hold (GitLab's resource_bot_scopes). */
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
];

/** Personal tokens may also hold the user-level scopes. */
export const GITLAB_PERSONAL_SCOPES = [
  ...GITLAB_PROJECT_SCOPES,
  'read_user',
  'sudo',
  'admin_mode',
  'read_service_ping',
];

/** Least privilege for new tokens unless the account says otherwise. */
export const GITLAB_DEFAULT_SCOPES = ['read_api'];

export const gitlabInfo: ProviderInfo = {
  kind: 'gitlab',
  name: 'GitLab',
  mode: 'roll',
  credentialNeed: 'required',
  credentialLabel: 'Personal access token (used to list, create and rotate tokens)',
  credentialHelp:
    'A GitLab personal access token with the api scope. For project tokens it must belong to a Maintainer or Owner of the project; creating personal tokens through the API needs an administrator. TokenDesk keeps it in your system keychain.',
  defaultBaseUrl: GITLAB_DEFAULT_URL,
  accountFields: [
    {
      key: 'tokenType',
      label: 'Token type',
      required: true,
      choices: ['personal', 'project'],
      help: 'personal: the access tokens of one user. project: the access tokens of one project.',
    },
    {
      key: 'project',
      label: 'Project',
      required: false,
      placeholder: 'e.g. acme/web or 101',
      help: 'For project tokens: the project path or numeric ID.',
    },
    {
      key: 'userId',
      label: 'User ID',
      required: false,
      placeholder: 'e.g. 42',
      help: "For personal tokens, only when an administrator's token manages another user's tokens. Empty: the credential's own user.",
    },
    {
      key: 'scopes',
      label: 'Scopes for new tokens',
      required: false,
      placeholder: 'read_api',
      help: 'Comma-separated GitLab scopes given to tokens TokenDesk creates. Default: read_api.',
    },
    {
      key: 'role',
      label: 'Role for new project tokens',
      required: false,
      choices: GITLAB_ROLES.map((role) => role.name),
      help: "For project tokens: the role new tokens get in the project (at most your own). Default: GitLab's, Maintainer.",
    },
  ],
  trackFields: [],
  capabilities: {
    create: true,
    track: false,
    verify: true,
    revoke: true,
    rename: false,
    statusToggle: false,
    description: true,
    extended: false,
    expiryDays: [7, 30, 60, 90, 180, GITLAB_MAX_LIFETIME_DAYS],
    neverExpires: false,
    maxActive: null,
    roles: GITLAB_ROLES.map((role) => role.name),
    scopes: GITLAB_PERSONAL_SCOPES,
    nameRule: null,
  },
};
