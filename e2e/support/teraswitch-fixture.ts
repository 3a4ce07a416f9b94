import { startTeraswitchSim, type TeraswitchSim } from '../../sim/teraswitch/teraswitch.sim';
import type { TeraswitchRole } from '../../sim/teraswitch/teraswitch.types';
import { test as base } from '../fixtures';

export interface TeraswitchFixture {
  /** Two TeraSwitch accounts: a company's (two projects) and an agency's (two clients). */
  company: TeraswitchSim;
  agency: TeraswitchSim;
  /** Generates a token in a project's API Tokens tab: `tokenId:secret`, shown once. */
  generate: (
    sim: TeraswitchSim,
    project: number,
    displayName: string,
    role: TeraswitchRole,
  ) => { tokenId: string; credential: string; partialId: string };
}

export const test = base.extend<{ teraswitch: TeraswitchFixture }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  teraswitch: async ({}, use) => {
    const company = await startTeraswitchSim({
      accountId: 56789,
      projects: [
        { id: 4101, name: 'web-prod', instances: [{ displayName: 'web-1' }] },
        { id: 4102, name: 'data-lab', instances: [{ displayName: 'gpu-trainer' }] },
      ],
      invoices: [{ total: 1240.5 }],
    });
    const agency = await startTeraswitchSim({
      accountId: 61234,
      projects: [
        { id: 5201, name: 'client-bakery' },
        { id: 5202, name: 'client-clinic' },
      ],
      invoices: [{ total: 310.4 }],
    });
    await use({
      company,
      agency,
      generate: (sim, project, displayName, role) => {
        const created = sim.dashboard.createToken({ project, displayName, role });
        return {
          tokenId: created.tokenId,
          credential: created.credential,
          // The portal's Token Id column: the first 8 characters of the id.
          partialId: created.tokenId.slice(0, 8),
        };
      },
    });
    await Promise.all([company.close(), agency.close()]);
  },
});

export { expect } from '../fixtures';
