import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from './app';
import { emitInventoryChanged, fakeApi, rejection, subscriberCount } from './test/fake-api';
import { account, inventory, token } from './test/fixtures';
import { appState, renderApp, seed } from './test/render-app';

const work = account();

describe('App start-up', () => {
  it('signals ready once info, providers, accounts and the cached inventory are loaded', async () => {
    seed({
      accounts: [work],
      inventory: [inventory({ tokens: [token({ name: 'ci-deploy' })] })],
    });
    render(<App />);
    expect(appState()).toBe('loading');

    await waitFor(() => expect(appState()).toBe('ready'));
    expect(fakeApi.app.info).toHaveBeenCalledTimes(1);
    expect(fakeApi.providers.list).toHaveBeenCalledTimes(1);
    expect(fakeApi.accounts.list).toHaveBeenCalledTimes(1);
    expect(fakeApi.tokens.inventory).toHaveBeenCalledTimes(1);
    expect(screen.getAllByTestId('token-row')).toHaveLength(1);
  });

  it('subscribes to inventory events and then refreshes every account', async () => {
    await renderApp({ accounts: [work] });
    expect(subscriberCount()).toBe(1);
    expect(fakeApi.tokens.refresh).toHaveBeenCalledTimes(1);
    expect(fakeApi.tokens.refresh).toHaveBeenCalledWith({});
  });

  it('shows the refreshed list when the refresh call returns', async () => {
    await renderApp({
      accounts: [work],
      inventory: [inventory({ stale: true, tokens: [token({ id: 'old', name: 'old-token' })] })],
      refreshed: [inventory({ tokens: [token({ id: 'new', name: 'new-token' })] })],
    });
    const rows = screen.getAllByTestId('token-row');
    expect(rows.map((r) => r.getAttribute('data-token-id'))).toEqual(['new']);
  });

  it('fails visibly when the initial load fails, and can try again', async () => {
    fakeApi.accounts.list.mockRejectedValueOnce(
      rejection('STORAGE_FAILED', 'The account list could not be read.'),
    );
    render(<App />);

    await waitFor(() => expect(appState()).toBe('failed'));
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('The account list could not be read.')).toBeTruthy();
    expect(fakeApi.tokens.refresh).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(appState()).toBe('ready'));
  });

  it('updates an account’s rows when main pushes an inventory change', async () => {
    await renderApp({
      accounts: [work],
      inventory: [inventory({ tokens: [token({ id: 't1', name: 'first' })] })],
    });
    expect(screen.getAllByTestId('token-row')).toHaveLength(1);

    emitInventoryChanged(
      inventory({
        tokens: [token({ id: 't1', name: 'first' }), token({ id: 't2', name: 'second' })],
      }),
    );

    const ids = screen.getAllByTestId('token-row').map((r) => r.getAttribute('data-token-id'));
    expect(ids).toEqual(['t1', 't2']);
  });

  it('shows the empty state with no accounts, whose button opens the add dialog', async () => {
    const { user } = await renderApp({ accounts: [] });
    const empty = screen.getByTestId('empty-state');
    expect(screen.queryByRole('table')).toBeNull();

    await user.click(within(empty).getByRole('button', { name: 'Add your first account' }));
    expect(screen.getByRole('dialog', { name: 'Add account' })).toBeTruthy();
  });
});
