import type { PodstackSeed } from './podstack.types';

export const DEMO_PODSTACK_ACCOUNT = 'acc_100001';
export const DEMO_PODSTACK_PROJECT = 'proj-training';
/** The account that already holds the 5 active tokens the service allows. */
export const DEMO_PODSTACK_FULL_ACCOUNT = 'acc_200002';

/**
 * Two Podstack accounts worth looking at. The first has a token expiring in 3 days, an expired
 * one and one never used; the second is at the 5-active-token limit, so rotating any of its
 * tokens needs one revoked first. `knownToken` is the first account's working token, the one the
 * user pastes into TokenDesk.
 */
export function demoPodstackSeed(knownToken: string): PodstackSeed {
  return {
    accounts: [
      {
        id: DEMO_PODSTACK_ACCOUNT,
        email: 'ml-team@example.com',
        projects: [
          {
            id: DEMO_PODSTACK_PROJECT,
            name: 'Training',
            pods: [
              { name: 'llama-finetune', gpuType: 'H100', gpuCount: 8, labels: { team: 'ml' } },
              { name: 'eval-runner', status: 'stopped', gpuType: 'A100' },
            ],
          },
          {
            id: 'proj-inference',
            name: 'Inference',
            pods: [{ name: 'vllm-serve', gpuType: 'L40S', gpuCount: 2 }],
          },
        ],
        tokens: [
          {
            name: 'Laptop CLI',
            secret: knownToken,
            expiresInDays: 90,
            createdDaysAgo: 12,
            lastUsedDaysAgo: 0,
          },
          { name: 'CI Pipeline', expiresInDays: 30, createdDaysAgo: 27, lastUsedDaysAgo: 1 },
          { name: 'Training Script', expiresInDays: 7, createdDaysAgo: 10, lastUsedDaysAgo: 4 },
          { name: 'JupyterHub', expiresInDays: 365, createdDaysAgo: 2 },
        ],
      },
      {
        id: DEMO_PODSTACK_FULL_ACCOUNT,
        email: 'research@example.com',
        projects: [
          {
            id: 'proj-research',
            name: 'Research',
            pods: [{ name: 'notebook-gpu', gpuType: 'A100', labels: { owner: 'dana' } }],
          },
          { id: 'proj-sandbox', name: 'Sandbox' },
        ],
        tokens: [
          { name: 'Grafana export', expiresInDays: null, createdDaysAgo: 200, lastUsedDaysAgo: 0 },
          { name: 'Nightly eval', expiresInDays: 180, createdDaysAgo: 100, lastUsedDaysAgo: 1 },
          { name: 'Staging deploy', expiresInDays: 90, createdDaysAgo: 40, lastUsedDaysAgo: 3 },
          { name: 'Notebook', expiresInDays: 30, createdDaysAgo: 5, lastUsedDaysAgo: 0 },
          { name: 'Old migration', createdDaysAgo: 400, lastUsedDaysAgo: 150 },
          { name: 'Retired key', expiresInDays: 90, createdDaysAgo: 60, revoked: true },
        ],
      },
    ],
  };
}
