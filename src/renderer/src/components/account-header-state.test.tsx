import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AccountState } from '../../../shared/model';
import { account, inventory, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const AS_OF = '2025-06-01T10:00:00.000Z';

async function renderWithState(state: AccountState, code: string): Promise<HTMLElement> {
  await renderApp({
    accounts: [account()],
    inventory: [
      inventory({
        state,
        stale: true,
        asOf: AS_OF,
        error: { code, message: `The service said ${code}.` },
        tokens: [token({ name: 'cached-token' })],
      }),
    ],
  });
  return screen.getByTestId('account-group');
}

describe('AccountHeader: the state of the last refresh', () => {
  it.each<[AccountState, string, string]>([
    ['auth_failed', 'AUTH_FAILED', 'Sign-in failed'],
    ['forbidden', 'FORBIDDEN', 'No permission'],
    ['unreachable', 'UNREACHABLE', 'Unreachable'],
    ['rate_limited', 'RATE_LIMITED', 'Rate limited'],
    ['error', 'BAD_RESPONSE', 'Refresh failed'],
  ])('names %s in words, with the stale list and its time', async (state, code, words) => {
    const group = await renderWithState(state, code);
    const label = within(group).getByTestId('account-state');
    expect(label.textContent).toBe(words);
    expect(label.getAttribute('data-state')).toBe(state);
    const stale = within(group).getByTestId('account-stale');
    expect(stale.textContent).toMatch(/^as of /);
    expect(stale.getAttribute('title')).toBe(AS_OF);
    expect(within(group).getByTestId('account-error').textContent).toBe(
      `The service said ${code}.`,
    );
    expect(within(group).getByText('cached-token')).toBeTruthy();
  });

  it('keeps naming the trouble while the next refresh runs', async () => {
    await renderApp({
      accounts: [account()],
      inventory: [
        inventory({
          state: 'unreachable',
          stale: true,
          refreshing: true,
          error: { code: 'UNREACHABLE', message: 'No answer.' },
        }),
      ],
    });
    expect(screen.getByTestId('account-state').textContent).toBe('Unreachable');
  });

  it('shows when a fresh list was fetched, and no trouble', async () => {
    await renderApp({ accounts: [account()], inventory: [inventory({ asOf: AS_OF })] });
    const group = screen.getByTestId('account-group');
    const asOf = within(group).getByTestId('account-as-of');
    expect(asOf.textContent).toMatch(/^as of /);
    expect(asOf.getAttribute('title')).toBe(AS_OF);
    expect(within(group).queryByTestId('account-state')).toBeNull();
    expect(within(group).queryByTestId('account-stale')).toBeNull();
  });

  it('shows no time for an account never fetched', async () => {
    await renderApp({
      accounts: [account()],
      inventory: [inventory({ state: 'never', asOf: null })],
    });
    const group = screen.getByTestId('account-group');
    expect(within(group).queryByTestId('account-as-of')).toBeNull();
    expect(within(group).getByText('No tokens fetched yet.')).toBeTruthy();
  });
});
