import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, rejection } from '../test/fake-api';
import { account, inventory, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const work = account({ id: 'acc-work', label: 'Work' });
const home = account({ id: 'acc-home', label: 'Home' });

const visibleTokenIds = (): string[] =>
  screen.queryAllByTestId('token-row').map((r) => r.getAttribute('data-token-id') ?? '');

describe('Toolbar', () => {
  const seeded = {
    accounts: [work, home],
    inventory: [
      inventory({
        accountId: 'acc-work',
        tokens: [
          token({ id: 'deploy', accountId: 'acc-work', name: 'ci-deploy', prefix: 'kst_aa11' }),
          token({
            id: 'backup',
            accountId: 'acc-work',
            name: 'nightly-backup',
            prefix: 'kst_bb22',
          }),
        ],
      }),
      inventory({
        accountId: 'acc-home',
        tokens: [
          token({ id: 'laptop', accountId: 'acc-home', name: 'laptop', prefix: 'kst_DEPL' }),
        ],
      }),
    ],
  };

  it('filters rows by token name or prefix, case-insensitively', async () => {
    const { user } = await renderApp(seeded);
    const search = screen.getByRole('searchbox', { name: 'Search tokens' });

    await user.type(search, 'DEPL');
    expect(visibleTokenIds()).toEqual(['deploy', 'laptop']);

    await user.clear(search);
    await user.type(search, 'bb22');
    expect(visibleTokenIds()).toEqual(['backup']);
    expect(screen.getByText('No tokens match the search.')).toBeTruthy();

    await user.clear(search);
    // Sorted by name within the account: ci-deploy, nightly-backup; then Home's laptop.
    expect(visibleTokenIds()).toEqual(['deploy', 'backup', 'laptop']);
  });

  it('shows only the selected account, and refreshes only that one', async () => {
    const { user } = await renderApp(seeded);
    fakeApi.tokens.refresh.mockClear();

    await user.click(screen.getByRole('button', { name: 'Home' }));
    expect(visibleTokenIds()).toEqual(['laptop']);
    expect(screen.getByRole('heading', { level: 1, name: 'Home' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(fakeApi.tokens.refresh).toHaveBeenCalledWith({ accountId: 'acc-home' });

    await user.click(screen.getByRole('button', { name: 'All accounts' }));
    expect(visibleTokenIds()).toHaveLength(3);
  });

  it('shows a refreshing indicator while a refresh runs', async () => {
    const { user } = await renderApp(seeded);
    let finish: () => void = () => undefined;
    fakeApi.tokens.refresh.mockReturnValueOnce(
      new Promise((resolve) => {
        finish = () => resolve([]);
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(screen.getByTestId('refreshing-indicator')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Refresh' }).hasAttribute('disabled')).toBe(true);

    finish();
    await waitFor(() => expect(screen.queryByTestId('refreshing-indicator')).toBeNull());
  });

  it('reports a refresh call that fails as a whole', async () => {
    const { user } = await renderApp(seeded);
    fakeApi.tokens.refresh.mockRejectedValueOnce(rejection('INTERNAL', 'Refresh broke.'));
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect((await screen.findByTestId('refresh-error')).textContent).toContain('Refresh broke.');
  });
});
