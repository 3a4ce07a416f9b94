import { expect, test } from './support/bodhi-fixture';
import { filesContaining, keychainLookup } from './support/secret-scan';
import { accountIdsByLabel } from './support/saved-accounts';

test('two Bodhi accounts: manage tokens with a session, track them without one', async ({
  app,
  bodhi,
  dataDir,
  target,
}) => {
  // With the session cookie: every token Bodhi lists for this user, as it lists them.
  await app.addAccount({
    service: 'Bodhi App',
    label: 'Bodhi server',
    baseUrl: bodhi.server.url,
    credential: bodhi.session,
  });
  await expect(app.addAccountDialog()).toHaveCount(0);
  const server = app.accountGroup('Bodhi server');
  const seeded = bodhi.server.tokens().filter((t) => t.username === bodhi.user && !t.deleted);
  await expect(server.getByTestId('token-row')).toHaveCount(seeded.length);
  for (const token of seeded) {
    const row = app.row(token.id);
    await expect(row).toContainText(token.name);
    await expect(row).toContainText(token.tokenPrefix);
    await expect(row).toContainText(token.status === 'active' ? 'Active' : 'Inactive');
    if (token.lastUsedAt !== null) {
      await expect(row.locator(`time[datetime="${token.lastUsedAt}"]`)).toHaveCount(1);
    }
    await expect(app.page.getByText(token.secret)).toHaveCount(0);
  }
  // Idle for 26 days: Bodhi switches it off after 30, so TokenDesk warns about it now.
  const notebook = seeded.find((t) => t.name === 'notebook');
  await expect(app.row(notebook?.id ?? 'missing').getByTestId('attention-badge')).toContainText(
    /idle/i,
  );
  if (target === 'browser') await app.dismissReminder('notebook');
  const oldScript = seeded.find((t) => t.name === 'old-script');
  await expect(app.row(oldScript?.id ?? 'missing')).toContainText('Inactive');

  // Create: the secret is shown once, and it is the one Bodhi issued.
  const secret = await app.createToken('release-bot', 'Never');
  const created = bodhi.server.tokens().find((t) => t.name === 'release-bot');
  expect(created?.secret).toBe(secret);
  await app.closeReveal();
  await expect(app.row(created?.id ?? 'missing')).toContainText(created?.tokenPrefix ?? 'missing');
  await expect(app.page.getByText(secret)).toHaveCount(0);

  // Rename, switch off and on again, revoke: each reaches Bodhi.
  await app.renameToken('release-bot', 'release-bot-2025');
  await expect(app.row(created?.id ?? 'missing')).toContainText('release-bot-2025');
  expect(bodhi.server.tokens().find((t) => t.id === created?.id)?.name).toBe('release-bot-2025');

  await app.switchToken('release-bot-2025', 'Deactivate');
  await expect(app.row(created?.id ?? 'missing')).toContainText('Inactive');
  expect(bodhi.server.tokens().find((t) => t.id === created?.id)?.status).toBe('inactive');
  expect(await app.verify('release-bot-2025')).toContain('did not accept the token');

  await app.switchToken('old-script', 'Activate');
  await expect(app.row(oldScript?.id ?? 'missing')).toContainText('Active');
  expect(bodhi.server.tokens().find((t) => t.id === oldScript?.id)?.status).toBe('active');

  const spare = seeded.find((t) => t.name === 'spare');
  await app.revoke('spare');
  await expect(app.row(spare?.id ?? 'missing')).toHaveCount(0);
  expect(bodhi.server.tokens().find((t) => t.id === spare?.id)?.deleted).toBe(true);

  // Without a session: guided. A token is kept only after Bodhi accepted it.
  await app.addAccount({ service: 'Bodhi App', label: 'Bodhi laptop', baseUrl: bodhi.laptop.url });
  await expect(app.addAccountDialog()).toHaveCount(0);
  const laptop = app.accountGroup('Bodhi laptop');
  await expect(laptop.getByText('guided')).toBeVisible();

  const forged = `${bodhi.laptopSecrets.notes.slice(0, -6)}XXXXXX`;
  await app.trackToken('Bodhi laptop', { name: 'forged', secret: forged });
  await expect(app.trackTokenDialog().getByRole('alert')).toContainText('did not accept');
  await app.trackTokenDialog().getByRole('button', { name: 'Cancel' }).click();
  await expect(laptop.getByTestId('token-row')).toHaveCount(0);

  await app.trackToken('Bodhi laptop', { name: 'notes-cli', secret: bodhi.laptopSecrets.notes });
  await expect(app.trackTokenDialog()).toHaveCount(0);
  const tracked = laptop.getByTestId('token-row');
  await expect(tracked).toHaveCount(1);
  await expect(tracked).toContainText(bodhi.laptopSecrets.notes.slice(0, 20));
  expect(bodhi.laptop.lastUseOf(bodhi.laptopSecrets.notes)?.route).toBe('getUser');

  // Secrets live in the keychain only.
  const ids = await accountIdsByLabel(dataDir);
  const serverId = ids['Bodhi server'] ?? 'missing';
  expect(await keychainLookup(`${serverId}/${created?.id ?? 'missing'}`)).toBe(secret);
  expect(await keychainLookup(`${serverId}/manage`)).toBe(bodhi.session);
  for (const value of [secret, bodhi.session, bodhi.laptopSecrets.notes, forged]) {
    expect(await filesContaining(dataDir, value)).toEqual([]);
  }
});

