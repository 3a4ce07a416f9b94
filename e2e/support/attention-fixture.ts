import { randomBytes } from 'node:crypto';
import { DEMO_TENANT, DEMO_USER } from '../../sim/kestra/kestra-seeds';
import { startKestraSim } from '../../sim/kestra/kestra.sim';
import type { KestraSeed } from '../../sim/kestra/kestra.types';
import { expect, test as base, type KestraFixture } from '../fixtures';
import { TokenDeskPage } from '../pages/token-desk.page';
import { launchApp, type LaunchedApp } from './launch';
import { leakReport, recordE2eScan } from './secret-scan';

export const DAY_MS = 24 * 3600_000;

/**
 * A Kestra account with one token of each kind the attention views are about: one expiring in
 * 3 days (in daily use), one created 40 days ago and never used (it expires in 50), and one in
 * good health.
 */
function attentionSeed(managementSecret: string): KestraSeed {
  return {
    users: [
      {
        id: DEMO_USER,
        superadmin: true,
        tokens: [
          { name: 'tokendesk', secret: managementSecret, iatDaysAgo: 5, lastUsedDaysAgo: 0 },
          { name: 'expiring-soon', maxAge: 'P30D', iatDaysAgo: 27, lastUsedDaysAgo: 0 },
          { name: 'never-used', maxAge: 'P90D', iatDaysAgo: 40 },
          { name: 'healthy', maxAge: 'P365D', iatDaysAgo: 10, lastUsedDaysAgo: 1 },
        ],
      },
    ],
  };
}

export interface ClockedApp {
  /**
   * (Re)starts the app on the test's data dir with its clock moved by `offsetMs`, and moves the
   * simulator's clock by as much, as if that much time had passed for both.
   */
  open(offsetMs: number): Promise<TokenDeskPage>;
}

interface AttentionFixtures {
  attentionKestra: KestraFixture;
  clockedApp: ClockedApp;
}

export const test = base.extend<AttentionFixtures>({
  // These tests run their own app (clockedApp), one at a time on the data dir as the writer lock
  // demands: the scan must not start the default app beside it. It scans this simulator's secrets.
  leakScan: async ({ dataDir, attentionKestra }, use) => {
    await use();
    const secrets = attentionKestra.sim.tokens().map((token) => token.secret);
    const leaks = await leakReport(dataDir, secrets, []);
    await recordE2eScan({ secrets: secrets.length, payloads: 0, leaks: leaks.length });
    expect(leaks, 'secrets outside the keychain').toEqual([]);
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  attentionKestra: async ({}, use) => {
    const managementSecret = `kestra-e2e-${randomBytes(24).toString('base64url')}`;
    const sim = await startKestraSim(attentionSeed(managementSecret));
    await use({ sim, managementSecret, user: DEMO_USER, tenant: DEMO_TENANT });
    await sim.close();
  },

  clockedApp: async ({ dataDir, attentionKestra }, use) => {
    const current: { app: LaunchedApp | null } = { app: null };
    await use({
      async open(offsetMs) {
        if (current.app !== null) await current.app.close();
        current.app = null;
        attentionKestra.sim.setClockOffset(offsetMs);
        // The app's clock can be moved only in the browser target (serve.ts reads the offset).
        const launched = await launchApp('browser', {
          ...process.env,
          TOKENDESK_DATA_DIR: dataDir,
          TOKENDESK_CLOCK_OFFSET_MS: String(offsetMs),
        });
        current.app = launched;
        const page = new TokenDeskPage(launched.page);
        await page.waitUntilReady();
        return page;
      },
    });
    if (current.app !== null) await current.app.close();
  },
});

export { expect };
