import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { account, inventory, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const work = account({ id: 'acc-work', label: 'Work' });
const home = account({ id: 'acc-home', label: 'Home' });
const seeded = {
  accounts: [work, home],
  inventory: [
    inventory({ accountId: 'acc-work', tokens: [token({ id: 'tok-1', name: 'ci-deploy' })] }),
    inventory({
      accountId: 'acc-home',
      tokens: [token({ id: 'tok-2', accountId: 'acc-home', name: 'home-cli' })],
    }),
  ],
};

function accountsNav() {
  return within(screen.getByRole('navigation', { name: 'Accounts' }));
}

function currentView(): string | null {
  const views = within(screen.getByRole('navigation', { name: 'Views' }));
  const current = views.getAllByRole('button').find((b) => b.getAttribute('aria-current'));
  return current === undefined ? null : current.textContent;
}

describe('Sidebar', () => {
  it.each([
    ['Needs attention', /Needs attention/],
    ['Last-used audit', /Last-used audit/],
    ['Expiry timeline', /Expiry timeline/],
  ])('leaves the %s view for the Tokens view of the account clicked', async (_, viewName) => {
    const { user } = await renderApp(seeded);
    await user.click(screen.getByRole('button', { name: viewName }));
    expect(currentView()).toMatch(viewName);
    expect(screen.queryAllByTestId('account-title')).toEqual([]);

    await user.click(accountsNav().getByRole('button', { name: 'Home' }));

    expect(currentView()).toBe('Tokens');
    const titles = screen.getAllByTestId('account-title').map((t) => t.textContent);
    expect(titles).toEqual(['Home']);
    expect(screen.getByText('home-cli')).toBeTruthy();
    expect(screen.queryByText('ci-deploy')).toBeNull();
    expect(accountsNav().getByRole('button', { name: 'Home' }).getAttribute('aria-current')).toBe(
      'true',
    );
  });

  it('shows every account again from All accounts, in the Tokens view', async () => {
    const { user } = await renderApp(seeded);
    await user.click(accountsNav().getByRole('button', { name: 'Home' }));
    await user.click(screen.getByRole('button', { name: /Needs attention/ }));

    await user.click(accountsNav().getByRole('button', { name: 'All accounts' }));

    expect(currentView()).toBe('Tokens');
    const titles = screen.getAllByTestId('account-title').map((t) => t.textContent);
    expect(titles.sort()).toEqual(['Home', 'Work']);
  });
});
