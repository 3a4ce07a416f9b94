import { startPodstackSim, type PodstackSim } from '../../sim/podstack/podstack.sim';
import { test as base } from '../fixtures';

export interface PodstackFixture {
  sim: PodstackSim;
  /** The ML team's account, with a training and an inference project. */
  team: string;
  /** A second account (research), whose project the team's tokens may not use. */
  research: string;
  /** A token the user creates in the dashboard now, as the dashboard shows it once. */
  createToken(
    account: string,
    name: string,
    expiresInDays: 7 | 30 | 90 | 180 | 365 | null,
  ): { secret: string; prefix: string; expires: string | null };
}

export const test = base.extend<{ podstack: PodstackFixture }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  podstack: async ({}, use) => {
    const team = 'acc_100001';
    const research = 'acc_200002';
    const sim = await startPodstackSim({
      accounts: [
        {
          id: team,
          email: 'ml-team@example.com',
          projects: [
            { id: 'proj-training', name: 'Training', pods: [{ name: 'llama-finetune' }] },
            { id: 'proj-inference', name: 'Inference', pods: [{ name: 'vllm-serve' }] },
          ],
        },
        {
          id: research,
          email: 'research@example.com',
          projects: [{ id: 'proj-research', name: 'Research' }, { id: 'proj-sandbox' }],
        },
      ],
    });
    await use({
      sim,
      team,
      research,
      createToken(account, name, expiresInDays) {
        const created = sim.dashboard.createToken({ account, name, expiresInDays });
        return { secret: created.token, prefix: created.prefix, expires: created.expires };
      },
    });
    await sim.close();
  },
});

export { expect } from '../fixtures';
