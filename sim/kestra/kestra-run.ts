import type { SimServer } from '../common/sim-types';
import { DEMO_TENANT, DEMO_USER, demoKestraSeed } from './kestra-seeds';
import { newKestraSecret } from './kestra-state';
import { startKestraSim } from './kestra.sim';

/**
 * For sim/run.ts: Kestra with the demo seed, or a superadmin with only TokenDesk's own token
 * ("empty"). The credentials are what the user enters to add the account.
 */
export async function runKestraSim(
  seed: string,
): Promise<{ sim: SimServer; credentials: Record<string, string> }> {
  const token = newKestraSecret();
  const sim =
    seed === 'empty'
      ? await startKestraSim({
          users: [
            { id: DEMO_USER, superadmin: true, tokens: [{ name: 'tokendesk', secret: token }] },
          ],
        })
      : await startKestraSim(demoKestraSeed(token));
  return { sim, credentials: { userId: DEMO_USER, tenant: DEMO_TENANT, token } };
}
