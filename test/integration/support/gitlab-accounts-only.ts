import { githubAdapter } from '../../../src/main/core/providers/github/github.adapter';
import type { ProviderAdapter } from '../../../src/main/core/providers/provider-adapter';

/**
 * A GitLab account for the CI-variable simulator, which serves variables but no token API: it
 * holds the management credential a GitLab CI variable target writes with, and talks to nothing
 * itself.
 */
export const gitlabAccountsOnly: ProviderAdapter = {
  info: {
    ...githubAdapter.info,
    kind: 'gitlab',
    name: 'GitLab',
    mode: 'roll',
    credentialNeed: 'required',
    defaultBaseUrl: null,
  },
  parseSettings: () => ({}),
  tokenPageUrl: () => null,
  listTokens: () => Promise.resolve([]),
  verify: () => Promise.resolve(),
  describeSecret: () => ({ prefix: null }),
  isTokenOf: () => false,
};
