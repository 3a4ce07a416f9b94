import type { SimServer } from '../common/sim-types';
import { DEMO_BODHI_PASSWORD, DEMO_BODHI_USER, demoBodhiSeed } from './bodhi-seeds';
import { DEFAULT_CLIENT_ID } from './bodhi-state';
import { newBodhiToken } from './bodhi-token-format';
import { startBodhiSim } from './bodhi.sim';

/**
 * For sim/run.ts: a Bodhi App with the demo seed, or only the demo user ("empty"). The
 * credentials carry a logged-in session cookie (the management credential) and, with the demo
 * seed, a working API token to verify.
 */
export async function runBodhiSim(
  seed: string,
): Promise<{ sim: SimServer; credentials: Record<string, string> }> {
  const token = newBodhiToken(DEFAULT_CLIENT_ID);
  const sim =
    seed === 'empty'
      ? await startBodhiSim({
          users: [{ username: DEMO_BODHI_USER, password: DEMO_BODHI_PASSWORD }],
        })
      : await startBodhiSim(demoBodhiSeed(token, DEFAULT_CLIENT_ID));
  const credentials: Record<string, string> = {
    username: DEMO_BODHI_USER,
    password: DEMO_BODHI_PASSWORD,
    sessionCookie: sim.sessionCookieFor(DEMO_BODHI_USER),
  };
  if (seed !== 'empty') credentials.token = token;
  return { sim, credentials };
}
