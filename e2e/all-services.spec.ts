import { join, resolve } from 'node:path';
import type { Locator } from '@playwright/test';
import { startDemoServices, type DemoServices } from '../sim/demo/demo-services';
import type { FailureSpec } from '../sim/common/sim-types';
import type { Api } from '../src/shared/contract';
import type { AccountState } from '../src/shared/model';
import { expect, test as base } from './fixtures';
import type { TokenDeskPage } from './pages/token-desk.page';
import {
  clearFailures,
  injectFailure,
  planAccounts,
  type ExpectedToken,
  type PlannedAccount,
} from './support/sim-accounts';

// One window, every service: the five simulators with their demo seeds, at least two accounts
// of each, and then one service that breaks while the others carry on.

const test = base.extend<{ demo: DemoServices }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  demo: async ({}, use) => {
    const services = await startDemoServices();
    await use(services);
    await services.close();
  },
});

/** Columns of a token row, in the table's order. */
const PREFIX = 1;
const EXPIRES = 4;
const LAST_USED = 5;

/** Adds accounts (and pastes their tokens) the way the renderer's own calls do. */
async function addThroughApi(app: TokenDeskPage, accounts: PlannedAccount[]): Promise<void> {
  const plain = accounts.map(({ provider, label, baseUrl, settings, credential, tracked }) => ({
    add: {
      provider,
      label,
      baseUrl,
      settings,
      ...(credential === undefined ? {} : { credential }),
    },
    tracked,
  }));
  await app.page.evaluate(async (toAdd) => {
    const { api } = globalThis as unknown as { api: Api };
    for (const { add, tracked } of toAdd) {
      const account = await api.accounts.add(add);
      for (const token of tracked) await api.tokens.track({ accountId: account.id, ...token });
    }
  }, plain);
}

function sameInstant(shown: string | null, expected: string): boolean {
  return shown !== null && Date.parse(shown) === Date.parse(expected);
}

async function expectRow(group: Locator, token: ExpectedToken): Promise<void> {
  const row = group
    .getByTestId('token-row')
    .filter({ has: group.page().getByText(token.name, { exact: true }) });
  await expect(row, `row of ${token.name}`).toHaveCount(1);
  const cells = row.getByRole('cell');
  await expect(cells.nth(PREFIX)).toContainText(token.prefix);

  const expires = cells.nth(EXPIRES);
  if (token.expiresAt === null) {
    await expect(expires).toContainText('Never');
  } else {
    const shown = await expires.locator('time').getAttribute('datetime');
    expect(sameInstant(shown, token.expiresAt), `${token.name} expires ${shown}`).toBe(true);
  }

  const lastUsed = cells.nth(LAST_USED);
  if (!token.reportsUse) {
    await expect(lastUsed.getByTestId('last-checked')).toBeVisible();
  } else if (token.lastUsedAt === null) {
    await expect(lastUsed).toContainText('Never');
  } else if (!token.management) {
    const shown = await lastUsed.locator('time').getAttribute('datetime');
    expect(sameInstant(shown, token.lastUsedAt), `${token.name} last used ${shown}`).toBe(true);
  }
}

/** Every account's rows are exactly what its simulator holds. */
async function expectEveryAccount(app: TokenDeskPage, accounts: PlannedAccount[]): Promise<void> {
  for (const account of accounts) {
    const group = app.accountGroup(account.label);
    const expected = await account.expected();
    expect(expected.length, `${account.label} has tokens at its service`).toBeGreaterThan(0);
    await expect(group.getByTestId('token-row'), account.label).toHaveCount(expected.length);
    for (const token of expected) await expectRow(group, token);
  }
}

async function refreshAll(app: TokenDeskPage): Promise<void> {
  await app.page.getByRole('button', { name: 'Refresh', exact: true }).click();
}

/** Faults a service may throw, the state its accounts must show, and how long to allow. */
const faults: Array<[string, Omit<FailureSpec, 'route'>, AccountState, number]> = [
  ['answers 500', { kind: 'status', status: 500 }, 'error', 20_000],
  ['returns garbage', { kind: 'malformed' }, 'error', 20_000],
  // The app waits 15 s per attempt and tries a read three times before it calls it unreachable.
  ['times out', { kind: 'timeout' }, 'unreachable', 90_000],
];

