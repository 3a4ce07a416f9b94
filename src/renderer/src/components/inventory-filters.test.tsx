import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  account,
  guidedAccount,
  guidedProvider,
  inventory,
  provider,
  token,
} from '../test/fixtures';
import { renderApp } from '../test/render-app';

const day = 86_400_000;
const inDays = (n: number): string => new Date(Date.now() + n * day).toISOString();

const seeded = {
  providers: [provider(), guidedProvider()],
  accounts: [account(), guidedAccount()],
  inventory: [
    inventory({
      tokens: [
        token({
          id: 'k-web',
          name: 'web-deploy',
          project: 'web',
          expiresAt: inDays(40),
          lastUsedAt: inDays(-3),
        }),
        token({
          id: 'k-api',
          name: 'api-deploy',
          project: 'api',
          status: 'expired',
          expiresAt: inDays(-2),
        }),
        token({
          id: 'k-none',
          name: 'backup',
          project: null,
          expiresAt: null,
          lastUsedAt: inDays(-1),
        }),
      ],
    }),
    inventory({
      accountId: 'acc-pod',
      tokens: [
        token({
          id: 'p-web',
          accountId: 'acc-pod',
          name: 'gpu',
          project: 'web',
          expiresAt: inDays(5),
          lastUsedAt: inDays(-10),
        }),
        token({
          id: 'p-ml',
          accountId: 'acc-pod',
          name: 'notebook',
          project: 'ml',
          status: 'revoked',
        }),
      ],
    }),
  ],
};

const visibleTokenIds = (): string[] =>
  screen.queryAllByTestId('token-row').map((r) => r.getAttribute('data-token-id') ?? '');

const optionsOf = (label: string): string[] =>
  within(screen.getByRole('combobox', { name: label }))
    .getAllByRole('option')
    .map((o) => o.textContent ?? '');

describe('InventoryFilters', () => {
  it('offers the services, projects and statuses present, and the sort orders', async () => {
    await renderApp(seeded);
    expect(optionsOf('Service')).toEqual(['All services', 'Kestra Enterprise', 'Podstack']);
    expect(optionsOf('Project')).toEqual(['All projects', 'api', 'ml', 'web']);
    expect(optionsOf('Status')).toEqual([
      'All statuses',
      'Active',
      'Inactive',
      'Expired',
      'Revoked',
    ]);
    expect(optionsOf('Sort by')).toEqual([
      'Name',
      'Expires (soonest first)',
      'Last used (most recent first)',
    ]);
  });

  it('narrows by service, leaving other services’ accounts out', async () => {
    const { user } = await renderApp(seeded);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Service' }), 'Podstack');
    expect(
      screen.getAllByTestId('account-group').map((g) => g.getAttribute('data-account-id')),
    ).toEqual(['acc-pod']);
    expect(visibleTokenIds()).toEqual(['p-ml', 'p-web']);
  });

  it('narrows by project and status across accounts, keeping each account’s header', async () => {
    const { user } = await renderApp(seeded);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Project' }), 'web');
    expect(visibleTokenIds()).toEqual(['k-web', 'p-web']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Revoked');
    expect(visibleTokenIds()).toEqual([]);
    expect(screen.getAllByText('No tokens match the filters.')).toHaveLength(2);
    expect(screen.getAllByTestId('account-group')).toHaveLength(2);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Project' }), 'All projects');
    expect(visibleTokenIds()).toEqual(['p-ml']);
  });

  it('combines with the search and the selected account', async () => {
    const { user } = await renderApp(seeded);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Project' }), 'web');
    await user.type(screen.getByRole('searchbox', { name: 'Search tokens' }), 'gpu');
    expect(visibleTokenIds()).toEqual(['p-web']);
    await user.click(screen.getByRole('button', { name: 'Work' }));
    expect(visibleTokenIds()).toEqual([]);
  });

  it('sorts within each project by expiry or last use', async () => {
    const { user } = await renderApp({
      accounts: [account()],
      inventory: [
        inventory({
          tokens: [
            token({ id: 'later', name: 'a-later', expiresAt: inDays(90), lastUsedAt: inDays(-20) }),
            token({ id: 'never', name: 'b-never', expiresAt: null, lastUsedAt: inDays(-1) }),
            token({ id: 'soon', name: 'c-soon', expiresAt: inDays(3), lastUsedAt: null }),
          ],
        }),
      ],
    });
    expect(visibleTokenIds()).toEqual(['later', 'never', 'soon']);
    const sort = screen.getByRole('combobox', { name: 'Sort by' });
    await user.selectOptions(sort, 'Expires (soonest first)');
    expect(visibleTokenIds()).toEqual(['soon', 'later', 'never']);
    await user.selectOptions(sort, 'Last used (most recent first)');
    expect(visibleTokenIds()).toEqual(['never', 'later', 'soon']);
  });
});
