import { DEFAULT_CLIENT_ID } from '../../sim/bodhi/bodhi-state';
import {
  DEMO_BODHI_LAPTOP_USER,
  DEMO_BODHI_USER,
  demoBodhiLaptopSeed,
  demoBodhiSeed,
} from '../../sim/bodhi/bodhi-seeds';
import { newBodhiToken } from '../../sim/bodhi/bodhi-token-format';
import { startBodhiSim, type BodhiSim } from '../../sim/bodhi/bodhi.sim';
import { test as base } from '../fixtures';

export interface BodhiFixture {
  /** The app whose tokens TokenDesk manages with a logged-in session. */
  server: BodhiSim;
  /** What the user pastes as the session credential: the session cookie. */
  session: string;
  user: string;
  /** A second app without a session: its tokens are tracked (guided). */
  laptop: BodhiSim;
  laptopUser: string;
  /** Tokens the user made in the laptop app's web page, to paste into TokenDesk. */
  laptopSecrets: { notes: string; editor: string };
}

export const test = base.extend<{ bodhi: BodhiFixture }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  bodhi: async ({}, use) => {
    const server = await startBodhiSim(
      demoBodhiSeed(newBodhiToken(DEFAULT_CLIENT_ID), DEFAULT_CLIENT_ID),
    );
    const laptopSecrets = {
      notes: newBodhiToken(DEFAULT_CLIENT_ID),
      editor: newBodhiToken(DEFAULT_CLIENT_ID),
    };
    const laptop = await startBodhiSim(demoBodhiLaptopSeed(laptopSecrets, DEFAULT_CLIENT_ID));
    await use({
      server,
      session: server.sessionCookieFor(DEMO_BODHI_USER),
      user: DEMO_BODHI_USER,
      laptop,
      laptopUser: DEMO_BODHI_LAPTOP_USER,
      laptopSecrets,
    });
    await Promise.all([server.close(), laptop.close()]);
  },
});

export { expect } from '../fixtures';
