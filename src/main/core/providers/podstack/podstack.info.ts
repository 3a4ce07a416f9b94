import type { ProviderInfo } from '../../../../shared/model';

export const PODSTACK_DEFAULT_API = 'https://api.podstack.ai/v1';
/** "Each account can have up to 5 active tokens" (Podstack docs, account/api-tokens). */
export const PODSTACK_MAX_ACTIVE = 5;

/**
 * Podstack as a guided service: its tokens are created and revoked only in the dashboard
 * (Settings → API Tokens), so the user pastes them; TokenDesk proves each one with GET /v1/pods
 * in the token's project, keeps it in the keychain and reminds about the lifetime chosen there.
 */
export const podstackInfo: ProviderInfo = {
  kind: 'podstack',
  name: 'Podstack',
  mode: 'guided',
  credentialNeed: 'none',
  credentialLabel: 'No credential needed',
  credentialHelp: null,
  defaultBaseUrl: PODSTACK_DEFAULT_API,
  accountFields: [],
  trackFields: [
    {
      key: 'project',
      label: 'Project',
      required: false,
      placeholder: 'e.g. proj-training',
      help: 'The project the token is used with (PODSTACK_PROJECT). TokenDesk checks the token can list its pods. Leave empty to check the account as a whole.',
    },
  ],
  capabilities: {
    create: false,
    track: true,
    verify: true,
    revoke: false,
    rename: false,
    statusToggle: false,
    description: false,
    extended: false,
    expiryDays: [7, 30, 90, 180, 365],
    neverExpires: true,
    maxActive: PODSTACK_MAX_ACTIVE,
    roles: [],
    scopes: [],
    nameRule: null,
  },
};
