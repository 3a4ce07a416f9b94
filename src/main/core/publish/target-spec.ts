import { AppError } from '../../../shared/errors';
import type { Account, PublishTarget, PublishTargetInput } from '../../../shared/model';
import { normalizeBaseUrl } from '../accounts/base-url';
import type { CiProvider, TargetCredentials } from './target-credentials';
import {
  dotenvFilePath,
  dotenvKey,
  githubEnvironment,
  githubRepository,
  githubSecretName,
  gitlabEnvironmentScope,
  gitlabProject,
  gitlabVariableKey,
  podstackProfile,
  userFilePath,
} from './target-rules';
import { expandHome } from './targets/user-file';

export const DEFAULT_PODSTACK_CREDENTIALS = '~/.podstack/credentials';

/** Checks what the user asked for and fills in the defaults; throws VALIDATION in words. */
export async function resolveTarget(
  input: PublishTargetInput,
  credentials: TargetCredentials,
): Promise<PublishTarget> {
  switch (input.kind) {
    case 'github-actions': {
      const repository = githubRepository(input.repository);
      const environment = githubEnvironment(input.environment);
      const secretName = githubSecretName(input.secretName);
      const account = await credentials.check(input.credential, 'github');
      const apiBaseUrl = apiBaseFor(input.apiBaseUrl, account, 'github');
      const { kind, credential } = input;
      return { kind, repository, environment, secretName, apiBaseUrl, credential };
    }
    case 'gitlab-variable': {
      const project = gitlabProject(input.project);
      const key = gitlabVariableKey(input.key);
      const environmentScope = gitlabEnvironmentScope(input.environmentScope);
      const account = await credentials.check(input.credential, 'gitlab');
      return {
        kind: input.kind,
        project,
        key,
        masked: input.masked ?? true,
        protected: input.protected ?? false,
        environmentScope,
        apiBaseUrl: apiBaseFor(input.apiBaseUrl, account, 'gitlab'),
        credential: input.credential,
      };
    }
    case 'dotenv':
      return { kind: input.kind, path: dotenvFilePath(input.path), key: dotenvKey(input.key) };
    case 'podstack-profile':
      return {
        kind: input.kind,
        path: userFilePath(input.path ?? DEFAULT_PODSTACK_CREDENTIALS),
        profile: podstackProfile(input.profile),
      };
  }
}

/**
 * The API address defaults to the credential's account, and may differ from it only in path:
 * a token is sent to no host but its own service's (so a mistyped or hostile address cannot
 * collect it).
 */
function apiBaseFor(input: string | undefined, account: Account, provider: CiProvider): string {
  const base = normalizeBaseUrl(input ?? account.baseUrl);
  const home = new URL(account.baseUrl).origin;
  if (new URL(base).origin !== home) {
    const service = provider === 'github' ? 'GitHub' : 'GitLab';
    throw new AppError(
      'VALIDATION',
      `The ${service} API address must be on ${home}, where “${account.label}” lives: TokenDesk sends a token only to its own service.`,
    );
  }
  return base;
}

/** In words, for lists and logs; never anything secret. */
export function describeTarget(target: PublishTarget): string {
  switch (target.kind) {
    case 'github-actions': {
      const env = target.environment === null ? '' : ` (environment ${target.environment})`;
      return `GitHub Actions secret ${target.secretName} of ${target.repository}${env}`;
    }
    case 'gitlab-variable': {
      const env =
        target.environmentScope === '*' ? '' : ` (environment ${target.environmentScope})`;
      return `GitLab CI/CD variable ${target.key} of ${target.project}${env}`;
    }
    case 'dotenv':
      return `${target.key} in ${target.path}`;
    case 'podstack-profile':
      return `Podstack profile [${target.profile}] in ${target.path}`;
  }
}

/**
 * The target as the user names it, short enough for a sentence: `owner/repo · API_TOKEN`,
 * `group/project · CI variable DEPLOY_TOKEN`, `~/.env · PODSTACK_API_TOKEN`.
 */
export function targetLabel(target: PublishTarget): string {
  switch (target.kind) {
    case 'github-actions': {
      const env = target.environment === null ? '' : ` (environment ${target.environment})`;
      return `${target.repository}${env} · ${target.secretName}`;
    }
    case 'gitlab-variable': {
      const env =
        target.environmentScope === '*' ? '' : ` (environment ${target.environmentScope})`;
      return `${target.project} · CI variable ${target.key}${env}`;
    }
    case 'dotenv':
      return `${target.path} · ${target.key}`;
    case 'podstack-profile':
      return `${target.path} · profile [${target.profile}]`;
  }
}

/**
 * What identifies the destination itself. Two bindings to one destination would overwrite each
 * other's secret on every publish, so a destination can be bound once.
 */
export function destinationOf(target: PublishTarget, home: string): string {
  switch (target.kind) {
    case 'github-actions':
      return [
        target.kind,
        new URL(target.apiBaseUrl).origin,
        target.repository.toLowerCase(),
        (target.environment ?? '').toLowerCase(),
        target.secretName,
      ].join('\n');
    case 'gitlab-variable':
      return [
        target.kind,
        new URL(target.apiBaseUrl).origin,
        target.project.toLowerCase(),
        target.key,
        target.environmentScope,
      ].join('\n');
    case 'dotenv':
      return [target.kind, expandHome(target.path, home), target.key].join('\n');
    case 'podstack-profile':
      return [target.kind, expandHome(target.path, home), target.profile].join('\n');
  }
}
