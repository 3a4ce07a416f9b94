import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { demoKestraSeed, DEMO_TENANT, DEMO_USER } from '../sim/kestra/kestra-seeds';
import { startKestraSim, type KestraSim } from '../sim/kestra/kestra.sim';
import { launchApp } from './support/launch';
import { leakReport, recordE2eScan, recordPayloads } from './support/secret-scan';
import { chooseTarget, type Target } from './support/target';
import { TokenDeskPage } from './pages/token-desk.page';

export interface KestraFixture {
  sim: KestraSim;
  managementSecret: string;
  user: string;
  tenant: string;
}

export interface TestFixtures {
  /** A fresh data dir for this test: nothing carries over from another test. */
  dataDir: string;
  kestra: KestraFixture;
  app: TokenDeskPage;
  /** After every test: no secret of the simulator in the data dir or in what the page received. */
  leakScan: void;
}

export interface WorkerFixtures {
  target: Target;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  target: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      await use(chooseTarget());
    },
    { scope: 'worker' },
  ],

  // eslint-disable-next-line no-empty-pattern -- see above
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'tokendesk-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  // eslint-disable-next-line no-empty-pattern -- see above
  kestra: async ({}, use) => {
    const managementSecret = `kestra-e2e-${randomBytes(24).toString('base64url')}`;
    const sim = await startKestraSim(demoKestraSeed(managementSecret));
    await use({ sim, managementSecret, user: DEMO_USER, tenant: DEMO_TENANT });
    await sim.close();
  },

  app: async ({ target, dataDir }, use) => {
    const launched = await launchApp(target, { ...process.env, TOKENDESK_DATA_DIR: dataDir });
    const page = new TokenDeskPage(launched.page);
    await page.waitUntilReady();
    await use(page);
    await launched.close();
  },

  leakScan: [
    async ({ target, app, dataDir, kestra }, use) => {
      // Only the browser target's traffic can be watched from here; the data dir is checked on both.
      const recorder = target === 'browser' ? await recordPayloads(app.page) : null;
      await use();
      const payloads = recorder === null ? [] : await recorder.settled();
      const secrets = kestra.sim.tokens().map((token) => token.secret);
      const leaks = await leakReport(dataDir, secrets, payloads);
      await recordE2eScan({
        secrets: secrets.length,
        payloads: payloads.length,
        leaks: leaks.length,
      });
      expect(leaks, 'secrets outside the keychain and the one reveal').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
