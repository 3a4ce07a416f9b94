import type { KestraSeed } from './kestra.types';

export const DEMO_TENANT = 'main';
export const DEMO_USER = 'admin';

/**
 * A Kestra account worth looking at: a token about to expire, an expired one, an idle one, an
 * extended one in daily use, one never used, and a second user's token the admin can manage.
 * `managementSecret` is the admin token TokenDesk itself uses.
 */
export function demoKestraSeed(managementSecret: string): KestraSeed {
  return {
    users: [
      {
        id: DEMO_USER,
        superadmin: true,
        tokens: [
          {
            name: 'tokendesk',
            description: 'Used by TokenDesk to list and rotate tokens',
            secret: managementSecret,
            iatDaysAgo: 30,
            lastUsedDaysAgo: 0,
          },
          {
            name: 'ci-deploy',
            description: 'GitHub Actions deploy workflow',
            maxAge: 'P90D',
            iatDaysAgo: 84,
            lastUsedDaysAgo: 1,
          },
          {
            name: 'nightly-backup',
            description: 'Backup job; extended, so daily use keeps it alive',
            maxAge: 'P30D',
            extended: true,
            iatDaysAgo: 200,
            lastUsedDaysAgo: 1,
          },
          { name: 'old-migration', maxAge: 'P30D', iatDaysAgo: 120, lastUsedDaysAgo: 95 },
          { name: 'local-dev', iatDaysAgo: 400, lastUsedDaysAgo: 190 },
          { name: 'grafana-export', maxAge: 'P365D', iatDaysAgo: 10 },
        ],
      },
      {
        id: 'dev-alice',
        tokens: [{ name: 'alice-cli', maxAge: 'P30D', iatDaysAgo: 5, lastUsedDaysAgo: 0 }],
      },
    ],
    serviceAccounts: [
      {
        id: 'sa-scheduler',
        tenant: DEMO_TENANT,
        tokens: [{ name: 'scheduler', maxAge: 'P180D', iatDaysAgo: 170, lastUsedDaysAgo: 0 }],
      },
    ],
  };
}
