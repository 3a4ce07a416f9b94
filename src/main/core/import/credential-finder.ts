import type { ProviderKind } from '../../../shared/model';

export interface FoundCredential {
  /** Where it was found, for the user: ".env: PODSTACK_API_TOKEN". */
  source: string;
  provider: ProviderKind;
  suggestedName: string;
  project: string | null;
  secret: string;
}

/** Variable names and secret prefixes by which each service's tokens are recognised. */
const byPrefix: Array<[string, ProviderKind]> = [
  ['podstack_', 'podstack'],
  ['glpat-', 'gitlab'],
  ['sk-bodhiapp_', 'bodhi'],
];
const byName: Record<string, ProviderKind> = {
  PODSTACK_API_TOKEN: 'podstack',
  GITLAB_TOKEN: 'gitlab',
  GITLAB_PRIVATE_TOKEN: 'gitlab',
  BODHI_API_TOKEN: 'bodhi',
  TERASWITCH_API_TOKEN: 'teraswitch',
  // What TeraSwitch's Terraform provider reads.
  TERASWITCH_API_KEY: 'teraswitch',
  KESTRA_API_TOKEN: 'kestra',
};
const projectVariable: Partial<Record<ProviderKind, string>> = {
  podstack: 'PODSTACK_PROJECT',
  teraswitch: 'TERASWITCH_PROJECT_ID',
};

/** Tokens among a set of variables (the environment, or a .env file). */
export function findInVariables(origin: string, values: Map<string, string>): FoundCredential[] {
  const found: FoundCredential[] = [];
  for (const [name, value] of values) {
    if (value === '') continue;
    const provider = byName[name] ?? byPrefix.find(([prefix]) => value.startsWith(prefix))?.[1];
    if (provider === undefined) continue;
    const projectKey = projectVariable[provider];
    const project = projectKey === undefined ? undefined : values.get(projectKey);
    found.push({
      source: `${origin}: ${name}`,
      provider,
      suggestedName: name.toLowerCase().replace(/_/g, '-'),
      project: project === undefined || project === '' ? null : project,
      secret: value,
    });
  }
  return found;
}

/** Profiles of ~/.podstack/credentials: `[profile]` with `api_token` (and maybe `project`). */
export function findInPodstackProfiles(
  origin: string,
  profiles: Map<string, Map<string, string>>,
): FoundCredential[] {
  const found: FoundCredential[] = [];
  for (const [profile, values] of profiles) {
    const secret = values.get('api_token');
    if (secret === undefined || secret === '') continue;
    const project = values.get('project') ?? values.get('project_id');
    found.push({
      source: `${origin} [${profile}]`,
      provider: 'podstack',
      suggestedName: `podstack-${profile}`,
      project: project === undefined || project === '' ? null : project,
      secret,
    });
  }
  return found;
}
