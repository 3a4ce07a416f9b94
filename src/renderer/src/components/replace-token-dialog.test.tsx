import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../test/fake-api';
import { account, capabilities, inventory, provider, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const DAY_MS = 24 * 3600_000;
/** A token created 84 days before it expires, as in the issue. */
const created = new Date(Date.now() - 10 * DAY_MS).toISOString();
const expires = new Date(Date.now() + 74 * DAY_MS).toISOString();

function seeded(mode: 'api' | 'roll', status: 'active' | 'expired' = 'active') {
  const fixed = capabilities({ expiryDays: [7, 30, 90, 180, 365], neverExpires: true });
  return {
    providers: [
      mode === 'api'
        ? provider({ name: 'Podstack', capabilities: fixed })
        : provider({ kind: 'gitlab', name: 'GitLab', mode: 'roll', capabilities: fixed }),
    ],
    accounts: [account(mode === 'api' ? {} : { provider: 'gitlab', mode: 'roll' })],
    inventory: [
      inventory({
        tokens: [token({ name: 'ci-deploy', createdAt: created, expiresAt: expires, status })],
      }),
    ],
  };
}

describe('the new token’s lifetime', () => {
  it('says on Rotate that the old lifetime is kept, fitted to the nearest choice', async () => {
    await renderApp(seeded('api'));
    expect(screen.getByRole('button', { name: 'Rotate ci-deploy' }).getAttribute('title')).toBe(
      'The old token had a lifetime of 84 days, which Podstack does not offer, so the new token gets 90 days, the nearest it offers.',
    );
  });

  it('rotates with the lifetime the user picks instead', async () => {
    const { user } = await renderApp(seeded('api'));
    await user.click(screen.getByRole('button', { name: 'More actions for ci-deploy' }));
    await user.click(
      screen.getByRole('menuitem', { name: 'Rotate ci-deploy with another lifetime' }),
    );
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByTestId('kept-lifetime').textContent).toContain('90 days');
    await user.selectOptions(within(dialog).getByLabelText('Lifetime of the new token'), '7 days');
    await user.click(within(dialog).getByRole('button', { name: 'Rotate' }));
    expect(fakeApi.rotation.start).toHaveBeenCalledWith({
      accountId: 'acc-work',
      tokenId: 'tok-1',
      expiry: { kind: 'days', days: 7 },
    });
  });

  it('offers "Create a replacement", not Rotate, for an expired token at a service that rolls', async () => {
    const { user } = await renderApp(seeded('roll', 'expired'));
    expect(screen.queryByRole('button', { name: 'Rotate ci-deploy' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create a replacement for ci-deploy' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('GitLab cannot rotate this token (expired)');
    await user.click(within(dialog).getByRole('button', { name: 'Create replacement' }));
    expect(fakeApi.tokens.createReplacement).toHaveBeenCalledWith({
      accountId: 'acc-work',
      tokenId: 'tok-1',
    });
    const revealed = await screen.findByTestId('revealed-secret');
    expect((revealed as HTMLInputElement).value).toBe('kst_fake_secret');
  });
});
