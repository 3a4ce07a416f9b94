import type { GitlabSeed } from './gitlab.types';

export const DEMO_GITLAB_USER_ID = 1;
export const DEMO_GITLAB_USERNAME = 'alice';

/**
 * A self-managed GitLab worth looking at. Alice (an admin, so TokenDesk sees both users' tokens)
 * and Bob have personal tokens: one expiring in 5 days, one expired, one never used, one
 * revoked. Two projects hold project tokens: two expiring within 7 days, one expired, one never
 * used. `managementSecret` is Alice's `api` token that TokenDesk itself uses.
 */
export function demoGitlabSeed(managementSecret: string): GitlabSeed {
  return {
    users: [
      {
        id: DEMO_GITLAB_USER_ID,
        username: DEMO_GITLAB_USERNAME,
        admin: true,
        tokens: [
          {
            name: 'tokendesk',
            description: 'Used by TokenDesk to list and rotate tokens',
            secret: managementSecret,
            scopes: ['api'],
            expiresInDays: 300,
            createdDaysAgo: 65,
            lastUsedDaysAgo: 0,
          },
          {
            name: 'ci-deploy',
            description: 'GitHub Actions deploy job',
            scopes: ['api'],
            expiresInDays: 5,
            createdDaysAgo: 360,
            lastUsedDaysAgo: 1,
          },
          {
            name: 'renovate',
            scopes: ['read_api', 'read_repository'],
            expiresInDays: 45,
            createdDaysAgo: 320,
            lastUsedDaysAgo: 2,
          },
          {
            name: 'old-laptop',
            scopes: ['api'],
            expiresInDays: -3,
            createdDaysAgo: 368,
            lastUsedDaysAgo: 20,
          },
          {
            name: 'spare-registry',
            scopes: ['read_registry'],
            expiresInDays: 200,
            createdDaysAgo: 4,
          },
        ],
      },
      {
        id: 2,
        username: 'bob',
        tokens: [
          {
            name: 'bob-cli',
            scopes: ['api'],
            expiresInDays: 90,
            createdDaysAgo: 10,
            lastUsedDaysAgo: 0,
          },
          {
            name: 'bob-old',
            scopes: ['api'],
            expiresInDays: 30,
            createdDaysAgo: 40,
            revoked: true,
          },
        ],
      },
    ],
    projects: [
      {
        id: 101,
        pathWithNamespace: 'acme/web',
        members: [
          { userId: DEMO_GITLAB_USER_ID, accessLevel: 50 },
          { userId: 2, accessLevel: 30 },
        ],
        tokens: [
          {
            name: 'deploy-bot',
            scopes: ['api'],
            accessLevel: 40,
            expiresInDays: 6,
            createdDaysAgo: 359,
            lastUsedDaysAgo: 0,
          },
          {
            name: 'release-notes',
            scopes: ['read_api'],
            accessLevel: 20,
            expiresInDays: 120,
            createdDaysAgo: 2,
          },
        ],
      },
      {
        id: 102,
        pathWithNamespace: 'acme/infra',
        members: [{ userId: DEMO_GITLAB_USER_ID, accessLevel: 50 }],
        tokens: [
          {
            name: 'terraform',
            scopes: ['api'],
            accessLevel: 40,
            expiresInDays: 2,
            createdDaysAgo: 363,
            lastUsedDaysAgo: 1,
          },
          {
            name: 'old-monitor',
            scopes: ['read_api'],
            accessLevel: 20,
            expiresInDays: -10,
            createdDaysAgo: 375,
            lastUsedDaysAgo: 15,
          },
        ],
      },
    ],
  };
}
