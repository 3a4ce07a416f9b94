import { basename, isAbsolute } from 'node:path';
import { AppError } from '../../../shared/errors';

/**
 * The naming rules of each destination, checked before anything is saved or sent, so that the
 * user hears about a bad name from TokenDesk in words rather than from the service as a 422.
 */

function hasControlCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function invalid(message: string): never {
  throw new AppError('VALIDATION', message);
}

/** GitHub: letters, digits and `_`, not starting with a digit or `GITHUB_`; stored uppercase. */
export function githubSecretName(input: string): string {
  const name = input.trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(name)) {
    invalid(
      'A GitHub secret name may contain only letters, digits and _ and must not start with a digit (e.g. API_TOKEN).',
    );
  }
  // GitHub treats names case-insensitively and shows them in uppercase.
  const upper = name.toUpperCase();
  if (upper.startsWith('GITHUB_')) invalid('GitHub reserves secret names starting with GITHUB_.');
  return upper;
}

/** `owner/name`, as GitHub allows them in URLs. */
export function githubRepository(input: string): string {
  const repository = input.trim();
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(repository);
  if (match === null || match[2] === '.' || match[2] === '..') {
    invalid('Enter the GitHub repository as owner/name, e.g. octo-org/deploy-scripts.');
  }
  return repository;
}

export function githubEnvironment(input: string | undefined): string | null {
  const environment = (input ?? '').trim();
  if (environment === '') return null;
  if (environment.length > 255 || hasControlCharacter(environment)) {
    invalid('A GitHub environment name has at most 255 characters and no control characters.');
  }
  return environment;
}

/** GitLab: `[A-Za-z0-9_]`, at most 255 characters. */
export function gitlabVariableKey(input: string): string {
  const key = input.trim();
  if (!/^[A-Za-z0-9_]{1,255}$/.test(key)) {
    invalid('A GitLab variable key may contain only letters, digits and _ (e.g. DEPLOY_TOKEN).');
  }
  return key;
}

/** A numeric project id, or its path with namespaces (`group/subgroup/project`). */
export function gitlabProject(input: string): string {
  const project = input.trim();
  const segment = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
  const isId = /^[1-9][0-9]{0,18}$/.test(project);
  const parts = project.split('/');
  const isPath = parts.length >= 2 && parts.every((part) => segment.test(part));
  if (!isId && !isPath) {
    invalid('Enter the GitLab project as its numeric ID or its path, e.g. my-group/my-project.');
  }
  return project;
}

/** `*`, a name such as `production`, or a wildcard such as `review/*`. */
export function gitlabEnvironmentScope(input: string | undefined): string {
  const scope = (input ?? '').trim();
  if (scope === '') return '*';
  if (!/^[A-Za-z0-9 _/${}.*-]{1,255}$/.test(scope)) {
    invalid(
      'A GitLab environment scope may contain letters, digits, spaces and - _ / $ { } . * (e.g. production or review/*).',
    );
  }
  return scope;
}

/** An environment variable name as shells and dotenv tools accept it. */
export function dotenvKey(input: string): string {
  const key = input.trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,254}$/.test(key)) {
    invalid('A .env key may contain only letters, digits and _ and must not start with a digit.');
  }
  return key;
}

/** A `[profile]` name of ~/.podstack/credentials. */
export function podstackProfile(input: string): string {
  const profile = input.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(profile)) {
    invalid(
      'A Podstack profile name may contain letters, digits and _ . - (e.g. default or prod), up to 64 characters.',
    );
  }
  return profile;
}

/** Absolute, or `~/…` (expanded when written, so the target survives a change of home). */
export function userFilePath(input: string): string {
  const path = input.trim();
  if (hasControlCharacter(path)) invalid('The file path contains control characters.');
  if (/[\\/]$/.test(path)) invalid('Enter the path of a file, not of a folder.');
  if (path.startsWith('~/') && path.length > 2) return path;
  if (isAbsolute(path)) return path;
  return invalid('Enter the file path in full, e.g. /home/me/app/.env or ~/app/.env.');
}

/**
 * A .env file by its name (`.env`, `.env.production`, `app.env`): a mistyped path must not turn
 * `~/.bashrc` or a JSON config into a place a token is appended to.
 */
export function dotenvFilePath(input: string): string {
  const path = userFilePath(input);
  const name = basename(path);
  if (name !== '.env' && !name.startsWith('.env.') && !name.endsWith('.env')) {
    invalid('A .env target must be a .env file: named .env, .env.<something> or <something>.env.');
  }
  return path;
}
