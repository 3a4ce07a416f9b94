import { randomBytes } from 'node:crypto';
import { startKestraSim } from '../../../sim/kestra/kestra.sim';
import { kestraAdapter } from '../../../src/main/core/providers/kestra/kestra.adapter';
import { describeAdapterContract } from './adapter-contract';

const MANAGEMENT = `mgmt${randomBytes(24).toString('hex')}`;

describeAdapterContract({
  name: 'Kestra',
  adapter: kestraAdapter,
  routes: { verify: 'searchFlows', list: 'listUserTokens' },
  expires: true,
  async start() {
    const sim = await startKestraSim({
      users: [{ id: 'alice', tokens: [{ name: 'tokendesk', secret: MANAGEMENT }] }],
    });
    let sequence = 0;
    return {
      sim,
      credential: MANAGEMENT,
      account: {
        id: 'acc-kestra',
        provider: 'kestra',
        label: 'Kestra',
        baseUrl: sim.url,
        settings: kestraAdapter.parseSettings({ userId: 'alice', tenant: 'main' }),
        createdAt: new Date().toISOString(),
        mode: 'api',
        tokenPageUrl: null,
      },
      issueToken(options = {}) {
        const created = sim.dashboard.createToken({
          userId: 'alice',
          name: `token-${++sequence}`,
          ...(options.expiresInDays === undefined ? {} : { maxAge: `P${options.expiresInDays}D` }),
        });
        return Promise.resolve({
          id: created.id,
          secret: created.fullToken,
          scope: { project: 'main', role: null },
        });
      },
      revokeAtService(token) {
        sim.dashboard.revokeToken({ tokenId: token.id });
        return Promise.resolve();
      },
      seedTokens(count) {
        for (let i = 0; i < count; i++)
          sim.dashboard.createToken({ userId: 'alice', name: `bulk-${i}` });
        return Promise.resolve();
      },
    };
  },
});
