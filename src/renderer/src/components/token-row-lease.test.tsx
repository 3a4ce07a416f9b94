import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStore } from '../store';
import { account, capabilities, inventory, provider, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const lease = { rotationId: 'rot-1', tokenName: 'ci-deploy' };
const reason =
  'The rotation of “ci-deploy” is unfinished. Finish or cancel it under Rotations first.';

function seeded(leased: boolean) {
  return {
    providers: [provider({ capabilities: capabilities({ rename: true, statusToggle: true }) })],
    accounts: [account()],
    inventory: [
      inventory({
        leasedBy: leased ? lease : null,
        tokens: [
          token({
            id: 'tok-1',
            name: 'ci-deploy',
            hasSecret: true,
            leasedBy: leased ? lease : null,
          }),
        ],
      }),
    ],
  };
}

function describedBy(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ');
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('a token held by an unfinished rotation', () => {
  it('disables Revoke with the reason, and opens nothing on a click', async () => {
    const { user } = await renderApp(seeded(true));
    const revoke = screen.getByRole('button', { name: 'Revoke ci-deploy' });
    expect(revoke.getAttribute('aria-disabled')).toBe('true');
    expect(revoke.getAttribute('title')).toBe(reason);
    expect(describedBy(revoke)).toBe(reason);
    await user.click(revoke);
    expect(useStore.getState().dialog).toBeNull();
    // Rotate is no choice either: the button leads to the rotation that holds the token.
    expect(screen.queryByRole('button', { name: 'Rotate ci-deploy' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show rotation of ci-deploy' }));
    expect(useStore.getState().dialog).toEqual({ kind: 'rotation', rotationId: 'rot-1' });
  });

  it('disables the changes in the More menu with the reason', async () => {
    const { user } = await renderApp(seeded(true));
    await user.click(screen.getByRole('button', { name: 'More actions for ci-deploy' }));
    const menu = screen.getByRole('menu');
    for (const name of ['Rename ci-deploy', 'Deactivate ci-deploy', 'Publish ci-deploy to CI']) {
      const item = within(menu).getByRole('menuitem', { name });
      expect(item.getAttribute('aria-disabled')).toBe('true');
      expect(describedBy(item)).toBe(reason);
    }
    await user.click(within(menu).getByRole('menuitem', { name: 'Rename ci-deploy' }));
    expect(useStore.getState().dialog).toBeNull();
  });

  it('disables the account’s credential change with the reason', async () => {
    const { user } = await renderApp(seeded(true));
    await user.click(screen.getByRole('button', { name: 'More actions for Work' }));
    const item = screen.getByRole('menuitem', { name: 'Update the credential of Work' });
    expect(item.getAttribute('aria-disabled')).toBe('true');
    expect(describedBy(item)).toBe(reason);
  });

  it('offers every action once the rotation is over', async () => {
    const { user } = await renderApp(seeded(false));
    const revoke = screen.getByRole('button', { name: 'Revoke ci-deploy' });
    expect(revoke.getAttribute('aria-disabled')).toBeNull();
    await user.click(revoke);
    expect(useStore.getState().dialog).toMatchObject({ kind: 'revoke-token' });
  });
});
