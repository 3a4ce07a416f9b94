import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useStore } from '../store';
import { fakeApi, rejection } from '../test/fake-api';
import { account, appInfo, capabilities, inventory, provider, token } from '../test/fixtures';
import { renderApp, type Seed } from '../test/render-app';

const secret = 'kst_9f8e7d6c5b4a_only-shown-once';

async function openDialog(extra: Seed = {}): Promise<Awaited<ReturnType<typeof renderApp>>> {
  const app = await renderApp({
    accounts: [account()],
    inventory: [inventory({ tokens: [] })],
    ...extra,
  });
  await app.user.click(screen.getByRole('button', { name: 'New token' }));
  return app;
}

const dialog = (): HTMLElement => screen.getByRole('dialog', { name: 'New token' });

describe('CreateTokenDialog', () => {
  it('builds the form from the provider’s capabilities', async () => {
    await openDialog();
    const d = dialog();
    expect(document.activeElement).toBe(within(d).getByLabelText('Name'));
    expect(
      within(d).getByText('Lowercase letters, digits and dashes, 1 to 63 characters.'),
    ).toBeTruthy();
    expect(within(d).getByLabelText('Description').tagName).toBe('TEXTAREA');
    const expires = within(d).getByLabelText('Expires');
    const labels = within(expires)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(labels).toEqual(['7 days', '30 days', '90 days', '180 days', '365 days', 'Never']);
    expect(expires instanceof HTMLSelectElement ? expires.value : '').toBe('days:30');
    expect(within(d).getByLabelText('Extend expiry each time it is used')).toBeTruthy();
  });

  it('offers only what the provider allows', async () => {
    await openDialog({
      providers: [
        provider({
          capabilities: capabilities({
            description: false,
            extended: false,
            neverExpires: false,
            expiryDays: [30, 60],
            nameRule: null,
          }),
        }),
      ],
    });
    const d = dialog();
    expect(within(d).queryByLabelText('Description')).toBeNull();
    expect(within(d).queryByLabelText('Extend expiry each time it is used')).toBeNull();
    const options = within(within(d).getByLabelText('Expires')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['30 days', '60 days']);
  });

  it('checks the name against the provider’s rule before calling main', async () => {
    const { user } = await openDialog();
    await user.type(within(dialog()).getByLabelText('Name'), 'Not Kebab');
    await user.click(within(dialog()).getByRole('button', { name: 'Create token' }));
    expect(fakeApi.tokens.create).not.toHaveBeenCalled();
    expect(within(dialog()).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a service error inside the dialog', async () => {
    const { user } = await openDialog();
    fakeApi.tokens.create.mockRejectedValueOnce(
      rejection('CONFLICT', 'A token named ci-deploy already exists.'),
    );
    await user.type(within(dialog()).getByLabelText('Name'), 'ci-deploy');
    await user.click(within(dialog()).getByRole('button', { name: 'Create token' }));
    expect(within(dialog()).getByRole('alert').textContent).toBe(
      'A token named ci-deploy already exists.',
    );
    expect(screen.queryByTestId('secret-reveal')).toBeNull();
  });

  it('reveals the secret once, keeps it out of the store, and forgets it on Done', async () => {
    const { user } = await openDialog();
    fakeApi.tokens.create.mockResolvedValueOnce({
      token: token({ id: 'tok-new', name: 'ci-deploy', hasSecret: true }),
      secret,
    });
    await user.type(within(dialog()).getByLabelText('Name'), 'ci-deploy');
    await user.type(within(dialog()).getByLabelText('Description'), 'Deploys from CI');
    await user.selectOptions(within(dialog()).getByLabelText('Expires'), '90 days');
    await user.click(within(dialog()).getByLabelText('Extend expiry each time it is used'));
    await user.click(within(dialog()).getByRole('button', { name: 'Create token' }));

    expect(fakeApi.tokens.create).toHaveBeenCalledWith({
      accountId: 'acc-work',
      name: 'ci-deploy',
      description: 'Deploys from CI',
      expiry: { kind: 'days', days: 90 },
      extended: true,
    });

    const reveal = within(dialog()).getByTestId('secret-reveal');
    expect(within(reveal).getByRole('heading', { name: 'Copy your new token' })).toBeTruthy();
    const field = within(reveal).getByTestId('revealed-secret');
    expect(field instanceof HTMLInputElement && field.readOnly && field.value).toBe(secret);
    expect(
      within(reveal).getByText(
        'This is the only time the token is shown. TokenDesk keeps it in your system keychain.',
      ),
    ).toBeTruthy();

    // The new row is listed from its metadata, and the secret is nowhere in the store.
    expect(screen.getAllByTestId('token-row').map((r) => r.getAttribute('data-token-id'))).toEqual([
      'tok-new',
    ]);
    expect(JSON.stringify(useStore.getState())).not.toContain(secret);

    await user.click(within(reveal).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.innerHTML).not.toContain(secret);
    expect(JSON.stringify(useStore.getState())).not.toContain(secret);

    // Opening the dialog again starts from a clean form.
    await user.click(screen.getByRole('button', { name: 'New token' }));
    expect(screen.queryByTestId('secret-reveal')).toBeNull();
    expect(document.body.innerHTML).not.toContain(secret);
  });

  it('copies through main with auto-clear in the desktop app', async () => {
    const { user } = await openDialog();
    fakeApi.tokens.create.mockResolvedValueOnce({
      token: token({ id: 'tok-new', name: 'ci-deploy', hasSecret: true }),
      secret,
    });
    fakeApi.secrets.copy.mockResolvedValueOnce({ clearsAfterSeconds: 45 });
    await user.type(within(dialog()).getByLabelText('Name'), 'ci-deploy');
    await user.click(within(dialog()).getByRole('button', { name: 'Create token' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Copy' }));

    expect(fakeApi.secrets.copy).toHaveBeenCalledWith({
      accountId: 'acc-work',
      tokenId: 'tok-new',
    });
    expect(within(dialog()).getByText('Copied. The clipboard clears in 45 s.')).toBeTruthy();
  });

  it('copies in the page, with a note, in the browser target', async () => {
    const { user } = await openDialog({ info: appInfo({ target: 'browser', clipboard: 'page' }) });
    fakeApi.tokens.create.mockResolvedValueOnce({
      token: token({ id: 'tok-new', name: 'ci-deploy', hasSecret: true }),
      secret,
    });
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.type(within(dialog()).getByLabelText('Name'), 'ci-deploy');
    await user.click(within(dialog()).getByRole('button', { name: 'Create token' }));
    expect(
      within(dialog()).getByText(
        'The browser cannot clear the clipboard for you — paste it and copy something else.',
      ),
    ).toBeTruthy();
    await user.click(within(dialog()).getByRole('button', { name: 'Copy' }));

    expect(writeText).toHaveBeenCalledWith(secret);
    expect(fakeApi.secrets.copy).not.toHaveBeenCalled();
    expect(await navigator.clipboard.readText()).toBe(secret);
  });
});