test('an API token pasted as the session is refused with a clear message', async ({
  app,
  bodhi,
  dataDir,
}) => {
  await app.addAccount({
    service: 'Bodhi App',
    label: 'Bodhi server',
    baseUrl: bodhi.server.url,
    credential: bodhi.laptopSecrets.editor,
  });
  const dialog = app.addAccountDialog();
  await expect(dialog.getByRole('alert')).toContainText('That is a Bodhi API token');
  expect(await filesContaining(dataDir, 'Bodhi server')).toEqual([]);
});

test('an expired session is replaced with Update credential, only once Bodhi accepts it', async ({
  app,
  bodhi,
  dataDir,
}) => {
  await app.addAccount({
    service: 'Bodhi App',
    label: 'Bodhi server',
    baseUrl: bodhi.server.url,
    credential: bodhi.session,
  });
  await expect(app.addAccountDialog()).toHaveCount(0);
  const server = app.accountGroup('Bodhi server');
  bodhi.server.dashboard.expireSession({ username: bodhi.user });
  await app.page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(server.getByTestId('account-error')).toContainText('Update credential');

  const update = async (credential: string) => {
    await server.getByRole('button', { name: 'More actions for Bodhi server' }).click();
    await app.page.getByRole('menuitem', { name: 'Update the credential of Bodhi server' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Update credential' });
    await dialog.getByTestId('credential-input').fill(credential);
    await dialog.getByRole('button', { name: 'Check and save' }).click();
    return dialog;
  };
  const refused = await update(bodhi.session);
  await expect(refused.getByText(/the old one is kept/)).toBeVisible();
  await refused.getByRole('button', { name: 'Cancel' }).click();

  const fresh = bodhi.server.sessionCookieFor(bodhi.user);
  await expect(await update(fresh)).toHaveCount(0);
  await expect(app.notice()).toContainText('Updated the credential of Bodhi server');
  await expect(server.getByTestId('account-error')).toHaveCount(0);
  const ids = await accountIdsByLabel(dataDir);
  expect(await keychainLookup(`${ids['Bodhi server'] ?? 'missing'}/manage`)).toBe(fresh);
  for (const value of [fresh, bodhi.session]) {
    expect(await filesContaining(dataDir, value)).toEqual([]);
  }
});
