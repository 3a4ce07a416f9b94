import type { SimServer } from '../common/sim-types';
import { newGitlabToken } from './gitlab-ci-state';
import { startGitlabCiSim } from './gitlab-ci.sim';

const DEMO_PROJECT = 'group/app';
const MAINTAINER = 40;

/**
 * For sim/run.ts: GitLab CI/CD variables as a publish target, with one project the token
 * maintains. The demo seed adds a variable published earlier to the production scope.
 */
export async function runGitlabCiSim(
  seed: string,
): Promise<{ sim: SimServer; credentials: Record<string, string> }> {
  const token = newGitlabToken();
  const demo = seed !== 'empty';
  const sim = await startGitlabCiSim({
    tokens: [{ username: 'alice', secret: token, projects: { [DEMO_PROJECT]: MAINTAINER } }],
    projects: [
      {
        id: 7,
        pathWithNamespace: DEMO_PROJECT,
        ...(demo
          ? {
              variables: [
                {
                  key: 'KESTRA_TOKEN',
                  value: 'published-before',
                  environmentScope: 'production',
                  masked: true,
                },
              ],
            }
          : {}),
      },
    ],
  });
  return { sim, credentials: { project: DEMO_PROJECT, token } };
}
