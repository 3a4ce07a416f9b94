import type { ProviderInfo } from '../../../../shared/model';

export const KESTRA_NAME_PATTERN = '^(?=.{1,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$';
/** Kestra shows the first 12 characters of a token's secret as its prefix. */
export const KESTRA_PREFIX_LENGTH = 12;

export const kestraInfo: ProviderInfo = {
  kind: 'kestra',
  name: 'Kestra Enterprise',
  mode: 'api',
  credentialNeed: 'required',
  credentialLabel: 'API token (used to list and create tokens)',
  credentialHelp:
    'A Kestra API token of this user or service account (or of a superadmin). TokenDesk keeps it in your system keychain.',
  defaultBaseUrl: null,
  // One of userId and serviceAccountId: the form cannot say "either", so both are optional
  // and parseSettings explains what is missing.
  accountFields: [
    {
      key: 'userId',
      label: 'User ID',
      required: false,
      placeholder: 'e.g. 4wjtkzwVGBM9yKnjm3yv8r',
      help: 'The Kestra user whose API tokens TokenDesk lists and creates. A superadmin token can manage any user. Leave empty for a service account.',
    },
    {
      key: 'serviceAccountId',
      label: 'Service account ID',
      required: false,
      placeholder: 'e.g. sa-scheduler',
      help: 'Instead of a user: the service account whose API tokens TokenDesk manages (Administration → Service Accounts), in the tenant below.',
    },
    {
      key: 'tenant',
      label: 'Tenant',
      required: false,
      placeholder: 'e.g. main',
      help: "The tenant the tokens work in: TokenDesk checks a token with a flow search there, and a service account's tokens are managed there. Leave empty if your Kestra has no tenants.",
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
    extended: true,
    expiryDays: null,
    neverExpires: true,
    maxActive: null,
    roles: [],
    scopes: [],
    nameRule: {
      pattern: KESTRA_NAME_PATTERN,
      hint: 'Lowercase letters, digits and single hyphens, 1–63 characters (e.g. ci-deploy-2025).',
    },
  },
};
