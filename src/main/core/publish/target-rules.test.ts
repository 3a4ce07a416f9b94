import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import {
  dotenvFilePath,
  gitlabEnvironmentScope,
  githubRepository,
  githubSecretName,
  gitlabProject,
  gitlabVariableKey,
  userFilePath,
} from './target-rules';

function code(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('GitHub names', () => {
  it.each([
    ['api_token', 'API_TOKEN'],
    ['_X1', '_X1'],
  ])('accepts the secret name %s as %s', (name, stored) => {
    expect(githubSecretName(name)).toBe(stored);
  });

  it.each(['1TOKEN', 'MY-TOKEN', 'MY TOKEN', '', 'github_token', 'GITHUB_X'])(
    'refuses the secret name %j',
    (name) => {
      expect(code(() => githubSecretName(name))).toBe('VALIDATION');
    },
  );

  it.each(['octo/app', 'Octo-Org/app.js', 'a/.github'])('accepts the repository %s', (repo) => {
    expect(githubRepository(repo)).toBe(repo);
  });

  it.each(['app', 'octo/app/x', '-octo/app', 'octo/..', 'oc to/app'])(
    'refuses the repository %j',
    (repo) => {
      expect(code(() => githubRepository(repo))).toBe('VALIDATION');
    },
  );
});

describe('GitLab names', () => {
  it.each(['DEPLOY_TOKEN', 'a1_b'])('accepts the key %s', (key) => {
    expect(gitlabVariableKey(key)).toBe(key);
  });

  it.each(['DEPLOY-TOKEN', 'A B', '', 'K'.repeat(256)])('refuses the key %j', (key) => {
    expect(code(() => gitlabVariableKey(key))).toBe('VALIDATION');
  });

  it.each(['42', 'group/app', 'group/sub.group/my_app-2'])('accepts the project %s', (project) => {
    expect(gitlabProject(project)).toBe(project);
  });

  it.each(['app', '0', 'group//app', 'group/-app', 'group/app?x'])(
    'refuses the project %j',
    (p) => {
      expect(code(() => gitlabProject(p))).toBe('VALIDATION');
    },
  );

  it('defaults the scope to * and accepts GitLab’s wildcards', () => {
    expect(gitlabEnvironmentScope(undefined)).toBe('*');
    expect(gitlabEnvironmentScope(' review/* ')).toBe('review/*');
    expect(code(() => gitlabEnvironmentScope('prod;rm'))).toBe('VALIDATION');
  });
});

describe('file paths', () => {
  it.each(['/home/me/app/.env', '~/app/.env'])('accepts %s', (path) => {
    expect(userFilePath(path)).toBe(path);
  });

  it.each(['app/.env', '.env', '~', '~other/.env', '/tmp/a\u0000b'])('refuses %j', (path) => {
    expect(code(() => userFilePath(path))).toBe('VALIDATION');
  });
});

describe('.env file names', () => {
  it.each(['~/app/.env', '/srv/app/.env.production', '/srv/app/prod.env'])('accepts %s', (path) => {
    expect(dotenvFilePath(path)).toBe(path);
  });

  it.each(['~/.bashrc', '/srv/app/config.json', '/srv/app/.envrc', '~/app/.env/'])(
    'refuses %s',
    (path) => {
      expect(code(() => dotenvFilePath(path))).toBe('VALIDATION');
    },
  );
});
