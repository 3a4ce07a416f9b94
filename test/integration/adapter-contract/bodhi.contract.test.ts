import { startBodhiSim } from '../../../sim/bodhi/bodhi.sim';
import { bodhiAdapter } from '../../../src/main/core/providers/bodhi/bodhi.adapter';
import { describeAdapterContract } from './adapter-contract';

const USER = 'owner@bodhi.local';

describeAdapterContract({
  name: 'Bodhi App',
  adapter: bodhiAdapter,
  routes: { verify: 'getUser', list: 'listTokens' },
  // Bodhi tokens never expire (the 30-day idle rule is proved in bodhi-adapter.test.ts).
  expires: false,
  async start() {
    const sim = await startBodhiSim({ users: [{ username: USER }] });
    let sequence = 0;
    return {
      sim,
      credential: sim.sessionCookieFor(USER),
      account: {
        id: 'acc-bodhi',
        provider: 'bodhi',
        label: 'Bodhi',
        baseUrl: sim.url,
        settings: bodhiAdapter.parseSettings({}),
        createdAt: new Date().toISOString(),
        mode: 'api',
        tokenPageUrl: null,
      },
      issueToken() {
        const created = sim.dashboard.createToken({ username: USER, name: `token-${++sequence}` });
        return Promise.resolve({
          id: created.id,
          secret: created.token,
          scope: { project: null, role: null },
        });
      },
      revokeAtService(token) {
        sim.dashboard.revokeToken({ tokenId: token.id });
        return Promise.resolve();
      },
      seedTokens(count) {
        for (let i = 0; i < count; i++)
          sim.dashboard.createToken({ username: USER, name: `bulk-${i}` });
        return Promise.resolve();
      },
    };
  },
});
