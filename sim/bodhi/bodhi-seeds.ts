import type { BodhiSeed } from './bodhi.types';

export const DEMO_BODHI_USER = 'demo@bodhi.local';
export const DEMO_BODHI_PASSWORD = 'demo-password';

/**
 * A Bodhi App worth looking at: a token in use today, one idle for 26 days (TokenDesk warns
 * from day 25; it switches off after day 30), one idle for 40 days (already inactive), one
 * never used, and one the user switched off. A second user's token stays out of sight.
 * `chatSecret` is the token in use today, so the demo can verify it.
 */
export function demoBodhiSeed(chatSecret: string, clientId: string): BodhiSeed {
  return {
    clientId,
    users: [
      {
        username: DEMO_BODHI_USER,
        password: DEMO_BODHI_PASSWORD,
        role: 'resource_admin',
        firstName: 'Demo',
        lastName: 'User',
        tokens: [
          { name: 'chat-app', secret: chatSecret, createdDaysAgo: 60, lastUsedDaysAgo: 0 },
          { name: 'notebook', createdDaysAgo: 90, lastUsedDaysAgo: 26 },
          { name: 'old-script', createdDaysAgo: 120, lastUsedDaysAgo: 40 },
          { name: 'spare', scope: 'scope_token_power_user', createdDaysAgo: 3 },
          { name: 'paused-ci', createdDaysAgo: 20, lastUsedDaysAgo: 5, status: 'inactive' },
        ],
      },
      {
        username: 'colleague@bodhi.local',
        role: 'resource_user',
        tokens: [{ name: 'colleague-cli', createdDaysAgo: 5, lastUsedDaysAgo: 1 }],
      },
    ],
  };
}

export const DEMO_BODHI_LAPTOP_USER = 'me@laptop.local';

/**
 * A second Bodhi App, managed without a session (guided): the user tracks the tokens they made
 * in its web page. `secrets` are the tokens' values, so the demo can paste them.
 */
export function demoBodhiLaptopSeed(
  secrets: { notes: string; editor: string },
  clientId: string,
): BodhiSeed {
  return {
    clientId,
    users: [
      {
        username: DEMO_BODHI_LAPTOP_USER,
        tokens: [
          { name: 'notes-cli', secret: secrets.notes, createdDaysAgo: 12, lastUsedDaysAgo: 2 },
          { name: 'editor-plugin', secret: secrets.editor, createdDaysAgo: 40, lastUsedDaysAgo: 3 },
        ],
      },
    ],
  };
}
