import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, rejection } from '../test/fake-api';
import { account, capabilities, inventory, provider, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

const work = account({ id: 'acc-work', label: 'Work' });
const editable = provider({
  capabilities: capabilities({
    rename: true,
    statusToggle: true,
    nameRule: { pattern: '.{3,100}', hint: '3–100 characters, on one line.' },
  }),
});

async function openRename(): Promise<Awaited<ReturnType<typeof renderApp>>> {
  const app = await renderApp({
    providers: [editable],
    accounts: [work],
    inventory: [inventory({ tokens: [token({ id: 'tok-7', name: 'chat-app' })] })],
  });
  await app.user.click(screen.getByRole('button', { name: 'More actions for chat-app' }));
  await app.user.click(screen.getByRole('menuitem', { name: 'Rename chat-app' }));
  return app;
}

const dialog = (): HTMLElement => screen.getByRole('dialog', { name: 'Rename token' });
const nameField = (): HTMLInputElement => within(dialog()).getByLabelText('Name');

describe('RenameTokenDialog', () => {
  it('starts from the current name, renames with the right ids and updates the row', async () => {
    const { user } = await openRename();
    expect(nameField().value).toBe('chat-app');
    await user.clear(nameField());
    await user.type(nameField(), 'chat-app-2025');
    await user.click(within(dialog()).getByRole('button', { name: 'Rename' }));

    expect(fakeApi.tokens.rename).toHaveBeenCalledExactlyOnceWith({
      accountId: 'acc-work',
      tokenId: 'tok-7',
      name: 'chat-app-2025',
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('token-row').textContent).toContain('chat-app-2025');
  });

  it("holds a name that breaks the service's rule without calling it", async () => {
    const { user } = await openRename();
    await user.clear(nameField());
    await user.type(nameField(), 'ab');
    await user.click(within(dialog()).getByRole('button', { name: 'Rename' }));
    expect(dialog().textContent).toContain('3–100 characters');
    expect(fakeApi.tokens.rename).not.toHaveBeenCalled();
  });

  it("shows the service's refusal inside the dialog and keeps the old name", async () => {
    const { user } = await openRename();
    fakeApi.tokens.rename.mockRejectedValueOnce(
      rejection('NOT_FOUND', 'Bodhi no longer has this token: it may have been deleted.'),
    );
    await user.clear(nameField());
    await user.type(nameField(), 'renamed');
    await user.click(within(dialog()).getByRole('button', { name: 'Rename' }));
    expect(dialog().textContent).toContain('Bodhi no longer has this token');
    expect(screen.getByTestId('token-row').textContent).toContain('chat-app');
  });
});

describe('token edit items', () => {
  it('deactivates an active token and activates an inactive one, with the status shown', async () => {
    const { user } = await renderApp({
      providers: [editable],
      accounts: [work],
      inventory: [
        inventory({
          tokens: [
            token({ id: 'tok-1', name: 'chat-app' }),
            token({ id: 'tok-2', name: 'old-script', status: 'inactive' }),
          ],
        }),
      ],
    });
    await user.click(screen.getByRole('button', { name: 'More actions for chat-app' }));
    expect(screen.queryByRole('menuitem', { name: 'Activate chat-app' })).toBeNull();
    await user.click(screen.getByRole('menuitem', { name: 'Deactivate chat-app' }));
    expect(fakeApi.tokens.setStatus).toHaveBeenCalledExactlyOnceWith({
      accountId: 'acc-work',
      tokenId: 'tok-1',
      status: 'inactive',
    });
    const [chat, old] = screen.getAllByTestId('token-row');
    expect(chat?.textContent).toContain('Inactive');
    expect(screen.getByTestId('notice-text').textContent).toContain('Deactivated chat-app');

    await user.click(screen.getByRole('button', { name: 'More actions for old-script' }));
    await user.click(screen.getByRole('menuitem', { name: 'Activate old-script' }));
    expect(fakeApi.tokens.setStatus).toHaveBeenLastCalledWith({
      accountId: 'acc-work',
      tokenId: 'tok-2',
      status: 'active',
    });
    expect(old?.textContent).toContain('Active');
  });

  it('reports a failed switch in a notice and keeps the status', async () => {
    const { user } = await renderApp({
      providers: [editable],
      accounts: [work],
      inventory: [inventory({ tokens: [token({ id: 'tok-1', name: 'chat-app' })] })],
    });
    fakeApi.tokens.setStatus.mockRejectedValueOnce(
      rejection('AUTH_FAILED', 'Bodhi did not accept the session.'),
    );
    await user.click(screen.getByRole('button', { name: 'More actions for chat-app' }));
    await user.click(screen.getByRole('menuitem', { name: 'Deactivate chat-app' }));
    expect(screen.getByTestId('notice-text').textContent).toBe('Bodhi did not accept the session.');
    expect(screen.getByTestId('token-row').textContent).toContain('Active');
  });

  it('offers neither where the service cannot', async () => {
    const { user } = await renderApp({
      providers: [provider()],
      accounts: [work],
      inventory: [inventory({ tokens: [token({ id: 'tok-1', name: 'plain', hasSecret: true })] })],
    });
    await user.click(screen.getByRole('button', { name: 'More actions for plain' }));
    expect(screen.getByRole('menuitem', { name: 'Verify plain' })).toBeDefined();
    expect(screen.queryByRole('menuitem', { name: /Rename|Deactivate/ })).toBeNull();
  });

  it('keeps TokenDesk’s own credential on and leaves tracked tokens to the service', async () => {
    const { user } = await renderApp({
      providers: [editable],
      accounts: [work, account({ id: 'acc-home', label: 'Home', mode: 'guided' })],
      inventory: [
        inventory({
          tokens: [token({ id: 'tok-1', name: 'tokendesk', isManagementCredential: true })],
        }),
        inventory({
          accountId: 'acc-home',
          tokens: [
            token({ id: 'trk-1', accountId: 'acc-home', name: 'laptop', source: 'tracked' }),
          ],
        }),
      ],
    });
    await user.click(screen.getByRole('button', { name: 'More actions for tokendesk' }));
    expect(screen.getByRole('menuitem', { name: 'Rename tokendesk' })).toBeDefined();
    expect(screen.queryByRole('menuitem', { name: 'Deactivate tokendesk' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'More actions for laptop' }));
    expect(screen.queryByRole('menuitem', { name: /Rename laptop|Deactivate laptop/ })).toBeNull();
  });
});
