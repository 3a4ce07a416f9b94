import { screen, within } from '@testing-library/react';
import { format, addDays } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { useStore } from '../store';
import { fakeApi, rejection } from '../test/fake-api';
import { capabilities, guidedAccount, guidedProvider, inventory, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const secret = 'podstack_ab12cd34_s3cr3t-value';

const valueOf = (element: HTMLElement): string =>
  element instanceof HTMLInputElement ? element.value : '';

const teraswitch = guidedProvider({
  kind: 'teraswitch',
  name: 'TeraSwitch',
  trackFields: [
    { key: 'project', label: 'Project', required: true, placeholder: 'e.g. 1234' },
    { key: 'description', label: 'Environment', required: false, choices: ['prod', 'staging'] },
  ],
  capabilities: capabilities({
    create: false,
    track: true,
    revoke: false,
    expiryDays: null,
    maxActive: null,
    roles: ['Owner', 'Accounting'],
    nameRule: null,
  }),
});
const tswAccount = guidedAccount({ id: 'acc-tsw', provider: 'teraswitch', label: 'TeraSwitch' });

async function open(seeded: 'podstack' | 'teraswitch') {
  const app = await renderApp(
    seeded === 'podstack'
      ? {
          providers: [guidedProvider()],
          accounts: [guidedAccount()],
          inventory: [inventory({ accountId: 'acc-pod' })],
        }
      : {
          providers: [teraswitch],
          accounts: [tswAccount],
          inventory: [inventory({ accountId: 'acc-tsw' })],
        },
  );
  await app.user.click(screen.getByRole('button', { name: 'Track a token' }));
  return { ...app, dialog: screen.getByRole('dialog', { name: 'Track a token' }) };
}

describe('TrackTokenDialog', () => {
  it('asks for name, the token as a password, the service’s fields and the expiry', async () => {
    const { dialog } = await open('podstack');
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Name'));
    const secretInput = within(dialog).getByLabelText('Token');
    expect(secretInput.getAttribute('type')).toBe('password');
    const hint = document.getElementById(secretInput.getAttribute('aria-describedby') ?? '');
    expect(hint === null ? '' : hint.textContent).toBe(
      'Paste the token you just created in Podstack. TokenDesk checks it works before keeping it, then stores it in your system keychain.',
    );
    expect(within(dialog).getByLabelText('Project').tagName).toBe('INPUT');
    expect(within(dialog).queryByLabelText('Role')).toBeNull();
    // Podstack's fixed lifetimes, as a select.
    const expires = within(dialog).getByLabelText('Expires (optional)');
    expect(expires.tagName).toBe('SELECT');
    expect(
      within(expires)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Not set', '7 days', '30 days', '90 days', '180 days', '365 days', 'Never']);
  });

  it('sends name, secret, project and the expiry date, then closes without keeping the secret', async () => {
    const { user, dialog } = await open('podstack');
    fakeApi.tokens.track.mockResolvedValueOnce(
      token({
        id: 'trk-1',
        accountId: 'acc-pod',
        name: 'training',
        source: 'tracked',
        hasSecret: true,
      }),
    );
    await user.type(within(dialog).getByLabelText('Name'), ' training ');
    await user.type(within(dialog).getByLabelText('Token'), secret);
    await user.type(within(dialog).getByLabelText('Project'), 'ml-research');
    await user.selectOptions(within(dialog).getByLabelText('Expires (optional)'), '30 days');
    await user.click(within(dialog).getByRole('button', { name: 'Track token' }));

    expect(fakeApi.tokens.track).toHaveBeenCalledWith({
      accountId: 'acc-pod',
      name: 'training',
      secret,
      project: 'ml-research',
      expiresAt: format(addDays(new Date(), 30), 'yyyy-MM-dd'),
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getAllByTestId('token-row').map((r) => r.getAttribute('data-token-id'))).toEqual([
      'trk-1',
    ]);
    expect(JSON.stringify(useStore.getState())).not.toContain(secret);
    expect(document.body.innerHTML).not.toContain(secret);
  });

  it('asks for the role and any date where the service wants them', async () => {
    const { user, dialog } = await open('teraswitch');
    expect(within(dialog).getByLabelText('Expires (optional)').getAttribute('type')).toBe('date');
    await user.type(within(dialog).getByLabelText('Name'), 'terraform');
    await user.type(within(dialog).getByLabelText('Token'), 'tsw-id:tsw-secret');
    await user.click(within(dialog).getByRole('button', { name: 'Track token' }));

    // Required project and role are checked before main is called.
    expect(fakeApi.tokens.track).not.toHaveBeenCalled();
    expect(within(dialog).getByText('Enter the Project.')).toBeTruthy();
    expect(within(dialog).getByText('Choose the token’s role.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Project'));

    await user.type(within(dialog).getByLabelText('Project'), '1234');
    await user.selectOptions(within(dialog).getByLabelText('Environment'), 'prod');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'Accounting');
    await user.type(within(dialog).getByLabelText('Expires (optional)'), '2027-03-31');
    await user.click(within(dialog).getByRole('button', { name: 'Track token' }));

    expect(fakeApi.tokens.track).toHaveBeenCalledWith({
      accountId: 'acc-tsw',
      name: 'terraform',
      secret: 'tsw-id:tsw-secret',
      project: '1234',
      description: 'prod',
      role: 'Accounting',
      expiresAt: '2027-03-31',
    });
  });

  it('shows the service’s refusal inside the dialog and keeps what was typed', async () => {
    const { user, dialog } = await open('podstack');
    fakeApi.tokens.track.mockRejectedValueOnce(
      rejection('AUTH_FAILED', 'Podstack refused this token: it is invalid, expired or revoked.'),
    );
    await user.type(within(dialog).getByLabelText('Name'), 'training');
    await user.type(within(dialog).getByLabelText('Token'), secret);
    await user.click(within(dialog).getByRole('button', { name: 'Track token' }));

    expect(within(dialog).getByRole('alert').textContent).toBe(
      'Podstack refused this token: it is invalid, expired or revoked.',
    );
    expect(valueOf(within(dialog).getByLabelText('Name'))).toBe('training');
    expect(valueOf(within(dialog).getByLabelText('Token'))).toBe(secret);
    expect(JSON.stringify(useStore.getState())).not.toContain(secret);
  });

  it('drops the pasted secret on close: reopening starts empty', async () => {
    const { user, dialog } = await open('podstack');
    await user.type(within(dialog).getByLabelText('Token'), secret);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.body.innerHTML).not.toContain(secret);

    await user.click(screen.getByRole('button', { name: 'Track a token' }));
    const again = screen.getByRole('dialog', { name: 'Track a token' });
    expect(valueOf(within(again).getByLabelText('Token'))).toBe('');
    expect(fakeApi.tokens.track).not.toHaveBeenCalled();
  });
});
