import { startPodstackSim } from '../../../sim/podstack/podstack.sim';
import type { PodstackExpiryDays } from '../../../sim/podstack/podstack.types';
import { podstackAdapter } from '../../../src/main/core/providers/podstack/podstack.adapter';
import { describeAdapterContract } from './adapter-contract';

const ACCOUNT = 'acc_alice';
const PROJECT = 'proj-a1';

describeAdapterContract({
  name: 'Podstack',
  adapter: podstackAdapter,
  routes: { verify: 'listPods' },
  expires: true,
  async start() {
    const sim = await startPodstackSim({
      accounts: [
        {
          id: ACCOUNT,
          projects: [{ id: PROJECT, pods: [{ name: 'trainer' }] }, { id: 'proj-a2' }],
        },
        { id: 'acc_bob', projects: [{ id: 'proj-b1' }] },
      ],
    });
    let sequence = 0;
    return {
      sim,
      credential: null,
      account: {
        id: 'acc-podstack',
        provider: 'podstack',
        label: 'Podstack',
        baseUrl: sim.apiBase,
        settings: podstackAdapter.parseSettings({}),
        createdAt: new Date().toISOString(),
        mode: 'guided',
        tokenPageUrl: null,
      },
      issueToken(options = {}) {
        const created = sim.dashboard.createToken({
          account: ACCOUNT,
          name: `Token ${++sequence}`,
          expiresInDays: (options.expiresInDays ?? null) as PodstackExpiryDays | null,
        });
        return Promise.resolve({
          id: created.id,
          secret: created.token,
          scope: { project: PROJECT, role: null },
        });
      },
      revokeAtService(token) {
        sim.dashboard.revokeToken({ tokenId: token.id });
        return Promise.resolve();
      },
      // Another account's project, and one that does not exist: both a PermissionError.
      wrongScopes: () => [
        { project: 'proj-b1', role: null },
        { project: 'proj-missing', role: null },
      ],
    };
  },
});
