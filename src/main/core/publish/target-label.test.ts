import { describe, expect, it } from 'vitest';
import { targetLabel } from './target-spec';

const credential = { accountId: 'acc-gh', tokenId: 'trk-1' };

describe('a target as the user knows it', () => {
  it('names a GitHub secret by repository and secret name', () => {
    const target = {
      kind: 'github-actions',
      repository: 'octo/app',
      environment: null,
      secretName: 'GITLAB_TOKEN',
      apiBaseUrl: 'https://api.github.com',
      credential,
    } as const;
    expect(targetLabel(target)).toBe('octo/app · GITLAB_TOKEN');
    expect(targetLabel({ ...target, environment: 'prod' })).toBe(
      'octo/app (environment prod) · GITLAB_TOKEN',
    );
  });

  it('names a GitLab variable by project and key', () => {
    const target = {
      kind: 'gitlab-variable',
      project: 'group/project',
      key: 'DEPLOY_TOKEN',
      masked: true,
      protected: false,
      environmentScope: '*',
      apiBaseUrl: 'https://gitlab.com',
      credential,
    } as const;
    expect(targetLabel(target)).toBe('group/project · CI variable DEPLOY_TOKEN');
    expect(targetLabel({ ...target, environmentScope: 'production' })).toBe(
      'group/project · CI variable DEPLOY_TOKEN (environment production)',
    );
  });

  it('names a file entry by the path the user gave and the key or profile', () => {
    expect(targetLabel({ kind: 'dotenv', path: '~/.env', key: 'PODSTACK_API_TOKEN' })).toBe(
      '~/.env · PODSTACK_API_TOKEN',
    );
    expect(
      targetLabel({ kind: 'podstack-profile', path: '~/.podstack/credentials', profile: 'prod' }),
    ).toBe('~/.podstack/credentials · profile [prod]');
  });
});
