import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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

const podTokens = (count: number, status: 'active' | 'revoked' = 'active') =>
  Array.from({ length: count }, (_, i) =>
    token({ id: `p${i}`, accountId: 'acc-pod', name: `pod-${i}`, status, source: 'tracked' }),
  );

function groupOf(accountId: string): HTMLElement {
  const group = screen
    .getAllByTestId('account-group')
    .find((g) => g.getAttribute('data-account-id') === accountId);
  if (group === undefined) throw new Error(`no group for ${accountId}`);
  return group;
}

describe('AccountHeader', () => {
  it('offers Track a token and the token page for a guided account, not New token', async () => {
    await renderApp({
      providers: [provider(), guidedProvider()],
      accounts: [account(), guidedAccount()],
      inventory: [inventory(), inventory({ accountId: 'acc-pod' })],
    });
    const guided = groupOf('acc-pod');
    expect(within(guided).getByRole('button', { name: 'Track a token' })).toBeTruthy();
    expect(within(guided).queryByRole('button', { name: 'New token' })).toBeNull();
    const link = within(guided).getByRole('link', { name: 'Open token page' });
    expect(link.getAttribute('href')).toBe('https://console.podstack.ai/settings/tokens');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');

    const api = groupOf('acc-work');
    expect(within(api).getByRole('button', { name: 'New token' })).toBeTruthy();
    expect(within(api).queryByRole('button', { name: 'Track a token' })).toBeNull();
    expect(within(api).queryByRole('link', { name: 'Open token page' })).toBeNull();
  });

  it('leaves out the link when the service has no token page, and Track when it cannot track', async () => {
    await renderApp({
      providers: [guidedProvider({ capabilities: capabilities({ create: false, track: false }) })],
      accounts: [guidedAccount({ tokenPageUrl: null })],
      inventory: [inventory({ accountId: 'acc-pod' })],
    });
    const guided = groupOf('acc-pod');
    expect(within(guided).queryByRole('link')).toBeNull();
    expect(within(guided).queryByRole('button', { name: 'Track a token' })).toBeNull();
    expect(within(guided).queryByRole('button', { name: 'New token' })).toBeNull();
  });

  it('counts active tokens against the service’s limit', async () => {
    await renderApp({
      providers: [guidedProvider()],
      accounts: [guidedAccount()],
      inventory: [
        inventory({ accountId: 'acc-pod', tokens: [...podTokens(3), ...podTokens(1, 'revoked')] }),
      ],
    });
    const capacity = screen.getByTestId('account-capacity');
    expect(capacity.textContent).toBe('3 of 5 active tokens');
    expect(capacity.classList.contains('capacity-full')).toBe(false);
    expect(capacity.getAttribute('title')).toBe(
      'Podstack allows 5 active tokens. Revoke one in its dashboard before creating another.',
    );
    expect(screen.queryByTestId('capacity-tip')).toBeNull();
  });

  it('highlights a full account and spells out what to do', async () => {
    await renderApp({
      providers: [guidedProvider()],
      accounts: [guidedAccount()],
      inventory: [inventory({ accountId: 'acc-pod', tokens: podTokens(5) })],
    });
    const capacity = screen.getByTestId('account-capacity');
    expect(capacity.textContent).toBe('5 of 5 active tokens');
    expect(capacity.classList.contains('capacity-full')).toBe(true);
    const tip = screen.getByTestId('capacity-tip');
    expect(tip.textContent).toBe(
      'Podstack allows 5 active tokens. Revoke one in its dashboard before creating another.',
    );
    expect(capacity.getAttribute('aria-describedby')).toBe(tip.id);
  });

  it('shows no count for a service without a limit', async () => {
    await renderApp({ accounts: [account()], inventory: [inventory({ tokens: [token()] })] });
    expect(screen.queryByTestId('account-capacity')).toBeNull();
  });
});
