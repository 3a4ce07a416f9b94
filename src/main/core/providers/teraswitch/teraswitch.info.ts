import type { ProviderInfo } from '../../../../shared/model';

export const TERASWITCH_DEFAULT_API = 'https://api.tsw.io/v2';
export const TERASWITCH_ROLES = ['Owner', 'Accounting'] as const;
export type TeraswitchRole = (typeof TERASWITCH_ROLES)[number];

/**
 * TeraSwitch as a guided service: project API tokens are generated and revoked only in the
 * portal (project settings → API Tokens), each for one project with the Owner or Accounting
 * role. The API shows no expiry and no last use, so TokenDesk keeps the user's own reminder
 * date and its last successful check.
 */
export const teraswitchInfo: ProviderInfo = {
  kind: 'teraswitch',
  name: 'TeraSwitch',
  mode: 'guided',
  credentialNeed: 'none',
  credentialLabel: 'No credential needed',
  credentialHelp: null,
  defaultBaseUrl: TERASWITCH_DEFAULT_API,
  accountFields: [],
  trackFields: [
    {
      key: 'project',
      label: 'Project ID',
      required: true,
      placeholder: 'e.g. 4101',
      help: 'The number of the project the token was generated in. TokenDesk checks an Owner token against this project.',
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
    // No expiry at the service: any date the user wants to be reminded of.
    expiryDays: null,
    neverExpires: true,
    maxActive: null,
    roles: [...TERASWITCH_ROLES],
    scopes: [],
    nameRule: null,
  },
};
