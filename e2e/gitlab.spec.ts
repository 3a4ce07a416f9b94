import {
  addProjectAccount,
  createTokenIn,
  expect,
  revokeByKeyboard,
  test,
  timeIn,
} from './support/gitlab-fixture';
import { filesContaining, keychainLookup } from './support/secret-scan';
import { accountIdsByLabel } from './support/saved-accounts';

const PERSONAL = 'GitLab (Alice)';
const PROJECT = 'GitLab acme/web';

test('add personal and project GitLab accounts, see their tokens, create one and revoke one', async ({
  app,
  gitlab,
  dataDir,
}) => {
  await app.addAccount({
    service: 'GitLab',
    label: PERSONAL,
    baseUrl: gitlab.sim.url,
    fields: { 'Token type': 'personal' },
    credential: gitlab.managementSecret,
  });
  await expect(app.addAccountDialog()).toHaveCount(0);
  await addProjectAccount(app, gitlab, PROJECT);
  await app.showAllAccounts();

  // Every live token of each account, with GitLab's prefix, expiry and last use from the sim.
  for (const [label, kind] of [
    [PERSONAL, 'personal'],
    [PROJECT, 'project'],
  ] as const) {
    const tokens = gitlab.listed(kind);
    await expect(app.accountGroup(label).getByTestId('token-row')).toHaveCount(tokens.length);
    for (const token of tokens) {
      const row = app.row(String(token.id));
      await expect(row).toContainText(token.name);
      await expect(row).toContainText('glpat-');
      if (token.expiresAt !== null) {
        await expect(timeIn(row, `${token.expiresAt}T00:00:00.000Z`)).toHaveCount(1);
      }
      if (token.lastUsedAt !== null && token.secret !== gitlab.managementSecret) {
        await expect(timeIn(row, token.lastUsedAt)).toHaveCount(1);
      }
      await expect(app.page.getByText(token.secret)).toHaveCount(0);
    }
  }
  const management = gitlab.listed('personal').find((t) => t.secret === gitlab.managementSecret);
  await expect(app.row(String(management?.id))).toContainText('used by TokenDesk');

  // A new project token: its secret shown once, kept in the keychain, in no file.
  const secret = await createTokenIn(app, PROJECT, 'release-bot', '90 days');
  const created = gitlab.sim.tokens().find((t) => t.name === 'release-bot');
  expect(created).toMatchObject({ secret, projectPath: gitlab.project, accessLevel: 30 });
  await app.closeReveal();
  await expect(app.row(String(created?.id))).toContainText('release-bot');
  await expect(app.page.getByText(secret)).toHaveCount(0);

  // Revoked at GitLab at once, and gone from the list.
  const notes = gitlab.listed('project').find((t) => t.name === 'release-notes');
  await revokeByKeyboard(app, 'release-notes');
  await expect(app.row(String(notes?.id))).toHaveCount(0);
  expect(gitlab.sim.tokens().find((t) => t.id === notes?.id)?.revoked).toBe(true);

  const ids = await accountIdsByLabel(dataDir);
  expect(await keychainLookup(`${ids[PROJECT]}/${created?.id}`)).toBe(secret);
  expect(await keychainLookup(`${ids[PERSONAL]}/manage`)).toBe(gitlab.managementSecret);
  expect(await filesContaining(dataDir, secret)).toEqual([]);
  expect(await filesContaining(dataDir, gitlab.managementSecret)).toEqual([]);
});

test('rotate a GitLab token in one click: GitLab revokes the old one in the roll, the new one is verified', async ({
  app,
  gitlab,
  dataDir,
}) => {
  await app.addAccount({
    service: 'GitLab',
    label: PROJECT,
    baseUrl: gitlab.sim.url,
    fields: { 'Token type': 'project', Project: gitlab.project },
    credential: gitlab.managementSecret,
  });
  await expect(app.addAccountDialog()).toHaveCount(0);
  const old = gitlab.listed('project').find((t) => t.name === 'deploy-bot');
  if (old === undefined) throw new Error('the demo seed has no deploy-bot');
  await expect(app.row(String(old.id))).toBeVisible();

  await app.rotate('deploy-bot');
  await app.waitForProvenRotation();
  const fresh = gitlab.sim.tokens().find((t) => t.previousId === old.id);
  expect(fresh).toMatchObject({ active: true, name: 'deploy-bot', accessLevel: old.accessLevel });
  expect(gitlab.sim.tokens().find((t) => t.id === old.id)?.revoked).toBe(true);
  expect(gitlab.sim.calls().filter((c) => c.route === 'rotateProjectToken')).toHaveLength(1);
  expect(gitlab.sim.lastUseOf(fresh?.secret ?? 'missing')?.route).toBe('getPersonalTokenSelf');
  await app.closeRotation();
  await expect(app.row(String(fresh?.id))).toBeVisible();
  await expect(app.row(String(old.id))).toHaveCount(0);

  const ids = await accountIdsByLabel(dataDir);
  expect(await keychainLookup(`${ids[PROJECT]}/${fresh?.id}`)).toBe(fresh?.secret);
  expect(await keychainLookup(`${ids[PROJECT]}/${old.id}`)).toBeNull();
  expect(await filesContaining(dataDir, fresh?.secret ?? 'missing')).toEqual([]);
});
