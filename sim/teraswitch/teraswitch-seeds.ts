import type { TeraswitchSeed } from './teraswitch.types';

export const DEMO_TERASWITCH_ACCOUNT = 56789;
export const DEMO_TERASWITCH_PROJECT = 4101;
export const DEMO_TERASWITCH_DATA_PROJECT = 4102;

/**
 * A TeraSwitch account set up the way its docs advise, one token per application: CI, staging,
 * a billing export with the Accounting role, and tokens someone set Inactive. `known` is the
 * working Owner token the user pastes into TokenDesk (`tokenId` a UUID).
 */
export function demoTeraswitchSeed(known: { tokenId: string; secret: string }): TeraswitchSeed {
  return {
    accountId: DEMO_TERASWITCH_ACCOUNT,
    projects: [
      {
        id: DEMO_TERASWITCH_PROJECT,
        name: 'web-prod',
        instances: [
          { displayName: 'web-1', tags: ['web'] },
          { displayName: 'web-2', tags: ['web'] },
          { displayName: 'db-primary', tierId: 'c1.large', tags: ['db'] },
        ],
        tokens: [
          {
            displayName: 'tokendesk-laptop',
            role: 'Owner',
            tokenId: known.tokenId,
            secret: known.secret,
            createdDaysAgo: 20,
            lastUsedDaysAgo: 0,
          },
          {
            displayName: 'github-actions-ci',
            role: 'Owner',
            createdDaysAgo: 45,
            lastUsedDaysAgo: 0,
          },
          { displayName: 'staging-deploy', role: 'Owner', createdDaysAgo: 130, lastUsedDaysAgo: 3 },
          {
            displayName: 'billing-export',
            role: 'Accounting',
            createdDaysAgo: 200,
            lastUsedDaysAgo: 1,
          },
          { displayName: 'old-terraform', role: 'Owner', status: 'Inactive', createdDaysAgo: 400 },
        ],
      },
      {
        id: DEMO_TERASWITCH_DATA_PROJECT,
        name: 'data-lab',
        instances: [{ displayName: 'gpu-trainer', regionId: 'LAX1', tierId: 'g1.h100' }],
        tokens: [
          { displayName: 'jupyter-gpu', role: 'Owner', createdDaysAgo: 10, lastUsedDaysAgo: 0 },
          { displayName: 'cost-report', role: 'Accounting', createdDaysAgo: 60 },
          { displayName: 'ci-nightly', role: 'Owner', status: 'Inactive', createdDaysAgo: 90 },
        ],
      },
    ],
    invoices: [
      { total: 1240.5, status: 'Paid', daysAgo: 62 },
      { total: 1318.2, status: 'Paid', daysAgo: 31 },
      { total: 1402.75, status: 'Sent', daysAgo: 1 },
    ],
  };
}

export const DEMO_TERASWITCH_AGENCY_ACCOUNT = 61234;
export const DEMO_TERASWITCH_CLIENT_PROJECTS = [5201, 5202] as const;

/**
 * A second TeraSwitch account: an agency hosting two clients, one project each, with a deploy
 * token per client and the agency's billing token.
 */
export function demoTeraswitchAgencySeed(): TeraswitchSeed {
  const [bakery, clinic] = DEMO_TERASWITCH_CLIENT_PROJECTS;
  return {
    accountId: DEMO_TERASWITCH_AGENCY_ACCOUNT,
    projects: [
      {
        id: bakery,
        name: 'client-bakery',
        instances: [{ displayName: 'bakery-shop', tags: ['wordpress'] }],
        tokens: [
          { displayName: 'bakery-deploy', role: 'Owner', createdDaysAgo: 75, lastUsedDaysAgo: 2 },
          { displayName: 'agency-billing', role: 'Accounting', createdDaysAgo: 300 },
        ],
      },
      {
        id: clinic,
        name: 'client-clinic',
        instances: [{ displayName: 'clinic-portal', regionId: 'LAX1' }],
        tokens: [
          { displayName: 'clinic-deploy', role: 'Owner', createdDaysAgo: 15, lastUsedDaysAgo: 0 },
        ],
      },
    ],
    invoices: [{ total: 310.4, status: 'Paid', daysAgo: 20 }],
  };
}
