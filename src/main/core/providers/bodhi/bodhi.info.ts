import type { ProviderInfo } from '../../../../shared/model';

/** Bodhi's token scopes: one per token, chosen at creation and immutable afterwards. */
export const BODHI_SCOPES = ['scope_token_user', 'scope_token_power_user'] as const;
export type BodhiScope = (typeof BODHI_SCOPES)[number];

/** Bodhi's update route takes 3–100 characters; creating with the same rule keeps renames valid. */
export const BODHI_NAME_PATTERN = '^.{3,100}$';

/** The list shows `sk-bodhiapp_` and the first 8 characters of the token's random part. */
export const BODHI_TOKEN_PREFIX = 'sk-bodhiapp_';
export const BODHI_PREFIX_LENGTH = BODHI_TOKEN_PREFIX.length + 8;

export const BODHI_DEFAULT_URL = 'http://localhost:1135';

/**
 * Bodhi App manages tokens only for a logged-in browser session, never for an API token. With
 * the session's cookie TokenDesk lists, creates, renames, switches and deletes tokens; without
 * it the account is guided and the user tracks the tokens they create in Bodhi's web page.
 */
export const bodhiInfo: ProviderInfo = {
  kind: 'bodhi',
  name: 'Bodhi App',
  mode: 'api',
  credentialNeed: 'optional',
  credentialLabel: 'Session cookie',
  credentialHelp:
    'Bodhi lets only a logged-in browser session manage API tokens. Log in to Bodhi in your browser and paste the value of its bodhiapp_session_id cookie; TokenDesk keeps it in your system keychain. Leave it empty to track tokens you create in Bodhi yourself.',
  defaultBaseUrl: BODHI_DEFAULT_URL,
  accountFields: [],
  trackFields: [],
  capabilities: {
    create: true,
    track: true,
    verify: true,
    revoke: true,
    rename: true,
    statusToggle: true,
    description: false,
    extended: false,
    // Bodhi tokens never expire; they go inactive when unused for 30 days instead.
    expiryDays: [],
    neverExpires: true,
    maxActive: null,
    roles: [],
    scopes: [...BODHI_SCOPES],
    nameRule: { pattern: BODHI_NAME_PATTERN, hint: '3–100 characters, on one line.' },
  },
};
