import type { SimServer } from '../common/sim-types';
import { DEMO_PODSTACK_ACCOUNT, DEMO_PODSTACK_PROJECT, demoPodstackSeed } from './podstack-seeds';
import { newPodstackToken } from './podstack-token';
import { startPodstackSim } from './podstack.sim';

/**
 * For sim/run.ts: Podstack with the demo seed, or one account with one project and one token
 * ("empty"). A guided service has no management credential: the credentials are the token the
 * user would paste and the project it is used with.
 */
export async function runPodstackSim(
  seed: string,
): Promise<{ sim: SimServer; credentials: Record<string, string> }> {
  const token = newPodstackToken();
  const sim =
    seed === 'empty'
      ? await startPodstackSim({
          accounts: [
            {
              id: DEMO_PODSTACK_ACCOUNT,
              projects: [{ id: DEMO_PODSTACK_PROJECT }],
              tokens: [{ name: 'TokenDesk', secret: token, expiresInDays: 90 }],
            },
          ],
        })
      : await startPodstackSim(demoPodstackSeed(token));
  return {
    sim,
    credentials: { account: DEMO_PODSTACK_ACCOUNT, project: DEMO_PODSTACK_PROJECT, token },
  };
}
