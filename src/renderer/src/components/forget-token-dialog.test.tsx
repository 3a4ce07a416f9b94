import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, rejection } from '../test/fake-api';
import { guidedAccount, guidedProvider, inventory, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const tracked = token({
  id: 'trk-1',
  accountId: 'acc-pod',
  name: 'training',
  source: 'tracked',
  hasSecret: true,
});

async function openForget() {
  const app = await renderApp({
    providers: [guidedProvider()],
    accounts: [guidedAccount()],
    inventory: [inventory({ accountId: 'acc-pod', tokens: [tracked] })],
  });
  await app.user.click(screen.getByRole('button', { name: 'More actions for training' }));
  await app.user.click(screen.getByRole('menuitem', { name: 'Forget training' }));
  return { ...app, dialog: screen.getByRole('dialog', { name: 'Forget token?' }) };
}

describe('ForgetTokenDialog', () => {
  it('explains the token keeps working at the service and links its token page', async () => {
    const { dialog } = await openForget();
    expect(dialog.textContent).toContain('Stop tracking training in Podstack?');
    expect(dialog.textContent).toContain('The token keeps working at Podstack.');
    expect(dialog.textContent).toContain('revoke it in Podstack');
    const link = within(dialog).getByRole('link', { name: 'Open token page' });
    expect(link.getAttribute('href')).toBe('https://console.podstack.ai/settings/tokens');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    // The safe choice has focus.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
  });

  it('forgets with the right ids, closes and drops the row', async () => {
    const { user, dialog } = await openForget();
    await user.click(within(dialog).getByRole('button', { name: 'Forget' }));
    expect(fakeApi.tokens.forget).toHaveBeenCalledWith({ accountId: 'acc-pod', tokenId: 'trk-1' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryAllByTestId('token-row')).toHaveLength(0);
    expect(screen.getByTestId('notice').textContent).toContain('no longer tracks training');
  });

  it('shows a failure inside the dialog and keeps the token', async () => {
    const { user, dialog } = await openForget();
    fakeApi.tokens.forget.mockRejectedValueOnce(
      rejection('KEYCHAIN_UNAVAILABLE', 'The system keychain is locked.'),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Forget' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('The system keychain is locked.');
    expect(screen.getAllByTestId('token-row')).toHaveLength(1);
  });

  it('does nothing on Cancel', async () => {
    const { user, dialog } = await openForget();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fakeApi.tokens.forget).not.toHaveBeenCalled();
    expect(screen.getAllByTestId('token-row')).toHaveLength(1);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'More actions for training' }),
    );
  });
});
