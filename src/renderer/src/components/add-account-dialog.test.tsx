import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStore } from '../store';
import { fakeApi, rejection } from '../test/fake-api';
import { account, guidedProvider, provider } from '../test/fixtures';
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

  describe('the credential follows what the service needs', () => {
    const bodhi = provider({
      kind: 'bodhi',
      name: 'Bodhi App',
      mode: 'api',
      credentialNeed: 'optional',
      credentialLabel: 'Session cookie',
      credentialHelp: 'The session cookie of a logged-in browser.',
      defaultBaseUrl: 'http://localhost:1135',
      accountFields: [],
    });
    const podstack = guidedProvider();

    async function openWith(kind: string): Promise<Awaited<ReturnType<typeof renderApp>>> {
      const app = await renderApp({ providers: [provider(), bodhi, podstack] });
      await app.user.click(screen.getByRole('button', { name: 'Add your first account' }));
      const dialog = screen.getByRole('dialog', { name: 'Add account' });
      await app.user.selectOptions(within(dialog).getByLabelText('Service'), kind);
      return app;
    }

    it('optional: marks the field, explains guided mode and sends no empty credential', async () => {
      const { user } = await openWith('bodhi');
      const dialog = screen.getByRole('dialog', { name: 'Add account' });
      const field = within(dialog).getByLabelText('Session cookie (optional)');
      expect(field.getAttribute('type')).toBe('password');
      const hintId = field.getAttribute('aria-describedby') ?? '';
      const hint = document.getElementById(hintId);
      expect(hint === null ? '' : hint.textContent).toBe(
        'The session cookie of a logged-in browser. Without it, this account is guided: you track its tokens by pasting them.',
      );
      expect(valueOf(within(dialog).getByLabelText('Service URL'))).toBe('http://localhost:1135');

      await user.type(within(dialog).getByLabelText('Name'), 'Laptop');
      await user.click(within(dialog).getByRole('button', { name: 'Add account' }));
      expect(fakeApi.accounts.add).toHaveBeenCalledWith({
        provider: 'bodhi',
        label: 'Laptop',
        baseUrl: 'http://localhost:1135',
        settings: {},
      });
    });

    it('optional: sends the credential when one is given', async () => {
      const { user } = await openWith('bodhi');
      const dialog = screen.getByRole('dialog', { name: 'Add account' });
      await user.type(within(dialog).getByLabelText('Name'), 'Laptop');
      await user.type(within(dialog).getByLabelText('Session cookie (optional)'), 'cookie-value');
      await user.click(within(dialog).getByRole('button', { name: 'Add account' }));
      expect(fakeApi.accounts.add).toHaveBeenCalledWith(
        expect.objectContaining({ provider: 'bodhi', credential: 'cookie-value' }),
      );
      expect(JSON.stringify(useStore.getState())).not.toContain('cookie-value');
    });

    it('none: shows no credential field, says tokens are tracked here, and sends none', async () => {
      const { user } = await openWith('podstack');
      const dialog = screen.getByRole('dialog', { name: 'Add account' });
      expect(within(dialog).queryByLabelText(/token|credential|cookie/i)).toBeNull();
      expect(within(dialog).getByTestId('guided-note').textContent).toContain(
        'Podstack tokens are created in its dashboard.',
      );
      expect(valueOf(within(dialog).getByLabelText('Service URL'))).toBe(
        'https://api.podstack.ai/v1',
      );
      await user.type(within(dialog).getByLabelText('Name'), 'Team');
      await user.click(within(dialog).getByRole('button', { name: 'Add account' }));
      expect(fakeApi.accounts.add).toHaveBeenCalledWith({
        provider: 'podstack',
        label: 'Team',
        baseUrl: 'https://api.podstack.ai/v1',
        settings: {},
      });
    });

    it('never carries a credential typed for one service over to another', async () => {
      const { user } = await openWith('kestra');
      const dialog = screen.getByRole('dialog', { name: 'Add account' });
      await user.type(within(dialog).getByLabelText('API token'), 'kestra-secret');
      await user.selectOptions(within(dialog).getByLabelText('Service'), 'bodhi');
      expect(valueOf(within(dialog).getByLabelText('Session cookie (optional)'))).toBe('');
    });
  });
});
