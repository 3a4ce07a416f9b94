import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, format } from 'date-fns';
import type { TokenDeskPage } from './pages/token-desk.page';
import { expect, test } from './support/podstack-fixture';
import { filesContaining, keychainLookup } from './support/secret-scan';
import { accountIdsByLabel } from './support/saved-accounts';

const TEAM = 'Podstack ML team';
const RESEARCH = 'Podstack research';

/** The date the track form records for a lifetime chosen today (yyyy-MM-dd). */
const inDays = (days: number) => format(addDays(new Date(), days), 'yyyy-MM-dd');

function tokenRow(app: TokenDeskPage, account: string, name: string) {
  return app.accountGroup(account).getByTestId('token-row').filter({ hasText: name });
}

test('two Podstack accounts: tokens in two projects, each verified before it is kept', async ({
  app,
  podstack,
  dataDir,
}) => {
  for (const label of [TEAM, RESEARCH]) {
    await app.addAccount({ service: 'Podstack', label, baseUrl: podstack.sim.apiBase });
    await expect(app.addAccountDialog()).toHaveCount(0);
  }
  await app.showAllAccounts();
  const team = app.accountGroup(TEAM);
  await expect(team.getByTestId('account-capacity')).toHaveText('0 of 5 active tokens');

  // Two tokens of the team, one per project, with the lifetimes chosen in the dashboard.
  const ci = podstack.createToken(podstack.team, 'CI Pipeline', 30);
  await app.trackToken(TEAM, {
    name: 'CI Pipeline',
    secret: ci.secret,
    fields: { Project: 'proj-training' },
    expires: '30 days',
  });
  await expect(app.trackTokenDialog()).toHaveCount(0);
  const serve = podstack.createToken(podstack.team, 'Serving', null);
  await app.trackToken(TEAM, {
    name: 'Serving',
    secret: serve.secret,
    fields: { Project: 'proj-inference' },
    expires: 'Never',
  });
  await expect(app.trackTokenDialog()).toHaveCount(0);

  const ciRow = tokenRow(app, TEAM, 'CI Pipeline');
  await expect(ciRow).toContainText(ci.prefix);
  await expect(ciRow).toContainText('proj-training');
  await expect(ciRow.locator(`time[datetime^="${inDays(30)}"]`)).toHaveCount(1);
  const serveRow = tokenRow(app, TEAM, 'Serving');
  await expect(serveRow).toContainText(serve.prefix);
  await expect(serveRow).toContainText('proj-inference');
  await expect(serveRow).toContainText('Never');
  await expect(team.getByTestId('account-capacity')).toHaveText('2 of 5 active tokens');
  // Each was proven against Podstack in its own project before it was kept.
  expect(podstack.sim.lastUseOf(ci.secret)).toMatchObject({ projectId: 'proj-training' });
  expect(podstack.sim.lastUseOf(serve.secret)).toMatchObject({ projectId: 'proj-inference' });

  // A research token pasted for a team project: Podstack refuses it, TokenDesk keeps nothing.
  const foreign = podstack.createToken(podstack.research, 'Notebook', 90);
  await app.trackToken(TEAM, {
    name: 'Notebook',
    secret: foreign.secret,
    fields: { Project: 'proj-training' },
  });
  const dialog = app.trackTokenDialog();
  await expect(dialog.getByRole('alert')).toContainText('denied access to project “proj-training”');
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Notebook');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(tokenRow(app, TEAM, 'Notebook')).toHaveCount(0);
  expect(await filesContaining(dataDir, foreign.secret)).toEqual([]);

  // The research account fills up to Podstack's limit: the badge says so, with what to do.
  const research = app.accountGroup(RESEARCH);
  const names = ['Notebook', 'Grafana export', 'Nightly eval', 'Staging deploy', 'Old migration'];
  for (const [index, name] of names.entries()) {
    const token = index === 0 ? foreign : podstack.createToken(podstack.research, name, 90);
    await app.trackToken(RESEARCH, {
      name,
      secret: token.secret,
      fields: { Project: index % 2 === 0 ? 'proj-research' : 'proj-sandbox' },
      expires: '90 days',
    });
    await expect(app.trackTokenDialog()).toHaveCount(0);
  }
  await expect(research.getByTestId('account-capacity')).toHaveText('5 of 5 active tokens');
  await expect(research.getByTestId('capacity-tip')).toContainText('allows 5 active tokens');
  await expect(research.getByTestId('token-row')).toHaveCount(5);

  // Secrets live in the keychain only, never in a file or on the page.
  const ids = await accountIdsByLabel(dataDir);
  const trackedFile = JSON.parse(await readFile(join(dataDir, 'tracked-tokens.json'), 'utf8')) as {
    tokens: Array<{ accountId: string; token: { id: string; name: string } }>;
  };
  const ciId = trackedFile.tokens.find((t) => t.token.name === 'CI Pipeline')?.token.id;
  expect(await keychainLookup(`${ids[TEAM] ?? 'missing'}/${ciId ?? 'missing'}`)).toBe(ci.secret);
  for (const secret of [ci.secret, serve.secret, foreign.secret]) {
    expect(await filesContaining(dataDir, secret)).toEqual([]);
    await expect(app.page.getByText(secret)).toHaveCount(0);
  }
});

