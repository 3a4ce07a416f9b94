import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStore } from '../store';
import { fakeApi, rejection } from '../test/fake-api';
import {
  account,
  capabilities,
  guidedAccount,
  guidedProvider,
  importCandidate,
  inventory,
  provider,
  token,
} from '../test/fixtures';
import { renderApp } from '../test/render-app';

const teraswitch = guidedProvider({
  kind: 'teraswitch',
  name: 'TeraSwitch',
  capabilities: capabilities({ create: false, track: true, roles: ['Owner', 'Accounting'] }),
});
const podA = guidedAccount({ id: 'pod-a', label: 'Pod team' });
const podB = guidedAccount({ id: 'pod-b', label: 'Pod personal' });
const tsw = guidedAccount({ id: 'tsw', provider: 'teraswitch', label: 'TeraSwitch' });

const candidates = [
  importCandidate({ id: 'c-env', source: 'environment: PODSTACK_API_TOKEN', alreadyTracked: true }),
  importCandidate({
    id: 'c-prof',
    source: '~/.podstack/credentials [staging]',
    suggestedName: 'podstack-staging',
    project: 'staging',
    prefix: 'c0ffee00',
  }),
  importCandidate({
    id: 'c-tsw',
    source: '.env: TERASWITCH_API_TOKEN',
    provider: 'teraswitch',
    suggestedName: 'teraswitch-app',
    prefix: '5b1e',
  }),
  importCandidate({
    id: 'c-kestra',
    source: '.env: KESTRA_TOKEN',
    provider: 'kestra',
    suggestedName: 'kestra-app',
  }),
];

async function openImport() {
  const app = await renderApp({
    providers: [provider(), guidedProvider(), teraswitch],
    accounts: [account(), podA, podB, tsw],
    inventory: [
      inventory(),
      inventory({ accountId: 'pod-a' }),
      inventory({ accountId: 'pod-b' }),
      inventory({ accountId: 'tsw' }),
    ],
  });
  await app.user.click(screen.getByRole('button', { name: 'Import' }));
  return { ...app, dialog: screen.getByRole('dialog', { name: 'Import tokens' }) };
}

const rowOf = (candidateId: string): HTMLElement => {
  const row = screen
    .getAllByTestId('import-row')
    .find((r) => r.getAttribute('data-candidate-id') === candidateId);
  if (row === undefined) throw new Error(`no row for ${candidateId}`);
  return row;
};

const checkbox = (candidateId: string): HTMLInputElement => {
  const box = within(rowOf(candidateId)).getByRole('checkbox');
  if (!(box instanceof HTMLInputElement)) throw new Error('checkbox expected');
  return box;
};

