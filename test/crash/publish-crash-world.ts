import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDotenv } from '../../src/main/core/import/dotenv-parser';
import { startGithubSim } from '../../sim/github/github.sim';
import { startGitlabSim } from '../../sim/gitlab/gitlab.sim';
import { newGitlabToken } from '../../sim/gitlab-ci/gitlab-ci-state';
import { newGithubToken } from '../../sim/github/github-state';
import { startKestraSim } from '../../sim/kestra/kestra.sim';
import { DEMO_TENANT, DEMO_USER, demoKestraSeed } from '../../sim/kestra/kestra-seeds';
import type { CrashWorld } from './crash-scenarios';
import { clearKeychain, startRotationStack } from './rotation-stack';

const REPO = 'octo/deploy';
const SECRET_NAME = 'KESTRA_TOKEN';
const ENV_KEY = 'KESTRA_API_TOKEN';
const PROJECT = 'group/app';
const VARIABLE = 'KESTRA_DEPLOY_TOKEN';

/**
 * A Kestra token TokenDesk created, published to a GitHub Actions secret (sealed box, through the
 * GitHub simulator and a tracked GitHub token), to a GitLab CI/CD variable (through a GitLab
 * account whose token the CI simulator accepts) and to a `.env` entry, all holding its secret
 * before the rotation starts.
 */
export async function kestraPublishWorld(): Promise<CrashWorld> {
  const managementSecret = `canary-manage-${randomBytes(16).toString('hex')}`;
  const githubCredential = newGithubToken();
  const sim = await startKestraSim(demoKestraSeed(managementSecret));
  const github = await startGithubSim({
    repos: [{ fullName: REPO }],
    tokens: [{ secret: githubCredential, login: 'octocat', repos: { [REPO]: 'admin' } }],
  });
  const gitlabCredential = newGitlabToken();
  const gitlab = await startGitlabSim({
    users: [
      {
        id: 1,
        username: 'maint',
        tokens: [{ name: 'ci-variables', secret: gitlabCredential, expiresInDays: 300 }],
      },
    ],
    ci: {
      projects: [{ id: 7, pathWithNamespace: PROJECT }],
      tokens: [{ secret: gitlabCredential, username: 'maint', projects: { '7': 40 } }],
    },
  });
  const seeded = new Set(sim.tokens().map((token) => token.id));
  const managementSeed = sim.tokens().find((token) => token.secret === managementSecret);
  if (managementSeed === undefined) throw new Error('the demo seed lost its management token');
  const dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-crash-'));
  const project = await mkdtemp(join(tmpdir(), 'tokendesk-crash-project-'));
  const envFile = join(project, '.env');
  await writeFile(envFile, 'KESTRA_URL=https://kestra.example.com\n');
  const keychainService = `TokenDesk-crash-${randomBytes(4).toString('hex')}`;
  const stack = await startRotationStack({ dataDir, keychainService });
  try {
    const account = await stack.core.accounts.add({
      provider: 'kestra',
      label: 'Kestra',
      baseUrl: sim.url,
      settings: { userId: DEMO_USER, tenant: DEMO_TENANT },
      credential: managementSecret,
    });
    const created = await stack.core.tokens.create({
      accountId: account.id,
      name: 'release-bot',
      description: 'Releases from CI',
      expiry: { kind: 'days', days: 30 },
    });
    const githubAccount = await stack.core.accounts.add({
      provider: 'github',
      label: 'GitHub',
      baseUrl: github.url,
      settings: {},
    });
    const writer = await stack.core.tracking.track({
      accountId: githubAccount.id,
      name: 'ci-writer',
      secret: githubCredential,
    });
    const credential = { accountId: githubAccount.id, tokenId: writer.id };
    const gitlabAccount = await stack.core.accounts.add({
      provider: 'gitlab',
      label: 'GitLab',
      baseUrl: gitlab.url,
      settings: { tokenType: 'personal' },
      credential: gitlabCredential,
    });
    const ref = { accountId: account.id, tokenId: created.token.id };
    await stack.core.publishing.add(ref.accountId, ref.tokenId, {
      kind: 'github-actions',
      repository: REPO,
      secretName: SECRET_NAME,
      credential,
    });
    await stack.core.publishing.add(ref.accountId, ref.tokenId, {
      kind: 'gitlab-variable',
      project: PROJECT,
      key: VARIABLE,
      masked: true,
      protected: false,
      environmentScope: '*',
      credential: { accountId: gitlabAccount.id, tokenId: 'manage' },
    });
    await stack.core.publishing.add(ref.accountId, ref.tokenId, {
      kind: 'dotenv',
      path: envFile,
      key: ENV_KEY,
    });
    const first = await stack.core.publishing.run(ref.accountId, ref.tokenId);
    if (!first.every((result) => result.ok)) throw new Error('the first publish failed');
    return {
      sim,
      publishSims: { github, gitlab },
      dataDir,
      keychainService,
      accountId: account.id,
      oldTokenId: created.token.id,
      oldSecret: created.secret,
      isManagementCredential: false,
      isTokenDeskToken: (token) => !seeded.has(token.id) || token.id === managementSeed.id,
      serviceTokens: () =>
        sim
          .tokens()
          .filter((token) => token.owner.id === DEMO_USER)
          .map((token) => ({
            id: token.id,
            name: token.name,
            description: token.description,
            secret: token.secret,
            active: !token.revoked && !token.expired,
          })),
      async publishedSecrets() {
        const text = await readFile(envFile, 'utf8');
        return [
          { target: `${REPO} · ${SECRET_NAME}`, secret: github.secretValue(REPO, SECRET_NAME) },
          {
            target: `${PROJECT} · CI variable ${VARIABLE}`,
            secret: gitlab.ciVariable(PROJECT, VARIABLE)?.value,
          },
          { target: `${envFile} · ${ENV_KEY}`, secret: parseDotenv(text).get(ENV_KEY) },
        ];
      },
      async tearDown(secrets) {
        await clearKeychain(secrets);
        await rm(dataDir, { recursive: true, force: true });
        await rm(project, { recursive: true, force: true });
        await Promise.all([sim.close(), github.close(), gitlab.close()]);
      },
    };
  } finally {
    await stack.close();
  }
}
