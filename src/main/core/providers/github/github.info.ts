import type { ProviderInfo } from '../../../../shared/model';

export const GITHUB_DEFAULT_API = 'https://api.github.com';

/**
 * GitHub as a guided service: TokenDesk cannot create personal access tokens (GitHub has no API
 * for that), so the user creates them on github.com and pastes them; TokenDesk proves each one
 * with GET /user, keeps it in the keychain, reminds about its expiry, and uses it to publish
 * secrets to GitHub Actions.
 */
export const githubInfo: ProviderInfo = {
  kind: 'github',
  name: 'GitHub',
  mode: 'guided',
  credentialNeed: 'none',
  credentialLabel: 'No credential needed',
  credentialHelp: null,
  defaultBaseUrl: GITHUB_DEFAULT_API,
  accountFields: [],
  trackFields: [],
  capabilities: {
    create: false,
    track: true,
    verify: true,
    revoke: false,
    rename: false,
    statusToggle: false,
    description: true,
    extended: false,
    expiryDays: null,
    neverExpires: true,
    maxActive: null,
    roles: [],
    scopes: [],
    nameRule: null,
  },
};
