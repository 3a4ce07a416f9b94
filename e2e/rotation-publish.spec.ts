import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type GithubFixture } from './support/github-fixture';
import { addKestraProduction, createKestraToken } from './support/kestra-steps';
import type { KestraFixture } from './fixtures';
import { TokenDeskPage } from './pages/token-desk.page';
import { launchApp } from './support/launch';
import { filesContaining } from './support/secret-scan';

const ENV_KEY = 'KESTRA_API_TOKEN';
const SECRET_NAME = 'RELEASE_TOKEN';

/**
 * A Kestra token published to a `.env` entry (first) and to the secret of a GitHub environment
 * that does not exist yet (second): the second target refuses until the user creates it.
 */
async function twoTargets(
  app: TokenDeskPage,
  kestra: KestraFixture,
  github: GithubFixture,
  envFile: string,
) {
  await app.addAccount({ service: 'GitHub', label: 'GitHub', baseUrl: github.sim.url });
  await expect(app.addAccountDialog()).toHaveCount(0);
  await app.trackToken('GitHub', { name: 'ci-writer', secret: github.writerSecret });
  await expect(app.trackTokenDialog()).toHaveCount(0);
  await addKestraProduction(app, kestra);
  const old = await createKestraToken(app, kestra, 'release-bot');
  await writeFile(envFile, `${ENV_KEY}=${old.secret}\n`);

  await app.openPublish('release-bot');
  await app.addPublishTarget({ kind: '.env file entry', path: envFile, key: ENV_KEY });
  await app.addPublishTarget({
    kind: 'GitHub Actions secret',
    repository: github.repo,
    environment: 'production',
    secretName: SECRET_NAME,
    credential: 'GitHub · ci-writer',
  });
  await app.closePublish();
  return old;
}

const githubLabel = (github: GithubFixture) =>
  `${github.repo} (environment production) · ${SECRET_NAME}`;

test.describe('a rotation whose second publish target fails', () => {
  let project = '';
  test.beforeEach(async () => {
    project = await mkdtemp(join(tmpdir(), 'tokendesk-e2e-project-'));
  });
  test.afterEach(async () => {
    await rm(project, { recursive: true, force: true });
  });

  test('names the failing target; retry completes it once the user fixed it', async ({
    app,
    kestra,
    github,
  }) => {
    const envFile = join(project, '.env');
    const old = await twoTargets(app, kestra, github, envFile);

    await app.rotate('release-bot');
    const view = app.rotationView();
    await expect(view.getByTestId('rotation-outcome')).toHaveAttribute(
      'data-outcome',
      'needs-user',
    );
    await expect(view.getByTestId('rotation-instruction')).toContainText(
      `“${githubLabel(github)}” did not take the new secret`,
    );
    await expect(view.getByTestId('rotation-instruction')).toContainText('Both tokens still work');
    const results = view.getByTestId('rotation-publish-result');
    await expect(results.nth(0)).toHaveAttribute('data-state', 'written-new');
    await expect(results.nth(1)).toHaveAttribute('data-state', 'refused');
    await expect(results.nth(1)).toContainText(githubLabel(github));
    expect(kestra.sim.tokens().find((t) => t.id === old.token.id)?.revoked).toBe(false);

    // The user creates the environment in GitHub, then retries: only the GitHub target is written.
    github.sim.dashboard.addEnvironment({ repo: github.repo, name: 'production' });
    await view.getByRole('button', { name: 'Retry' }).click();
    await app.waitForProvenRotation();

    const fresh = kestra.sim.tokens().find((t) => t.name.startsWith('release-bot-r') && !t.revoked);
    if (fresh === undefined) throw new Error('no new token at the service');
    expect(github.sim.secretValue(github.repo, SECRET_NAME, 'production')).toBe(fresh.secret);
    expect(await readFile(envFile, 'utf8')).toBe(`${ENV_KEY}=${fresh.secret}\n`);
    expect(kestra.sim.tokens().find((t) => t.id === old.token.id)?.revoked).toBe(true);
  });

  test('cancel puts the old secret back on the first target', async ({ app, kestra, github }) => {
    const envFile = join(project, '.env');
    const old = await twoTargets(app, kestra, github, envFile);
    const before = new Set(kestra.sim.tokens().map((t) => t.id));

    await app.rotate('release-bot');
    const view = app.rotationView();
    await expect(view.getByTestId('rotation-outcome')).toHaveAttribute(
      'data-outcome',
      'needs-user',
    );
    expect(await readFile(envFile, 'utf8')).not.toBe(`${ENV_KEY}=${old.secret}\n`);

    await view.getByRole('button', { name: 'Cancel rotation' }).click();
    await expect(view.getByTestId('rotation-outcome')).toHaveAttribute(
      'data-outcome',
      'rolled-back',
    );
    await expect(view.getByTestId('rotation-instruction')).toContainText(
      `The old secret is back on “${envFile} · ${ENV_KEY}”`,
    );
    expect(await readFile(envFile, 'utf8')).toBe(`${ENV_KEY}=${old.secret}\n`);
    const created = kestra.sim.tokens().filter((t) => !before.has(t.id));
    expect(created.map((t) => t.revoked)).toEqual([true]);
    expect(kestra.sim.tokens().find((t) => t.id === old.token.id)?.revoked).toBe(false);
  });
});

