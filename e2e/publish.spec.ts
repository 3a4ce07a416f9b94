import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/github-fixture';
import { addKestraProduction, createKestraToken } from './support/kestra-steps';
import { filesContaining, keychainLookup } from './support/secret-scan';
import { savedAccounts } from './support/saved-accounts';

const SECRET_NAME = 'RELEASE_TOKEN';
const ENV_KEY = 'KESTRA_API_TOKEN';
const envBefore = '# deploy settings\nKESTRA_URL=https://kestra.example.com\n';

test('a GitHub Actions secret and a .env entry get the new secret before the old token is revoked', async ({
  app,
  kestra,
  github,
  dataDir,
}) => {
  const project = await mkdtemp(join(tmpdir(), 'tokendesk-e2e-project-'));
  const envFile = join(project, '.env');
  await writeFile(envFile, envBefore);
  try {
    // A GitHub account with a token that may write the repository's secrets, pasted by the user.
    await app.addAccount({ service: 'GitHub', label: 'GitHub', baseUrl: github.sim.url });
    await expect(app.addAccountDialog()).toHaveCount(0);
    await app.trackToken('GitHub', { name: 'ci-writer', secret: github.writerSecret });
    await expect(app.trackTokenDialog()).toHaveCount(0);

    // A Kestra token whose secret TokenDesk keeps.
    await addKestraProduction(app, kestra);
    const { secret: oldSecret, token: old } = await createKestraToken(app, kestra, 'release-bot');

    // Bind both targets and publish now: each is read back.
    await app.openPublish('release-bot');
    await app.addPublishTarget({
      kind: 'GitHub Actions secret',
      repository: github.repo,
      secretName: SECRET_NAME,
      credential: 'GitHub · ci-writer',
    });
    await app.addPublishTarget({ kind: '.env file entry', path: envFile, key: ENV_KEY });
    const panel = app.publishDialog();
    await expect(panel.getByTestId('publish-binding')).toHaveCount(2);
    await panel.getByRole('button', { name: 'Publish now' }).click();
    await expect(panel.getByTestId('publish-summary')).toHaveText(
      'All 2 targets updated and read back.',
    );
    expect(github.sim.secretValue(github.repo, SECRET_NAME)).toBe(oldSecret);
    expect(await readFile(envFile, 'utf8')).toBe(`${envBefore}${ENV_KEY}=${oldSecret}\n`);
    await app.closePublish();

    // Rotate: the publish step runs before the old token is revoked.
    const before = new Set(kestra.sim.tokens().map((t) => t.id));
    await app.rotate('release-bot');
    await app.waitForProvenRotation();
    const results = app.rotationView().getByTestId('rotation-publish-result');
    await expect(results).toHaveCount(2);
    for (const result of await results.all())
      await expect(result).toHaveAttribute('data-ok', 'true');
    await expect(
      app.rotationView().locator('[data-testid="rotation-step"][data-step="publish"]'),
    ).toHaveAttribute('data-state', 'done');

    const fresh = kestra.sim.tokens().find((t) => !before.has(t.id));
    if (fresh === undefined) throw new Error('no new token at the service');
    expect(kestra.sim.tokens().find((t) => t.id === old.id)?.revoked).toBe(true);

    // GitHub decrypted the new secret; the .env line holds it and every other line is kept.
    expect(github.sim.secretValue(github.repo, SECRET_NAME)).toBe(fresh.secret);
    expect(await readFile(envFile, 'utf8')).toBe(`${envBefore}${ENV_KEY}=${fresh.secret}\n`);

    // Both were written before the service saw the old token's revoke.
    const revoke = kestra.sim
      .calls()
      .find((c) => c.route.startsWith('delete') && c.path.endsWith(`/${old.id}`));
    if (revoke === undefined) throw new Error('the old token was never revoked at the service');
    const revokedAt = Date.parse(revoke.at);
    const lastPut = github.sim
      .calls()
      .filter((c) => c.method === 'PUT' && c.accepted)
      .map((c) => Date.parse(c.at))
      .sort((a, b) => b - a)[0];
    expect(lastPut).toBeDefined();
    expect(lastPut).toBeLessThan(revokedAt);
    expect((await stat(envFile)).mtimeMs).toBeLessThan(revokedAt);
    // The targets now belong to the new token; the keychain holds only the new secret.
    await app.closeRotation();
    await app.openPublish(fresh.name);
    await expect(app.publishDialog().getByTestId('publish-binding')).toHaveCount(2);
    await app.closePublish();
    const accounts = await savedAccounts(dataDir);
    const kestraId = accounts.find((a) => a.provider === 'kestra')?.id ?? 'missing';
    expect(await keychainLookup(`${kestraId}/${fresh.id}`)).toBe(fresh.secret);
    expect(await keychainLookup(`${kestraId}/${old.id}`)).toBeNull();
    expect(await filesContaining(dataDir, fresh.secret)).toEqual([]);
    expect(await filesContaining(dataDir, github.writerSecret)).toEqual([]);
  } finally {
    await rm(project, { recursive: true, force: true });
  }
});
