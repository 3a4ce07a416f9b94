import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPodstackSim } from '../../sim/podstack/podstack.sim';
import {
  DEMO_PODSTACK_ACCOUNT,
  DEMO_PODSTACK_PROJECT,
  demoPodstackSeed,
} from '../../sim/podstack/podstack-seeds';
import { newPodstackToken } from '../../sim/podstack/podstack-token';
import type { CrashWorld } from './crash-scenarios';
import type { GuidedUser } from './guided-user';
import { clearKeychain, startRotationStack } from './rotation-stack';

const LIFETIME_DAYS = 90;

/**
 * The demo's Podstack account (4 of 5 tokens active, so the replacement fits) with one token
 * the user tracks in TokenDesk; its rotation is guided, and the user (guided-user.ts) does the
 * dashboard's part in the worker.
 */
export async function podstackWorld(): Promise<CrashWorld> {
  const sim = await startPodstackSim(demoPodstackSeed(newPodstackToken()));
  const seeded = new Set(sim.tokens().map((token) => token.id));
  const old = sim.dashboard.createToken({
    account: DEMO_PODSTACK_ACCOUNT,
    name: 'Deploy bot',
    expiresInDays: LIFETIME_DAYS,
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-crash-'));
  const keychainService = `TokenDesk-crash-${randomBytes(4).toString('hex')}`;
  const stack = await startRotationStack({ dataDir, keychainService });
  try {
    const account = await stack.core.accounts.add({
      provider: 'podstack',
      label: 'Podstack',
      baseUrl: sim.apiBase,
      settings: {},
    });
    const tracked = await stack.core.tracking.track({
      accountId: account.id,
      name: 'Deploy bot',
      secret: old.token,
      project: DEMO_PODSTACK_PROJECT,
      expiresAt: old.expires ?? undefined,
    });
    const user: GuidedUser = {
      account: DEMO_PODSTACK_ACCOUNT,
      oldTokenId: old.id,
      expiresInDays: LIFETIME_DAYS,
    };
    return {
      sim,
      dataDir,
      keychainService,
      accountId: account.id,
      oldTokenId: tracked.id,
      oldSecret: old.token,
      isManagementCredential: false,
      guidedUser: JSON.stringify(user),
      // The old token, and whatever the user made in the dashboard during the rotation.
      isTokenDeskToken: (token) => !seeded.has(token.id),
      serviceTokens: () =>
        sim
          .tokens()
          .filter((token) => token.accountId === DEMO_PODSTACK_ACCOUNT)
          .map((token) => ({
            id: token.id === old.id ? tracked.id : token.id,
            name: token.name,
            description: null,
            secret: token.secret,
            active: token.status === 'active',
          })),
      async tearDown(secrets) {
        await clearKeychain(secrets);
        await rm(dataDir, { recursive: true, force: true });
        await sim.close();
      },
    };
  } finally {
    await stack.close();
  }
}
