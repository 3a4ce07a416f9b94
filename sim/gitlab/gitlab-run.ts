import type { SimServer } from '../common/sim-types';
import { DEMO_GITLAB_USER_ID, DEMO_GITLAB_USERNAME, demoGitlabSeed } from './gitlab-seeds';
import { newGitlabSecret } from './gitlab-state';
import { startGitlabSim } from './gitlab.sim';

/** For sim/run.ts: a GitLab with the demo seed, or only the management token ("empty"). */
export async function runGitlabSim(
  seed: string,
): Promise<{ sim: SimServer; credentials: Record<string, string> }> {
  const token = newGitlabSecret();
  const sim =
    seed === 'empty'
      ? await startGitlabSim({
          users: [
            {
              id: DEMO_GITLAB_USER_ID,
              username: DEMO_GITLAB_USERNAME,
              admin: true,
              tokens: [{ name: 'tokendesk', secret: token, expiresInDays: 365 }],
            },
          ],
        })
      : await startGitlabSim(demoGitlabSeed(token));
  return {
    sim,
    credentials: { userId: String(DEMO_GITLAB_USER_ID), username: DEMO_GITLAB_USERNAME, token },
  };
}