test('a restart after a rotation was killed tells what recovery did', async ({
  target,
  kestra,
}) => {
  // Three launches of the app, each waiting for its recovery.
  test.setTimeout(180_000);
  // Its own data dir and launches: the app is killed in the middle of the rotation.
  const dataDir = await mkdtemp(join(tmpdir(), 'tokendesk-e2e-killed-'));
  const project = await mkdtemp(join(tmpdir(), 'tokendesk-e2e-project-'));
  const envFile = join(project, '.env');
  const env = { ...process.env, TOKENDESK_DATA_DIR: dataDir };
  try {
    const first = await launchApp(target, env);
    const app = new TokenDeskPage(first.page);
    await app.waitUntilReady();
    await addKestraProduction(app, kestra);
    const old = await createKestraToken(app, kestra, 'release-bot');
    await writeFile(envFile, `${ENV_KEY}=${old.secret}\n`);
    await app.openPublish('release-bot');
    await app.addPublishTarget({ kind: '.env file entry', path: envFile, key: ENV_KEY });
    await app.closePublish();

    // Kestra holds the old token's revoke open: the rotation is past promote when the app dies.
    kestra.sim.injectFailure({ route: 'deleteUserToken', kind: 'timeout' });
    await app.rotate('release-bot');
    await expect.poll(() => kestra.sim.state().hanging).toBe(1);
    await first.close();
    kestra.sim.clearFailures();

    const second = await launchApp(target, env);
    try {
      const again = new TokenDeskPage(second.page);
      await again.waitUntilReady();
      const notice = again.page.getByTestId('rotation-recovery-notice');
      await expect(notice).toContainText(
        'TokenDesk finished the rotation of “release-bot” (Kestra production)',
      );
      await expect(notice).toContainText(`${envFile} · ${ENV_KEY} has the new secret.`);
      const fresh = kestra.sim.tokens().find((t) => t.name.startsWith('release-bot-r'));
      if (fresh === undefined) throw new Error('no new token at the service');
      expect(await readFile(envFile, 'utf8')).toBe(`${ENV_KEY}=${fresh.secret}\n`);
      expect(kestra.sim.tokens().find((t) => t.id === old.token.id)?.revoked).toBe(true);
      expect(await filesContaining(dataDir, fresh.secret)).toEqual([]);

      // Read once: dismissed, it stays gone after another restart.
      await notice.getByRole('button', { name: /Dismiss the notice about the rotation/ }).click();
      await expect(notice).toHaveCount(0);
    } finally {
      await second.close();
    }
    const third = await launchApp(target, env);
    try {
      const reopened = new TokenDeskPage(third.page);
      await reopened.waitUntilReady();
      await expect(reopened.page.getByTestId('rotation-recovery-notice')).toHaveCount(0);
    } finally {
      await third.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await rm(project, { recursive: true, force: true });
  }
});
