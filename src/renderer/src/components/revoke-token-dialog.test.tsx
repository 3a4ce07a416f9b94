import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, rejection } from '../test/fake-api';
import { account, inventory, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const work = account({ id: 'acc-work', label: 'Work' });

async function openDialog(
  tokens = [token({ id: 'tok-7', name: 'ci-deploy' })],
): Promise<Awaited<ReturnType<typeof renderApp>>> {
  const app = await renderApp({ accounts: [work], inventory: [inventory({ tokens })] });
  await app.user.click(screen.getByRole('button', { name: 'Revoke ci-deploy' }));
  return app;
}

const dialog = (): HTMLElement => screen.getByRole('dialog', { name: 'Revoke token?' });

describe('RevokeTokenDialog', () => {
  it('names the token and account and says it stops working immediately', async () => {
    await openDialog();
    const text = dialog().textContent ?? '';
    expect(text).toContain('ci-deploy');
    expect(text).toContain('Work');
    expect(text).toContain('stops working immediately');
    expect(document.activeElement).toBe(within(dialog()).getByRole('button', { name: 'Cancel' }));
  });

  it('revokes with the right ids, closes and drops the row', async () => {
    const { user } = await openDialog([
      token({ id: 'tok-7', name: 'ci-deploy' }),
      token({ id: 'tok-8', name: 'laptop' }),
    ]);
    await user.click(within(dialog()).getByRole('button', { name: 'Revoke' }));

    expect(fakeApi.tokens.revoke).toHaveBeenCalledTimes(1);
    expect(fakeApi.tokens.revoke).toHaveBeenCalledWith({ accountId: 'acc-work', tokenId: 'tok-7' });
    expect(screen.queryByRole('dialog')).toBeNull();
    const ids = screen.getAllByTestId('token-row').map((r) => r.getAttribute('data-token-id'));
    expect(ids).toEqual(['tok-8']);
  });

  it('shows a failure inside the dialog and keeps the token', async () => {
    const { user } = await openDialog();
    fakeApi.tokens.revoke.mockRejectedValueOnce(
      rejection('RATE_LIMITED', 'Kestra asked us to slow down; try again in 30 s.'),
    );
    await user.click(within(dialog()).getByRole('button', { name: 'Revoke' }));

    expect(within(dialog()).getByRole('alert').textContent).toBe(
      'Kestra asked us to slow down; try again in 30 s.',
    );
    expect(screen.getAllByTestId('token-row')).toHaveLength(1);
  });

  it('does nothing on Cancel', async () => {
    const { user } = await openDialog();
    await user.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fakeApi.tokens.revoke).not.toHaveBeenCalled();
  });

  it('offers no Revoke for the credential TokenDesk itself uses', async () => {
    await renderApp({
      accounts: [work],
      inventory: [
        inventory({
          tokens: [
            token({ id: 'tok-7', name: 'tokendesk', isManagementCredential: true }),
            token({ id: 'tok-8', name: 'laptop' }),
          ],
        }),
      ],
    });
    expect(screen.queryByRole('button', { name: 'Revoke tokendesk' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Revoke laptop' })).toBeDefined();
  });
});
