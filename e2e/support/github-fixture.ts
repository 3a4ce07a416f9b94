import { startGithubSim, type GithubSim } from '../../sim/github/github.sim';
import { test as base } from '../fixtures';

export interface GithubFixture {
  sim: GithubSim;
  /** A repository with Actions secrets, private, as most CI repositories are. */
  repo: string;
  /** A personal access token that may write the repository's secrets (made on github.com). */
  writerSecret: string;
}

export const test = base.extend<{ github: GithubFixture }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  github: async ({}, use) => {
    const repo = 'octo-org/deploy-scripts';
    const sim = await startGithubSim({
      tokens: [{ login: 'octocat', repos: { [repo]: 'write' } }],
      repos: [{ fullName: repo }],
    });
    const [writer] = sim.tokens();
    if (writer === undefined) throw new Error('the GitHub simulator has no token');
    await use({ sim, repo, writerSecret: writer.secret });
    await sim.close();
  },
});

export { expect } from '../fixtures';