describe('ImportDialog', () => {
  it('scans the chosen sources and stores nothing', async () => {
    const { user, dialog } = await openImport();
    fakeApi.import.scan.mockResolvedValueOnce({ candidates: [], problems: [] });
    await user.click(within(dialog).getByLabelText('A .env file'));
    await user.type(within(dialog).getByLabelText('.env path'), '~/app/.env');
    await user.click(within(dialog).getByLabelText('Podstack credentials'));
    expect(within(dialog).getByLabelText('Credentials path').getAttribute('placeholder')).toBe(
      '~/.podstack/credentials',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Scan' }));

    expect(fakeApi.import.scan).toHaveBeenCalledWith({
      sources: [
        { kind: 'environment' },
        { kind: 'dotenv', path: '~/app/.env' },
        { kind: 'podstack-credentials' },
      ],
    });
    expect(within(dialog).getByTestId('import-nothing-found')).toBeTruthy();
    expect(fakeApi.import.apply).not.toHaveBeenCalled();
  });

  it('asks for a .env path before scanning', async () => {
    const { user, dialog } = await openImport();
    await user.click(within(dialog).getByLabelText('A .env file'));
    await user.click(within(dialog).getByRole('button', { name: 'Scan' }));
    expect(fakeApi.import.scan).not.toHaveBeenCalled();
    expect(within(dialog).getByText('Enter the path of the .env file.')).toBeTruthy();
    expect(within(dialog).getByLabelText('.env path').getAttribute('aria-invalid')).toBe('true');
  });

  it('previews what was found: tracked ones unchecked, accounts limited to guided ones of the service', async () => {
    const { user, dialog } = await openImport();
    fakeApi.import.scan.mockResolvedValueOnce({
      candidates,
      problems: [{ source: '~/.env.local', message: '~/.env.local does not exist.' }],
    });
    await user.click(within(dialog).getByRole('button', { name: 'Scan' }));

    expect(within(dialog).getByRole('alert').textContent).toContain('~/.env.local does not exist.');
    expect(within(rowOf('c-env')).getByTestId('already-tracked').textContent).toBe(
      'already tracked',
    );
    expect(checkbox('c-env').checked).toBe(false);
    expect(checkbox('c-prof').checked).toBe(true);
    expect(checkbox('c-tsw').checked).toBe(true);
    expect(checkbox('c-kestra').checked).toBe(false);
    expect(checkbox('c-kestra').disabled).toBe(true);

    const accountSelect = within(rowOf('c-prof')).getByLabelText(
      'Account for ~/.podstack/credentials [staging]',
    );
    expect(
      within(accountSelect)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Pod team', 'Pod personal']);
    expect(within(rowOf('c-kestra')).getByText(/add a Kestra Enterprise account/)).toBeTruthy();
    // Roles only where the service has them.
    expect(
      within(rowOf('c-tsw')).getByLabelText('Role for .env: TERASWITCH_API_TOKEN'),
    ).toBeTruthy();
    expect(within(rowOf('c-prof')).queryByRole('combobox', { name: /Role/ })).toBeNull();
    expect(rowOf('c-prof').textContent).toContain('c0ffee00');
    expect(rowOf('c-prof').textContent).toContain('staging');
    expect(fakeApi.import.apply).not.toHaveBeenCalled();
  });

  it('imports only the selected rows, per account, and shows each row’s outcome', async () => {
    const { user, dialog } = await openImport();
    fakeApi.import.scan.mockResolvedValueOnce({ candidates, problems: [] });
    await user.click(within(dialog).getByRole('button', { name: 'Scan' }));

    // A selected row must be complete: TeraSwitch needs a role.
    await user.click(within(dialog).getByRole('button', { name: 'Import selected' }));
    expect(fakeApi.import.apply).not.toHaveBeenCalled();
    expect(rowOf('c-tsw').textContent).toContain('Choose a role.');

    const name = within(rowOf('c-prof')).getByLabelText(
      'Name for ~/.podstack/credentials [staging]',
    );
    await user.clear(name);
    await user.type(name, 'staging-profile');
    await user.selectOptions(
      within(rowOf('c-prof')).getByLabelText('Account for ~/.podstack/credentials [staging]'),
      'Pod personal',
    );
    await user.selectOptions(
      within(rowOf('c-tsw')).getByLabelText('Role for .env: TERASWITCH_API_TOKEN'),
      'Owner',
    );
    fakeApi.import.apply.mockImplementation((args) =>
      Promise.resolve(
        args.accountId === 'pod-b'
          ? {
              imported: [
                token({
                  id: 'imp-tok',
                  accountId: 'pod-b',
                  name: 'staging-profile',
                  source: 'tracked',
                }),
              ],
              failed: [],
            }
          : {
              imported: [],
              failed: [
                {
                  candidateId: 'c-tsw',
                  code: 'AUTH_FAILED',
                  message: 'TeraSwitch refused this token.',
                },
              ],
            },
      ),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Import selected' }));

    expect(fakeApi.import.apply).toHaveBeenCalledTimes(2);
    expect(fakeApi.import.apply).toHaveBeenCalledWith({
      accountId: 'pod-b',
      items: [{ candidateId: 'c-prof', name: 'staging-profile' }],
    });
    expect(fakeApi.import.apply).toHaveBeenCalledWith({
      accountId: 'tsw',
      items: [{ candidateId: 'c-tsw', name: 'teraswitch-app', role: 'Owner' }],
    });
    expect(within(rowOf('c-prof')).getByTestId('import-result').textContent).toBe('Imported');
    expect(within(rowOf('c-tsw')).getByTestId('import-result').textContent).toBe(
      'Failed: TeraSwitch refused this token.',
    );
    expect(within(dialog).getByText('Imported 1 of 2.')).toBeTruthy();
    // The imported row is done; the failed one stays selected to try again.
    expect(checkbox('c-prof').checked).toBe(false);
    expect(checkbox('c-prof').disabled).toBe(true);
    expect(checkbox('c-tsw').checked).toBe(true);
    const podB = useStore.getState().inventory['pod-b'];
    expect(podB === undefined ? [] : podB.tokens.map((t) => t.id)).toEqual(['imp-tok']);
  });

  it('marks every row of an account as failed when its whole import call fails', async () => {
    const { user, dialog } = await openImport();
    fakeApi.import.scan.mockResolvedValueOnce({ candidates: candidates.slice(0, 2), problems: [] });
    await user.click(within(dialog).getByRole('button', { name: 'Scan' }));
    fakeApi.import.apply.mockRejectedValueOnce(
      rejection('NOT_FOUND', 'This found credential has expired; scan again.'),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Import selected' }));
    expect(within(rowOf('c-prof')).getByTestId('import-result').textContent).toBe(
      'Failed: This found credential has expired; scan again.',
    );
  });

  it('shows a scan that failed as a whole', async () => {
    const { user, dialog } = await openImport();
    fakeApi.import.scan.mockRejectedValueOnce(rejection('INTERNAL', 'Scanning failed.'));
    await user.click(within(dialog).getByRole('button', { name: 'Scan' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Scanning failed.');
    expect(within(dialog).queryByRole('button', { name: 'Import selected' })).toBeNull();
  });
});
