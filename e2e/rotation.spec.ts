import { expect, test } from './fixtures';
import { addKestraProduction, createKestraToken } from './support/kestra-steps';
import { addProjectAccount, createTokenIn, test as gitlabTest } from './support/gitlab-fixture';
import { filesContaining, keychainLookup } from './support/secret-scan';
import { onlyAccountId } from './support/saved-accounts';

test('rotate a Kestra token in one click: new one verified, old one revoked, keychain holds only the new secret', async ({
  app,
  kestra,
  dataDir,
}) => {
  await addKestraProduction(app, kestra);
  const { secret: oldSecret, token: old } = await createKestraToken(app, kestra, 'release-bot');
  const accountId = await onlyAccountId(dataDir);
  expect(await keychainLookup(`${accountId}/${old.id}`)).toBe(oldSecret);
  const before = new Set(kestra.sim.tokens().map((t) => t.id));

  await app.rotate('release-bot');
  await app.waitForProvenRotation();
  const view = app.rotationView();
  await expect(view.getByTestId('rotation-outcome')).toContainText('Rotated.');
  for (const step of ['intent', 'create', 'store', 'verify', 'promote', 'revoke']) {
    await expect(
      view.locator(`[data-testid="rotation-step"][data-step="${step}"]`),
    ).toHaveAttribute('data-state', 'done');
  }

  // The service: the old token revoked, exactly one new token, live, with the same lifetime.
  const created = kestra.sim.tokens().filter((t) => !before.has(t.id));
  expect(created).toHaveLength(1);
  const [fresh] = created;
  if (fresh === undefined) throw new Error('no new token at the service');
  expect(fresh.revoked).toBe(false);
  expect(fresh.maxAge).toBe(old.maxAge);
  expect(kestra.sim.tokens().find((t) => t.id === old.id)?.revoked).toBe(true);

  // The verify call used the new secret, and it came before the old token was revoked.
  const calls = kestra.sim.calls();
  const verify = calls.find((c) => c.secret === fresh.secret && c.accepted);
  const revoke = calls.find((c) => c.route.startsWith('delete') && c.path.endsWith(`/${old.id}`));
  expect(verify).toBeDefined();
  expect(revoke).toBeDefined();
  expect(Date.parse(verify?.at ?? '')).toBeLessThanOrEqual(Date.parse(revoke?.at ?? ''));

  // The window: the new token listed, the old one gone; its secret shown once, on request.
  await view.getByRole('button', { name: 'Show the new token' }).click();
  await expect(view.getByTestId('revealed-secret')).toHaveValue(fresh.secret);
  await view.getByRole('button', { name: 'Done' }).click();
  await expect(view.getByRole('button', { name: 'Show the new token' })).toHaveCount(0);
  await app.closeRotation();
  await expect(app.row(fresh.id)).toBeVisible();
  await expect(app.row(old.id)).toHaveCount(0);
  await expect(app.page.getByText(fresh.secret)).toHaveCount(0);

  // The keychain: only the new secret; no secret in any file.
  expect(await keychainLookup(`${accountId}/${fresh.id}`)).toBe(fresh.secret);
  expect(await keychainLookup(`${accountId}/${old.id}`)).toBeNull();
  expect(await filesContaining(dataDir, fresh.secret)).toEqual([]);
  expect(await filesContaining(dataDir, oldSecret)).toEqual([]);
});

gitlabTest(
  'rotate a GitLab project token in one click: rolled, the new one verified, the old one dead',
  async ({ app, gitlab, dataDir }) => {
    const label = 'GitLab acme/web';
    await addProjectAccount(app, gitlab, label);
    const oldSecret = await createTokenIn(app, label, 'release-bot', '90 days');
    await app.closeReveal();
    const old = gitlab.sim.tokens().find((t) => t.name === 'release-bot');
    if (old === undefined) throw new Error('release-bot was not created at the service');
    const accountId = await onlyAccountId(dataDir);
    expect(await keychainLookup(`${accountId}/${old.id}`)).toBe(oldSecret);

    await app.rotate('release-bot');
    await app.waitForProvenRotation();
    await expect(
      app.rotationView().locator('[data-testid="rotation-step"][data-step="create"]'),
    ).toContainText('Roll');

    // GitLab's rotate: a new token in the same chain, the old one revoked in the same call.
    const fresh = gitlab.sim.tokens().find((t) => t.previousId === old.id);
    if (fresh === undefined) throw new Error('GitLab holds no token rotated from release-bot');
    expect(fresh).toMatchObject({ name: 'release-bot', revoked: false, active: true });
    expect(gitlab.sim.tokens().find((t) => t.id === old.id)?.revoked).toBe(true);

    // The verify call used the new secret; the old secret is refused from now on.
    const calls = gitlab.sim.calls();
    expect(calls.some((c) => c.secret === fresh.secret && c.accepted)).toBe(true);
    expect(calls.some((c) => c.secret === oldSecret && !c.accepted)).toBe(true);

    await app.closeRotation();
    await expect(app.row(String(fresh.id))).toBeVisible();
    await expect(app.row(String(old.id))).toHaveCount(0);
    expect(await keychainLookup(`${accountId}/${fresh.id}`)).toBe(fresh.secret);
    expect(await keychainLookup(`${accountId}/${old.id}`)).toBeNull();
    expect(await filesContaining(dataDir, fresh.secret)).toEqual([]);
    expect(await filesContaining(dataDir, oldSecret)).toEqual([]);
  },
);
