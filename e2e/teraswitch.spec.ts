import { addDays, format } from 'date-fns';
import type { TokenDeskPage } from './pages/token-desk.page';
import { expect, test } from './support/teraswitch-fixture';
import { filesContaining } from './support/secret-scan';

const COMPANY = 'TeraSwitch company';
const AGENCY = 'TeraSwitch agency';

function tokenRow(app: TokenDeskPage, account: string, name: string) {
  return app.accountGroup(account).getByTestId('token-row').filter({ hasText: name });
}

test('two TeraSwitch accounts: tokens of two projects each, checked for project and role', async ({
  app,
  teraswitch,
  dataDir,
}) => {
  const { company, agency, generate } = teraswitch;
  await app.addAccount({ service: 'TeraSwitch', label: COMPANY, baseUrl: company.apiBase });
  await expect(app.addAccountDialog()).toHaveCount(0);
  await app.addAccount({ service: 'TeraSwitch', label: AGENCY, baseUrl: agency.apiBase });
  await expect(app.addAccountDialog()).toHaveCount(0);
  await app.showAllAccounts();

  // An Owner token of one project, with a date the user wants to be reminded to rotate it.
  const reminder = format(addDays(new Date(), 60), 'yyyy-MM-dd');
  const ci = generate(company, 4101, 'github-actions-ci', 'Owner');
  await app.trackToken(COMPANY, {
    name: 'github-actions-ci',
    secret: ci.credential,
    fields: { 'Project ID': '4101' },
    role: 'Owner',
    expires: reminder,
  });
  await expect(app.trackTokenDialog()).toHaveCount(0);
  const ciRow = tokenRow(app, COMPANY, 'github-actions-ci');
  await expect(ciRow).toContainText(ci.partialId);
  await expect(ciRow).toContainText('4101');
  await expect(ciRow.locator(`time[datetime^="${reminder}"]`)).toHaveCount(1);

  // An Accounting token of the other project: billing works, the instances are refused.
  const costs = generate(company, 4102, 'cost-report', 'Accounting');
  await app.trackToken(COMPANY, {
    name: 'cost-report',
    secret: costs.credential,
    fields: { 'Project ID': '4102' },
    role: 'Accounting',
  });
  await expect(app.trackTokenDialog()).toHaveCount(0);
  await expect(tokenRow(app, COMPANY, 'cost-report')).toContainText(costs.partialId);
  await expect(tokenRow(app, COMPANY, 'cost-report')).toContainText('4102');
  const costCalls = company.calls().filter((call) => call.credential === costs.credential);
  expect(costCalls.map((call) => [call.route, call.status])).toEqual([
    ['listInvoices', 200],
    ['listInstances', 403],
  ]);

  // A token with the wrong role, and one of another project: refused, nothing kept.
  const billing = generate(company, 4101, 'billing-export', 'Accounting');
  await app.trackToken(COMPANY, {
    name: 'billing-export',
    secret: billing.credential,
    fields: { 'Project ID': '4101' },
    role: 'Owner',
  });
  const dialog = app.trackTokenDialog();
  await expect(dialog.getByRole('alert')).toContainText('it has the Accounting role, not Owner');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const strayOwner = generate(company, 4101, 'staging-deploy', 'Owner');
  await app.trackToken(COMPANY, {
    name: 'staging-deploy',
    secret: strayOwner.credential,
    fields: { 'Project ID': '4102' },
    role: 'Owner',
  });
  await expect(dialog.getByRole('alert')).toContainText(
    'instances of project 4102 (HTTP 403): it belongs to another project',
  );
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.accountGroup(COMPANY).getByTestId('token-row')).toHaveCount(2);
  for (const secret of [billing.credential, strayOwner.credential]) {
    expect(await filesContaining(dataDir, secret)).toEqual([]);
  }

  // The agency's account: one deploy token per client project.
  const bakery = generate(agency, 5201, 'bakery-deploy', 'Owner');
  const clinic = generate(agency, 5202, 'clinic-deploy', 'Owner');
  for (const [name, token, project] of [
    ['bakery-deploy', bakery, '5201'],
    ['clinic-deploy', clinic, '5202'],
  ] as const) {
    await app.trackToken(AGENCY, {
      name,
      secret: token.credential,
      fields: { 'Project ID': project },
      role: 'Owner',
    });
    await expect(app.trackTokenDialog()).toHaveCount(0);
    await expect(tokenRow(app, AGENCY, name)).toContainText(token.partialId);
    await expect(tokenRow(app, AGENCY, name)).toContainText(project);
  }

  // Set Inactive in the portal: the next check says so, and the row stops counting as working.
  agency.dashboard.setTokenStatus({ tokenId: clinic.tokenId, status: 'Inactive' });
  expect(await app.verify('clinic-deploy')).toContain('Inactive');
  await expect(tokenRow(app, AGENCY, 'clinic-deploy')).not.toContainText('Active');
  // Switched off, not revoked: it can be set Active again in the portal.
  await expect(tokenRow(app, AGENCY, 'clinic-deploy')).toContainText('Inactive');

  for (const secret of [ci.credential, costs.credential, bakery.credential, clinic.credential]) {
    expect(await filesContaining(dataDir, secret)).toEqual([]);
    await expect(app.page.getByText(secret)).toHaveCount(0);
  }
});
