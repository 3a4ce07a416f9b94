import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStore } from '../store';
import { fakeApi, rejection } from '../test/fake-api';
import {
  account,
  capabilities,
  guidedAccount,
  guidedProvider,
  inventory,
  provider,
  token,
} from '../test/fixtures';
import { renderApp } from '../test/render-app';

const tracked = token({
  id: 'trk-1',
  accountId: 'acc-pod',
  name: 'training',
  source: 'tracked',
  hasSecret: true,
});

function seededGuided(tokens = [tracked]) {
  return {
    providers: [guidedProvider()],
    accounts: [guidedAccount()],
    inventory: [inventory({ accountId: 'acc-pod', tokens })],
  };
}

describe('TokenRow actions', () => {
  it('keeps Verify and Forget in a More menu, and offers no Revoke in a guided account', async () => {
    const { user } = await renderApp(seededGuided([tracked]));
    expect(screen.queryByRole('button', { name: 'Revoke training' })).toBeNull();
    const more = screen.getByRole('button', { name: 'More actions for training' });
    expect(more.getAttribute('aria-haspopup')).toBe('menu');
    expect(more.getAttribute('aria-expanded')).toBe('false');

    await user.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu', { name: 'More actions for training' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual([
      'Verify training',
      'Publish training to CI',
      'Forget training',
    ]);
    expect(document.activeElement).toBe(items[0]);

    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[1]);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(items[2]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(more);
  });

  it('closes the menu on a click elsewhere', async () => {
    const { user } = await renderApp(seededGuided());
    await user.click(screen.getByRole('button', { name: 'More actions for training' }));
    expect(screen.getByRole('menu')).toBeTruthy();
    await user.click(screen.getByRole('heading', { level: 1 }));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('offers Verify only for a token whose secret TokenDesk holds, on a service that can check', async () => {
    const { user } = await renderApp({
      providers: [provider({ capabilities: capabilities({ verify: true }) })],
      accounts: [account()],
      inventory: [
        inventory({
          tokens: [
            token({ id: 'held', name: 'held', hasSecret: true }),
            token({ id: 'listed', name: 'listed', hasSecret: false }),
          ],
        }),
      ],
    });
    expect(screen.getByRole('button', { name: 'More actions for held' })).toBeTruthy();
    // No Verify without a secret, no Forget for a listed token: only another rotation lifetime.
    await user.click(screen.getByRole('button', { name: 'More actions for listed' }));
    const items = within(screen.getByRole('menu')).getAllByRole('menuitem');
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual([
      'Rotate listed with another lifetime',
    ]);
    expect(screen.getByRole('button', { name: 'Revoke listed' })).toBeTruthy();
  });

  it('verifies, says the token works and shows when it was checked', async () => {
    const checkedAt = new Date(Date.now() - 60_000).toISOString();
    fakeApi.tokens.verify.mockResolvedValueOnce({ works: true, checkedAt, problem: null });
    const { user } = await renderApp(seededGuided());
    await user.click(screen.getByRole('button', { name: 'More actions for training' }));
    await user.click(screen.getByRole('menuitem', { name: 'Verify training' }));

    expect(fakeApi.tokens.verify).toHaveBeenCalledWith({ accountId: 'acc-pod', tokenId: 'trk-1' });
    await waitFor(() =>
      expect(screen.getByTestId('notice').textContent).toContain('training works.'),
    );
    const checked = screen.getByTestId('last-checked');
    expect(checked.textContent).toBe('checked 1 minute ago');
    const entry = useStore.getState().inventory['acc-pod'];
    expect(entry === undefined ? [] : entry.tokens.map((t) => t.lastVerifiedAt)).toEqual([
      checkedAt,
    ]);
  });

  it('shows the problem when the token no longer works', async () => {
    fakeApi.tokens.verify.mockResolvedValueOnce({
      works: false,
      checkedAt: new Date().toISOString(),
      problem: { code: 'AUTH_FAILED', message: 'Podstack refused training: it was revoked.' },
    });
    const { user } = await renderApp(seededGuided());
    await user.click(screen.getByRole('button', { name: 'More actions for training' }));
    await user.click(screen.getByRole('menuitem', { name: 'Verify training' }));
    await waitFor(() =>
      expect(screen.getByTestId('notice').textContent).toContain(
        'Podstack refused training: it was revoked.',
      ),
    );
    expect(screen.getByTestId('notice').classList.contains('notice-error')).toBe(true);
    expect(screen.queryByTestId('last-checked')).toBeNull();
  });

  it('reports a check that could not run', async () => {
    fakeApi.tokens.verify.mockRejectedValueOnce(
      rejection('UNREACHABLE', 'api.podstack.ai did not answer.'),
    );
    const { user } = await renderApp(seededGuided());
    await user.click(screen.getByRole('button', { name: 'More actions for training' }));
    await user.click(screen.getByRole('menuitem', { name: 'Verify training' }));
    await waitFor(() =>
      expect(screen.getByTestId('notice').textContent).toContain('api.podstack.ai did not answer.'),
    );
  });

  it('falls back to the last check when the service reports no last use', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000 - 60_000).toISOString();
    await renderApp(
      seededGuided([
        token({
          id: 'a',
          accountId: 'acc-pod',
          name: 'a',
          lastUsedAt: null,
          lastVerifiedAt: hourAgo,
        }),
        token({ id: 'b', accountId: 'acc-pod', name: 'b', lastUsedAt: null, lastVerifiedAt: null }),
      ]),
    );
    const [a, b] = screen.getAllByTestId('token-row');
    if (a === undefined || b === undefined) throw new Error('two rows expected');
    const checked = within(a).getByTestId('last-checked');
    expect(checked.textContent).toBe('checked about 1 hour ago');
    expect(checked.classList.contains('muted')).toBe(true);
    expect(within(b).queryByTestId('last-checked')).toBeNull();
    expect(within(b).getAllByText('Never')).toHaveLength(2);
  });
});
