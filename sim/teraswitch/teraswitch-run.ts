import type { SimServer } from '../common/sim-types';
import { DEMO_TERASWITCH_PROJECT, demoTeraswitchSeed } from './teraswitch-seeds';
import { newTeraswitchSecret, newTeraswitchTokenId } from './teraswitch-token';
import { startTeraswitchSim } from './teraswitch.sim';

/**
 * For sim/run.ts: TeraSwitch with the demo seed, or one project with one Owner token ("empty").
 * A guided service has no management credential: the credentials are the token the user would
 * paste (`tokenId:secret`) and its project.
 */
export async function runTeraswitchSim(
  seed: string,
): Promise<{ sim: SimServer; credentials: Record<string, string> }> {
  const known = { tokenId: newTeraswitchTokenId(), secret: newTeraswitchSecret() };
  const sim =
    seed === 'empty'
      ? await startTeraswitchSim({
          projects: [
            {
              id: DEMO_TERASWITCH_PROJECT,
              name: 'web-prod',
              tokens: [{ displayName: 'tokendesk', role: 'Owner', ...known }],
            },
          ],
        })
      : await startTeraswitchSim(demoTeraswitchSeed(known));
  return {
    sim,
    credentials: {
      projectId: String(DEMO_TERASWITCH_PROJECT),
      token: `${known.tokenId}:${known.secret}`,
    },
  };
}
