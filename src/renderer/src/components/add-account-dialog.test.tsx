import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStore } from '../store';
import { fakeApi, rejection } from '../test/fake-api';
import { account, provider } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const valueOf = (element: HTMLElement): string =>
  element instanceof HTMLInputElement || element instanceof HTMLSelectElement ? element.value : '';

async function openDialog(): Promise<Awaited<ReturnType<typeof renderApp>>> {
  const app = await renderApp({
    providers: [provider({ defaultBaseUrl: 'https://kestra.example.com' })],
    accounts: [account()],
  });
  await app.user.click(screen.getByRole('button', { name: 'Add account' }));
  return app;
}

describe('AddAccountDialog', () => {
  it('labels every field, prefills the service URL and focuses the first field', async () => {
    await openDialog();
    const dialog = screen.getByRole('dialog', { name: 'Add account' });
    const service = within(dialog).getByLabelText('Service');
    expect(document.activeElement).toBe(service);
    expect(within(service).getByRole('option', { name: 'Kestra Enterprise' })).toBeTruthy();
    expect(valueOf(within(dialog).getByLabelText('Service URL'))).toBe(
      'https://kestra.example.com',
    );
    expect(within(dialog).getByLabelText('Tenant').tagName).toBe('INPUT');
    expect(within(dialog).getByLabelText('Edition').tagName).toBe('SELECT');
    expect(within(dialog).getByLabelText('API token').getAttribute('type')).toBe('password');
  });

  it('checks required fields without calling main', async () => {
    const { user } = await openDialog();
    const dialog = screen.getByRole('dialog', { name: 'Add account' });
    await user.click(within(dialog).getByRole('button', { name: 'Add account' }));

    expect(fakeApi.accounts.add).not.toHaveBeenCalled();
    const name = within(dialog).getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
    expect(within(dialog).getByText('Enter the Tenant.')).toBeTruthy();
    // The optional select is not demanded.
    expect(within(dialog).getByLabelText('Edition').getAttribute('aria-invalid')).toBeNull();
  });

  it('shows a server error inside the dialog and keeps what the user typed', async () => {
    const { user } = await openDialog();
    fakeApi.accounts.add.mockRejectedValueOnce(
      rejection('AUTH_FAILED', 'Kestra refused the API token: it is invalid or expired.'),
    );
    const dialog = screen.getByRole('dialog', { name: 'Add account' });
    await user.type(within(dialog).getByLabelText('Name'), 'Staging');
    await user.type(within(dialog).getByLabelText('Tenant'), 'main');
    await user.selectOptions(within(dialog).getByLabelText('Edition'), 'cloud');
    await user.type(within(dialog).getByLabelText('API token'), 'not-a-real-token');
    await user.click(within(dialog).getByRole('button', { name: 'Add account' }));

    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Kestra refused the API token: it is invalid or expired.',
    );
    expect(fakeApi.accounts.add).toHaveBeenCalledWith({
      provider: 'kestra',
      label: 'Staging',
      baseUrl: 'https://kestra.example.com',
      settings: { tenant: 'main', edition: 'cloud' },
      credential: 'not-a-real-token',
    });
    expect(screen.getByRole('dialog', { name: 'Add account' })).toBe(dialog);
    expect(valueOf(within(dialog).getByLabelText('Name'))).toBe('Staging');
    expect(valueOf(within(dialog).getByLabelText('Tenant'))).toBe('main');
    expect(valueOf(within(dialog).getByLabelText('Edition'))).toBe('cloud');
    expect(valueOf(within(dialog).getByLabelText('API token'))).toBe('not-a-real-token');
  });

  it('closes on success, selects the new account and refreshes it', async () => {
    const { user } = await openDialog();
    fakeApi.accounts.add.mockResolvedValueOnce(account({ id: 'acc-staging', label: 'Staging' }));
    fakeApi.tokens.refresh.mockClear();
    const dialog = screen.getByRole('dialog', { name: 'Add account' });
    await user.type(within(dialog).getByLabelText('Name'), 'Staging');
    await user.type(within(dialog).getByLabelText('Tenant'), 'main');
    await user.type(within(dialog).getByLabelText('API token'), 'secret-value');
    await user.click(within(dialog).getByRole('button', { name: 'Add account' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useStore.getState().selectedAccountId).toBe('acc-staging');
    expect(screen.getByRole('button', { name: 'Staging' }).getAttribute('aria-current')).toBe(
      'true',
    );
    expect(fakeApi.tokens.refresh).toHaveBeenCalledWith({ accountId: 'acc-staging' });
    expect(JSON.stringify(useStore.getState())).not.toContain('secret-value');
  });

  it('closes on Escape', async () => {
    const { user } = await openDialog();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
