import { startTeraswitchSim } from '../../../sim/teraswitch/teraswitch.sim';
import { teraswitchAdapter } from '../../../src/main/core/providers/teraswitch/teraswitch.adapter';
import { describeAdapterContract } from './adapter-contract';

const PROJECT = 4101;
const OTHER_PROJECT = 4102;

describeAdapterContract({
  name: 'TeraSwitch',
  adapter: teraswitchAdapter,
  routes: { verify: 'listInstances' },
  expires: false,
  async start() {
    const sim = await startTeraswitchSim({
      projects: [
        { id: PROJECT, name: 'web-prod', instances: [{ displayName: 'web-1' }] },
        { id: OTHER_PROJECT, name: 'data-lab' },
      ],
      invoices: [{ total: 12.5 }],
    });
    let sequence = 0;
    return {
      sim,
      credential: null,
      account: {
        id: 'acc-teraswitch',
        provider: 'teraswitch',
        label: 'TeraSwitch',
        baseUrl: sim.apiBase,
        settings: teraswitchAdapter.parseSettings({}),
        createdAt: new Date().toISOString(),
        mode: 'guided',
        tokenPageUrl: null,
      },
      issueToken() {
        const created = sim.dashboard.createToken({
          project: PROJECT,
          displayName: `app-${++sequence}`,
          role: 'Owner',
        });
        return Promise.resolve({
          id: created.tokenId,
          secret: created.credential,
          scope: { project: String(PROJECT), role: 'Owner' },
        });
      },
      revokeAtService(token) {
        sim.dashboard.revokeToken({ tokenId: token.id });
        return Promise.resolve();
      },
      // Another project of the account, and the weaker role the token does not have.
      wrongScopes: () => [
        { project: String(OTHER_PROJECT), role: 'Owner' },
        { project: String(PROJECT), role: 'Accounting' },
      ],
    };
  },
});
