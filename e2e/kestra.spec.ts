import { expect, test } from './fixtures';
import { addKestraProduction } from './support/kestra-steps';
import { filesContaining, keychainLookup } from './support/secret-scan';
import { onlyAccountId } from './support/saved-accounts';

test('add a Kestra account, see its tokens, create one and revoke one', async ({
  app,
  kestra,
  dataDir,
}) => {
  await expect(app.emptyState).toBeVisible();

  await addKestraProduction(app, kestra);

  // Every token the service lists, with the prefix it shows (never more).
  const seeded = kestra.sim.tokens().filter((t) => t.owner.id === kestra.user && !t.revoked);
  await expect(app.rows()).toHaveCount(seeded.length);
  const ciDeploy = seeded.find((t) => t.name === 'ci-deploy');
  expect(ciDeploy).toBeDefined();
  await expect(app.row(ciDeploy?.id ?? 'missing')).toContainText(ciDeploy?.prefix ?? 'missing');
  await expect(app.page.getByText(ciDeploy?.secret ?? 'missing')).toHaveCount(0);

  const secret = await app.createToken('release-bot', '30 days');
  const created = kestra.sim.tokens().find((t) => t.name === 'release-bot');
  expect(created?.secret).toBe(secret);
  await app.closeReveal();
  await expect(app.row(created?.id ?? 'missing')).toBeVisible();
  await expect(app.page.getByText(secret)).toHaveCount(0);

  const oldMigration = seeded.find((t) => t.name === 'old-migration');
  await app.revoke('old-migration');
  await expect(app.row(oldMigration?.id ?? 'missing')).toHaveCount(0);
  expect(kestra.sim.tokens().find((t) => t.name === 'old-migration')?.revoked).toBe(true);

  // The new secret is in the keychain under <accountId>/<tokenId>, and in no file.
  const accountId = await onlyAccountId(dataDir);
  expect(await keychainLookup(`${accountId}/${created?.id ?? 'missing'}`)).toBe(secret);
  expect(await keychainLookup(`${accountId}/manage`)).toBe(kestra.managementSecret);
  expect(await filesContaining(dataDir, secret)).toEqual([]);
  expect(await filesContaining(dataDir, kestra.managementSecret)).toEqual([]);
});

test('a wrong credential is refused with a clear message and nothing is saved', async ({
  app,
  kestra,
  dataDir,
}) => {
  await app.addKestraAccount({
    label: 'Kestra staging',
    baseUrl: kestra.sim.url,
    userId: kestra.user,
    credential: 'not-a-kestra-token',
  });
  const dialog = app.addAccountDialog();
  await expect(dialog.getByRole('alert')).toContainText(/refused|rejected|not accepted/i);
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Kestra staging');
  expect(await filesContaining(dataDir, 'Kestra staging')).toEqual([]);
});

test('a service that fails marks only its own account', async ({ app, kestra }) => {
  await app.addKestraAccount({
    label: 'Kestra production',
    baseUrl: kestra.sim.url,
    userId: kestra.user,
    credential: kestra.managementSecret,
  });
  await expect(app.rows().first()).toBeVisible();
  const rowsBefore = await app.rows().count();

  kestra.sim.injectFailure({ route: '*', kind: 'html', status: 502 });
  await app.page.getByRole('button', { name: 'Refresh' }).click();

  await expect(app.page.getByTestId('account-error')).toBeVisible();
  await expect(app.rows()).toHaveCount(rowsBefore);
});
