import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { addKestraProduction, createKestraToken } from './support/kestra-steps';

const ENV_KEY = 'KESTRA_API_TOKEN';
const DAY_MS = 24 * 3600_000;

test('a drifted .env target appears in Needs attention and Publish again fixes it', async ({
  app,
  kestra,
}) => {
  const project = await mkdtemp(join(tmpdir(), 'tokendesk-e2e-drift-'));
  const envFile = join(project, '.env');
  await writeFile(envFile, '');
  try {
    await addKestraProduction(app, kestra);
    const { secret } = await createKestraToken(app, kestra, 'deploy-bot');
    await app.openPublish('deploy-bot');
    await app.addPublishTarget({ kind: '.env file entry', path: envFile, key: ENV_KEY });
    await app.publishDialog().getByRole('button', { name: 'Publish now' }).click();
    await expect(app.publishDialog().getByTestId('publish-summary')).toHaveText(
      'All 1 targets updated and read back.',
    );
    await app.closePublish();

    // Someone restores an old copy of the file; the next refresh checks every target.
    await writeFile(envFile, `${ENV_KEY}=an-older-token\n`);
    await app.page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await app.openView('Needs attention');
    const item = app.attentionItem('deploy-bot');
    await expect(item.locator('[data-kind="target-drift"]')).toContainText(
      `${ENV_KEY} in ${envFile} no longer holds the current secret of “deploy-bot”.`,
    );

    await item.getByRole('button', { name: 'Publish deploy-bot again' }).click();
    // The token still expires within 30 days; only the target's reason is gone.
    await expect(item.locator('[data-kind="target-drift"]')).toHaveCount(0);
    await expect(item).toContainText('Expires in 30 days');
    expect(await readFile(envFile, 'utf8')).toBe(`${ENV_KEY}=${secret}\n`);
  } finally {
    await rm(project, { recursive: true, force: true });
  }
});

test('a rotated token keeps its old lifetime', async ({ app, kestra }) => {
  await addKestraProduction(app, kestra);
  await app.createToken('long-lived', '90 days');
  await app.closeReveal();
  const old = kestra.sim.tokens().find((t) => t.name === 'long-lived');
  if (old === undefined) throw new Error('long-lived was not created at the service');

  await app.rotate('long-lived');
  await app.waitForProvenRotation();
  const fresh = kestra.sim.tokens().find((t) => t.id !== old.id && t.name.startsWith('long-lived'));
  if (fresh === undefined || fresh.exp === null) throw new Error('no new token with an expiry');
  const lifetimeDays = (Date.parse(fresh.exp) - Date.parse(fresh.iat)) / DAY_MS;
  expect(Math.round(lifetimeDays)).toBe(90);
});
