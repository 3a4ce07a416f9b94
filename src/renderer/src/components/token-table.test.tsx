import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { account, appInfo, capabilities, inventory, provider, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const work = account({ id: 'acc-work', label: 'Work' });
const home = account({ id: 'acc-home', label: 'Home' });

/** The table's body rows as short labels, in display order. */
function rowLabels(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const testId = row.getAttribute('data-testid');
      if (testId === 'token-row') return `token:${row.getAttribute('data-token-id') ?? ''}`;
      if (testId === 'project-group') return `project:${row.textContent ?? ''}`;
      if (row.classList.contains('account-header')) {
        const group = row.closest('[data-testid="account-group"]');
        return `account:${group === null ? '' : (group.getAttribute('data-account-id') ?? '')}`;
      }
      return `other:${row.textContent ?? ''}`;
    });
}

describe('TokenTable', () => {
  it('groups tokens by account, then by project', async () => {
    await renderApp({
      accounts: [work, home],
      inventory: [
        inventory({
          accountId: 'acc-work',
          tokens: [
            token({ id: 'w-none', accountId: 'acc-work', name: 'a-loose', project: null }),
            token({ id: 'w-web-2', accountId: 'acc-work', name: 'b-web', project: 'web' }),
            token({ id: 'w-api', accountId: 'acc-work', name: 'c-api', project: 'api' }),
            token({ id: 'w-web-1', accountId: 'acc-work', name: 'a-web', project: 'web' }),
          ],
        }),
        inventory({
          accountId: 'acc-home',
          tokens: [token({ id: 'h-1', accountId: 'acc-home', name: 'home-token' })],
        }),
      ],
    });

    expect(rowLabels()).toEqual([
      'account:acc-work',
      'project:api',
      'token:w-api',
      'project:web',
      'token:w-web-1',
      'token:w-web-2',
      'project:No project',
      'token:w-none',
      // No project headers for an account whose tokens have no projects at all.
      'account:acc-home',
      'token:h-1',
    ]);
    expect(screen.getByRole('columnheader', { name: 'Last used' })).toBeTruthy();
  });

  it('shows a failed account’s error inline while the other account renders normally', async () => {
    await renderApp({
      accounts: [work, home],
      inventory: [
        inventory({
          accountId: 'acc-work',
          state: 'unreachable',
          stale: true,
          asOf: '2025-06-01T10:00:00.000Z',
          error: { code: 'UNREACHABLE', message: 'kestra.example.com did not answer.' },
          tokens: [token({ id: 'w-1', accountId: 'acc-work', name: 'cached-token' })],
        }),
        inventory({
          accountId: 'acc-home',
          tokens: [token({ id: 'h-1', accountId: 'acc-home', name: 'home-token' })],
        }),
      ],
    });

    const groups = screen.getAllByTestId('account-group');
    const [workGroup, homeGroup] = groups;
    if (workGroup === undefined || homeGroup === undefined) throw new Error('two groups expected');

    const error = within(workGroup).getByTestId('account-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('kestra.example.com did not answer.');
    expect(within(workGroup).getByTestId('account-stale').textContent).toMatch(/^as of /);
    // The last known list stays visible under the error.
    expect(within(workGroup).getAllByTestId('token-row')).toHaveLength(1);

    expect(within(homeGroup).queryByTestId('account-error')).toBeNull();
    expect(within(homeGroup).queryByTestId('account-stale')).toBeNull();
    expect(within(homeGroup).getByText('home-token')).toBeTruthy();
  });

  it('hides Revoke and New token when the provider does not allow them', async () => {
    await renderApp({
      providers: [provider({ capabilities: capabilities({ create: false, revoke: false }) })],
      accounts: [work],
      inventory: [inventory({ tokens: [token({ name: 'ci-deploy' })] })],
    });
    expect(screen.getAllByTestId('token-row')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Revoke ci-deploy' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New token' })).toBeNull();
  });

  it('offers Revoke and New token when the provider allows them', async () => {
    await renderApp({
      accounts: [work],
      inventory: [inventory({ tokens: [token({ name: 'ci-deploy' })] })],
    });
    expect(screen.getByRole('button', { name: 'Revoke ci-deploy' })).toBeTruthy();
    const newToken = screen.getByRole('button', { name: 'New token' });
    expect(newToken.getAttribute('aria-describedby')).not.toBeNull();
  });

  it('shows dates relative to now with the exact value in the title', async () => {
    const now = Date.now();
    const inThreeDays = new Date(now + 3 * 86_400_000 + 60_000).toISOString();
    const twoDaysAgo = new Date(now - 2 * 86_400_000 - 60_000).toISOString();
    await renderApp({
      accounts: [work],
      inventory: [
        inventory({
          tokens: [
            token({ createdAt: null, expiresAt: inThreeDays, lastUsedAt: twoDaysAgo }),
            token({ id: 'tok-2', name: 'never-used', expiresAt: null, lastUsedAt: null }),
          ],
        }),
      ],
    });
    const [first, second] = screen.getAllByTestId('token-row');
    if (first === undefined || second === undefined) throw new Error('two rows expected');

    const expires = within(first).getByText('in 3 days');
    expect(expires.getAttribute('title')).toBe(inThreeDays);
    expect(within(first).getByText('2 days ago').getAttribute('title')).toBe(twoDaysAgo);
    const created = within(first).getAllByRole('cell')[3];
    expect(created === undefined ? null : created.textContent).toBe('—');
    expect(within(second).getAllByText('Never')).toHaveLength(2);
  });

  it('tags the management credential and offers Copy only for tokens with a stored secret', async () => {
    const { user } = await renderApp({
      accounts: [work],
      inventory: [
        inventory({
          tokens: [
            token({ id: 'mgmt', name: 'tokendesk', isManagementCredential: true, hasSecret: true }),
            token({ id: 'plain', name: 'unmanaged', hasSecret: false }),
          ],
        }),
      ],
    });
    const managed = screen.getAllByTestId('token-row')[0];
    if (managed === undefined) throw new Error('row expected');
    expect(within(managed).getByText('used by TokenDesk')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copy unmanaged' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Copy tokendesk' }));
    expect(fakeApi.secrets.copy).toHaveBeenCalledWith({ accountId: 'acc-work', tokenId: 'mgmt' });
    expect(screen.getByTestId('notice').textContent).toContain('The clipboard clears in 30 s.');
  });

  it('explains that copying a stored token needs the desktop app in the browser target', async () => {
    const { user } = await renderApp({
      info: appInfo({ target: 'browser', clipboard: 'page' }),
      accounts: [work],
      inventory: [inventory({ tokens: [token({ name: 'stored', hasSecret: true })] })],
    });
    await user.click(screen.getByRole('button', { name: 'Copy stored' }));
    expect(fakeApi.secrets.copy).not.toHaveBeenCalled();
    expect(screen.getByTestId('notice').textContent).toContain('needs the TokenDesk desktop app');
  });
});
