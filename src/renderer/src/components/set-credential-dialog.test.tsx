import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, rejection } from '../test/fake-api';
import { account, guidedAccount, guidedProvider, inventory, provider } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const NEW_TOKEN = 'kst_new_management_token';

async function openDialog() {
  const app = await renderApp({
    providers: [provider(), guidedProvider()],
    accounts: [account(), guidedAccount()],
    inventory: [inventory(), inventory({ accountId: 'acc-pod' })],
  });
  await app.user.click(screen.getByRole('button', { name: 'More actions for Work' }));
  await app.user.click(screen.getByRole('menuitem', { name: 'Update the credential of Work' }));
  return { ...app, dialog: screen.getByRole('dialog', { name: 'Update credential' }) };
}

describe('Update credential', () => {
  it('sends the new credential to main, then closes, says so and refreshes the account', async () => {
    const { user, dialog } = await openDialog();
    const input = within(dialog).getByLabelText('API token');
    expect(input.getAttribute('type')).toBe('password');
    fakeApi.tokens.refresh.mockClear();

    await user.type(input, NEW_TOKEN);
    await user.click(within(dialog).getByRole('button', { name: 'Check and save' }));

    expect(fakeApi.accounts.setCredential).toHaveBeenCalledExactlyOnceWith({
      accountId: 'acc-work',
      credential: NEW_TOKEN,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('notice-text').textContent).toBe('Updated the credential of Work.');
    expect(fakeApi.tokens.refresh).toHaveBeenCalledWith({ accountId: 'acc-work' });
  });

  it('shows main’s refusal in the dialog and keeps it open to try again', async () => {
    fakeApi.accounts.setCredential.mockRejectedValueOnce(
      rejection(
        'AUTH_FAILED',
        'Kestra Enterprise did not accept the new credential, so the old one is kept.',
      ),
    );
    const { user, dialog } = await openDialog();

    await user.type(within(dialog).getByLabelText('API token'), NEW_TOKEN);
    await user.click(within(dialog).getByRole('button', { name: 'Check and save' }));

    expect(await within(dialog).findByText(/so the old one is kept/)).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'Update credential' })).toBe(dialog);
    expect(within(dialog).getByRole('button', { name: 'Check and save' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('asks for a value before calling main', async () => {
    const { user, dialog } = await openDialog();

    await user.click(within(dialog).getByRole('button', { name: 'Check and save' }));

    expect(within(dialog).getByText('Paste the new credential.')).toBeTruthy();
    expect(fakeApi.accounts.setCredential).not.toHaveBeenCalled();
  });

  it('is not offered for a guided account, which has no credential', async () => {
    const { user } = await renderApp({
      providers: [guidedProvider()],
      accounts: [guidedAccount()],
      inventory: [inventory({ accountId: 'acc-pod' })],
    });
    const label = guidedAccount().label;
    await user.click(screen.getByRole('button', { name: `More actions for ${label}` }));
    expect(screen.queryByRole('menuitem', { name: /Update the credential/ })).toBeNull();
    expect(screen.getByRole('menuitem', { name: `Reminder rules for ${label}` })).toBeTruthy();
  });
});
