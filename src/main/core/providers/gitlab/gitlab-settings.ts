import { AppError } from '../../../../shared/errors';
import {
  GITLAB_DEFAULT_SCOPES,
  GITLAB_PERSONAL_SCOPES,
  GITLAB_PROJECT_SCOPES,
  GITLAB_ROLES,
} from './gitlab.info';

export type GitlabRoleName = (typeof GITLAB_ROLES)[number]['name'];

interface CommonSettings {
  /** Given to tokens TokenDesk creates. */
  scopes: string[];
}

export type GitlabSettings =
  | (CommonSettings & { kind: 'personal'; userId: number | null })
  | (CommonSettings & { kind: 'project'; project: string; role: GitlabRoleName });

/**
 * A numeric id, or a `namespace/…/project` path: GitLab path segments start with a letter, digit
 * or `_`, so `.` and `..` can never reach the URL.
 */
const PROJECT_ID = /^\d{1,19}$/;
const PROJECT_PATH = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_][A-Za-z0-9_.-]*)+$/;
const USER_ID = /^[1-9]\d{0,18}$/;

function fail(message: string): never {
  throw new AppError('VALIDATION', message);
}

function text(settings: Record<string, string>, key: string): string {
  return (settings[key] ?? '').trim();
}

function parseScopes(raw: string, allowed: readonly string[], kind: string): string[] {
  if (raw === '') return [...GITLAB_DEFAULT_SCOPES];
  const scopes = [...new Set(raw.split(/[\s,]+/).filter((scope) => scope !== ''))];
  const unknown = scopes.filter((scope) => !allowed.includes(scope));
  if (unknown.length > 0) {
    fail(
      `GitLab ${kind} tokens cannot have the scope ${unknown.join(', ')}. Use some of: ${allowed.join(', ')}.`,
    );
  }
  return scopes;
}

export function roleLevel(role: string): number | null {
  const found = GITLAB_ROLES.find((candidate) => candidate.name === role);
  return found === undefined ? null : found.level;
}

export function roleName(level: number | null | undefined): GitlabRoleName | null {
  const found = GITLAB_ROLES.find((candidate) => candidate.level === level);
  return found === undefined ? null : found.name;
}

export function parseGitlabSettings(settings: Record<string, string>): GitlabSettings {
  const kind = text(settings, 'tokenType');
  const project = text(settings, 'project');
  const userId = text(settings, 'userId');
  const role = text(settings, 'role');
  if (kind === 'personal') {
    if (project !== '') fail('A project is only for project tokens: clear it, or choose project.');
    if (role !== '') fail('A role is only for project tokens: clear it, or choose project.');
    if (userId !== '' && !USER_ID.test(userId)) {
      fail('The GitLab user ID is a number (shown on the user’s profile page), e.g. 42.');
    }
    return {
      kind,
      userId: userId === '' ? null : Number(userId),
      scopes: parseScopes(text(settings, 'scopes'), GITLAB_PERSONAL_SCOPES, 'personal'),
    };
  }
  if (kind === 'project') {
    if (project === '') fail('Enter the project whose tokens TokenDesk manages, e.g. acme/web.');
    if (!PROJECT_ID.test(project) && !PROJECT_PATH.test(project)) {
      fail('Enter the project as its path (group/project, as in its URL) or its numeric ID.');
    }
    if (userId !== '') fail('A user ID is only for personal tokens: clear it, or choose personal.');
    const chosen = role === '' ? 'Maintainer' : role;
    const known = GITLAB_ROLES.find((candidate) => candidate.name === chosen);
    if (known === undefined) {
      fail(`The role must be one of ${GITLAB_ROLES.map((r) => r.name).join(', ')}.`);
    }
    return {
      kind,
      project,
      role: known.name,
      scopes: parseScopes(text(settings, 'scopes'), GITLAB_PROJECT_SCOPES, 'project'),
    };
  }
  return fail('Choose whether this account manages personal or project access tokens.');
}

/** The stored form: only known keys, defaults written out. */
export function gitlabSettingsRecord(settings: GitlabSettings): Record<string, string> {
  const scopes = settings.scopes.join(',');
  if (settings.kind === 'project') {
    return { tokenType: 'project', project: settings.project, role: settings.role, scopes };
  }
  return settings.userId === null
    ? { tokenType: 'personal', scopes }
    : { tokenType: 'personal', userId: String(settings.userId), scopes };
}
