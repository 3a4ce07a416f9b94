import type { ProviderKind } from '../../src/shared/model';
import type { SimServer } from '../common/sim-types';
import { DEMO_TENANT, DEMO_USER, demoKestraSeed } from '../kestra/kestra-seeds';
import { newKestraSecret } from '../kestra/kestra-state';
import { startKestraSim } from '../kestra/kestra.sim';

/** An account as the user would add it, pointing at a running simulator. */
export interface DemoAccount {
  provider: ProviderKind;
  label: string;
  baseUrl: string;
  settings: Record<string, string>;
  credential?: string;
  /** Tokens of a guided account, as the user would paste them. */
  tracked?: Array<{ name: string; secret: string; project?: string; role?: string }>;
}

export interface DemoServices {
  accounts: DemoAccount[];
  close(): Promise<void>;
}

/** Every simulator with its demo seed, and the accounts that show them off. */
export async function startDemoServices(): Promise<DemoServices> {
  const sims: SimServer[] = [];
  const accounts: DemoAccount[] = [];

  const kestraToken = newKestraSecret();
  const kestra = await startKestraSim(demoKestraSeed(kestraToken));
  sims.push(kestra);
  accounts.push({
    provider: 'kestra',
    label: 'Kestra (demo)',
    baseUrl: kestra.url,
    settings: { userId: DEMO_USER, tenant: DEMO_TENANT },
    credential: kestraToken,
  });

  return {
    accounts,
    close: async () => {
      await Promise.all(sims.map((sim) => sim.close()));
    },
  };
}