test('one window shows every account of every service; a failing one is marked alone', async ({
  app,
  demo,
}) => {
  test.setTimeout(300_000);
  const accounts = planAccounts(demo);
  const providers = new Set(accounts.map((account) => account.provider));
  expect([...providers].sort()).toEqual(['bodhi', 'gitlab', 'kestra', 'podstack', 'teraswitch']);
  for (const provider of providers) {
    expect(accounts.filter((a) => a.provider === provider).length).toBeGreaterThanOrEqual(2);
  }
  for (const provider of ['podstack', 'teraswitch'] as const) {
    const projects = accounts
      .filter((account) => account.provider === provider)
      .flatMap((account) => account.tracked.map((token) => token.project));
    expect(new Set(projects).size, `${provider} projects`).toBeGreaterThanOrEqual(2);
  }

  // The first account through the dialog, as a user adds it; the rest through window.api.
  const [first, ...rest] = accounts as [PlannedAccount, ...PlannedAccount[]];
  await app.addKestraAccount({
    label: first.label,
    baseUrl: first.baseUrl,
    userId: first.settings['userId'] ?? '',
    tenant: first.settings['tenant'] ?? '',
    credential: first.credential ?? '',
  });
  await expect(app.addAccountDialog()).toHaveCount(0);
  await expect(app.accountGroup(first.label).getByTestId('token-row').first()).toBeVisible();
  await addThroughApi(app, rest);

  // A fresh window: it loads every account and refreshes them all at once.
  await app.page.reload();
  await app.waitUntilReady();
  await expect(app.page.getByTestId('account-group')).toHaveCount(accounts.length);
  await expect(app.page.getByTestId('account-as-of')).toHaveCount(accounts.length);
  await expect(app.page.getByTestId('account-state')).toHaveCount(0);
  await expectEveryAccount(app, accounts);
  await app.page.screenshot({ path: docsImage('screenshot.png') });
  await app.openView('Needs attention');
  await expect(app.page.getByTestId('attention-item').first()).toBeVisible();
  await app.page.screenshot({ path: docsImage('needs-attention.png') });
  await app.openView('Expiry timeline');
  await expect(app.page.getByTestId('timeline-entry').first()).toBeVisible();
  await app.page.screenshot({ path: docsImage('expiry-timeline.png') });
  await app.openView('Tokens');

  const broken = first.origin;
  const brokenAccounts = accounts.filter((account) => account.origin === broken);
  const healthy = accounts.filter((account) => account.origin !== broken);
  const gitlab = accounts.find((account) => account.createAtService !== undefined);
  if (gitlab === undefined || gitlab.createAtService === undefined) {
    throw new Error('no account whose service can get a token meanwhile');
  }
  const rowsBefore = await Promise.all(
    brokenAccounts.map((a) => app.accountGroup(a.label).getByTestId('token-row').count()),
  );

  for (const [what, fault, state, allowMs] of faults) {
    await injectFailure(broken, { route: '*', ...fault });
    // Meanwhile a token appears at a healthy service: its account must show it.
    const name = `added-while-kestra-${fault.kind}`;
    await gitlab.createAtService(name);

    await refreshAll(app);

    await expect(app.accountGroup(gitlab.label).getByText(name, { exact: true })).toBeVisible({
      timeout: allowMs,
    });
    for (const [i, account] of brokenAccounts.entries()) {
      const group = app.accountGroup(account.label);
      await expect(group.getByTestId('account-state'), `${account.label} ${what}`).toHaveAttribute(
        'data-state',
        state,
        { timeout: allowMs },
      );
      await expect(group.getByTestId('account-stale')).toBeVisible();
      await expect(group.getByTestId('token-row')).toHaveCount(rowsBefore[i] ?? -1);
    }
    await expect(app.page.getByTestId('account-state')).toHaveCount(brokenAccounts.length);
    await expectEveryAccount(app, healthy);

    await clearFailures(broken);
  }

  // The service is back: its accounts recover with every token still there.
  await refreshAll(app);
  await expect(app.page.getByTestId('account-state')).toHaveCount(0, { timeout: 20_000 });
  await expectEveryAccount(app, accounts);
});

/**
 * The README's pictures are taken from this run: every service, as a user would see them. They go
 * to the build folder; `npm run screenshots` copies them into docs/.
 */
function docsImage(name: string): string {
  const root = resolve(__dirname, '..');
  return join(resolve(root, process.env['TOKENDESK_BUILD_DIR'] ?? 'out'), 'screenshots', name);
}
