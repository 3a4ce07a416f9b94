import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitlabSim } from '../../sim/gitlab/gitlab.sim';
import type { CrashScenario, CrashWorld } from './crash-scenarios';
import { clearKeychain, startRotationStack } from './rotation-stack';

const USER_ID = 1;

export const gitlabRoutes: CrashScenario['routes'] = {
  listTokens: 'listPersonalTokens',
  rollToken: 'rotatePersonalToken',
  verify: 'getPersonalTokenSelf',
};

/**
 * A GitLab account of personal tokens (its user an administrator, so TokenDesk can create one)
 * and a token TokenDesk created, which the rotation rolls.
 */
export async function gitlabWorld(): Promise<CrashWorld> {
  const managementSecret = `glpat-${randomBytes(15).toString('base64url')}`;
  const sim = await startGitlabSim({
    users: [
      {
        id: USER_ID,
        username: 'alice',
        admin: true,
        tokens: [{ name: 'tokendesk', secret: managementSecret, expiresInDays: 300 }],
      },
    ],
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-crash-'));
  const keychainService = `TokenDesk-crash-${randomBytes(4).toString('hex')}`;
  const stack = await startRotationStack({ dataDir, keychainService });
  try {
    const account = await stack.core.accounts.add({
      provider: 'gitlab',
      label: 'GitLab',
      baseUrl: sim.url,
      settings: { tokenType: 'personal', scopes: 'api' },
      credential: managementSecret,
    });
    const created = await stack.core.tokens.create({
      accountId: account.id,
      name: 'release-bot',
      description: 'Releases from CI',
      expiry: { kind: 'days', days: 30 },
    });
    return {
      sim,
      dataDir,
      keychainService,
      accountId: account.id,
      oldTokenId: created.token.id,
      oldSecret: created.secret,
      isManagementCredential: false,
      // The seeded credential is TokenDesk's own; every other token it created or rolled.
      isTokenDeskToken: () => true,
      serviceTokens: () =>
        sim
          .tokens()
          .filter((token) => token.userId === USER_ID)
          .map((token) => ({
            id: String(token.id),
            name: token.name,
            description: token.description,
            secret: token.secret,
            active: token.active,
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