test('import a .env file and Podstack profiles after a preview', async ({ app, podstack }) => {
  const home = await mkdtemp(join(tmpdir(), 'tokendesk-e2e-home-'));
  try {
    await app.addAccount({ service: 'Podstack', label: TEAM, baseUrl: podstack.sim.apiBase });
    await expect(app.addAccountDialog()).toHaveCount(0);
    const app1 = podstack.createToken(podstack.team, 'App', 90);
    const cli = podstack.createToken(podstack.team, 'CLI', null);
    const borrowed = podstack.createToken(podstack.research, 'Theirs', 7);
    await writeFile(
      join(home, 'app.env'),
      `# app settings\nPODSTACK_API_TOKEN="${app1.secret}"\nPODSTACK_PROJECT=proj-inference\n`,
    );
    await mkdir(join(home, '.podstack'));
    const credentials = join(home, '.podstack', 'credentials');
    await writeFile(
      credentials,
      `[default]\napi_token = ${cli.secret}\nproject = proj-training\n\n[borrowed]\napi_token = ${borrowed.secret}\nproject = proj-training\n`,
    );

    // The preview shows where each was found, its prefix and project: never a secret.
    await app.scanForImport({ dotenv: join(home, 'app.env'), podstack: credentials });
    const dotenvSource = `${join(home, 'app.env')}: PODSTACK_API_TOKEN`;
    await expect(app.importRow(dotenvSource)).toContainText(app1.prefix);
    await expect(app.importRow(dotenvSource)).toContainText('proj-inference');
    await expect(app.importRow(`${credentials} [default]`)).toContainText(cli.prefix);
    await expect(app.importRow(`${credentials} [borrowed]`)).toContainText(borrowed.prefix);
    for (const secret of [app1.secret, cli.secret, borrowed.secret]) {
      await expect(app.page.getByText(secret)).toHaveCount(0);
    }

    await app.closeImport();
    await app.importTokens(
      { dotenv: join(home, 'app.env'), podstack: credentials },
      {
        [dotenvSource]: { import: true, name: 'app-env' },
        [`${credentials} [default]`]: { import: true, name: 'cli-default' },
        [`${credentials} [borrowed]`]: { import: true, name: 'borrowed' },
      },
    );
    await expect(app.importRow(dotenvSource).getByTestId('import-result')).toHaveText('Imported');
    await expect(app.importRow(`${credentials} [default]`).getByTestId('import-result')).toHaveText(
      'Imported',
    );
    await expect(
      app.importRow(`${credentials} [borrowed]`).getByTestId('import-result'),
    ).toContainText('denied access to project “proj-training”');
    await app.closeImport();

    await expect(tokenRow(app, TEAM, 'app-env')).toContainText('proj-inference');
    await expect(tokenRow(app, TEAM, 'cli-default')).toContainText(cli.prefix);
    await expect(tokenRow(app, TEAM, 'borrowed')).toHaveCount(0);
    await expect(app.accountGroup(TEAM).getByTestId('account-capacity')).toHaveText(
      '2 of 5 active tokens',
    );
  } finally {
    await rm(home, { recursive: true, force: true });
  }
});
