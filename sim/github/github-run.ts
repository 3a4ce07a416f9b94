import type { SimServer } from '../common/sim-types';
import { newGithubToken } from './github-state';
import { startGithubSim } from './github.sim';

const DEMO_LOGIN = 'octocat';
const DEMO_REPO = 'octo/app';

/**
 * For sim/run.ts: GitHub as a publish target, with one repository the token may write secrets
 * to. The demo seed adds a "production" environment and a secret published earlier.
 */
export async function runGithubSim(
  seed: string,
): Promise<{ sim: SimServer; credentials: Record<string, string> }> {
  const token = newGithubToken();
  const demo = seed !== 'empty';
  const sim = await startGithubSim({
    tokens: [{ login: DEMO_LOGIN, secret: token, repos: { [DEMO_REPO]: 'write' } }],
    repos: [
      {
        fullName: DEMO_REPO,
        ...(demo
          ? {
              environments: ['production'],
              secrets: [{ name: 'KESTRA_TOKEN', value: 'published-before' }],
            }
          : {}),
      },
    ],
  });
  return { sim, credentials: { login: DEMO_LOGIN, repo: DEMO_REPO, token } };
}
