import { describe, expect, it } from 'vitest';
import { fakeApi, rejection } from '../test/fake-api';
import { appInfo, inventory, token } from '../test/fixtures';
import { useStore } from './index';

const state = () => useStore.getState();
const tokensOf = (accountId: string) => {
  const entry = state().inventory[accountId];
  return entry === undefined ? [] : entry.tokens;
};

describe('tokens slice', () => {
  it('loads the cached inventory keyed by account', async () => {
    fakeApi.tokens.inventory.mockResolvedValueOnce([
      inventory({ accountId: 'a' }),
      inventory({ accountId: 'b' }),
    ]);
    await state().loadInventory();
    expect(Object.keys(state().inventory)).toEqual(['a', 'b']);
  });

  it('keeps an entry pushed while the cached inventory was loading', async () => {
    let resolve: (value: ReturnType<typeof inventory>[]) => void = () => undefined;
    fakeApi.tokens.inventory.mockReturnValueOnce(new Promise((r) => (resolve = r)));
    const loading = state().loadInventory();
    state().applyInventory(inventory({ accountId: 'a', asOf: 'pushed' }));
    resolve([inventory({ accountId: 'a', asOf: 'cached' }), inventory({ accountId: 'b' })]);
    await loading;
    const a = state().inventory.a;
    expect(a === undefined ? null : a.asOf).toBe('pushed');
    expect(state().inventory.b).toBeDefined();
  });

  it('replaces only the accounts an update is about', () => {
    state().applyInventory([inventory({ accountId: 'a' }), inventory({ accountId: 'b' })]);
    const b = state().inventory.b;
    state().applyInventory(inventory({ accountId: 'a', state: 'auth_failed' }));
    expect(state().inventory.b).toBe(b);
    const a = state().inventory.a;
    expect(a === undefined ? null : a.state).toBe('auth_failed');
  });

  it('applies what refresh returns and counts the call while it runs', async () => {
    fakeApi.tokens.refresh.mockResolvedValueOnce([inventory({ accountId: 'a' })]);
    const running = state().refresh('a');
    expect(state().pendingRefreshes).toBe(1);
    await running;
    expect(fakeApi.tokens.refresh).toHaveBeenCalledWith({ accountId: 'a' });
    expect(state().pendingRefreshes).toBe(0);
    expect(state().inventory.a).toBeDefined();
  });

  it('keeps the refresh call’s own failure for the toolbar', async () => {
    fakeApi.tokens.refresh.mockRejectedValueOnce(rejection('TIMEOUT', 'Refresh timed out.'));
    await state().refresh();
    expect(state().refreshError).toBe('Refresh timed out.');
    expect(state().pendingRefreshes).toBe(0);
  });

  it('adds a created token and drops a revoked one', async () => {
    state().applyInventory(
      inventory({ accountId: 'a', tokens: [token({ id: 't1', accountId: 'a' })] }),
    );
    state().tokenCreated(token({ id: 't2', accountId: 'a' }));
    const ids = (): string[] => {
      const entry = state().inventory.a;
      return entry === undefined ? [] : entry.tokens.map((t) => t.id);
    };
    expect(ids()).toEqual(['t1', 't2']);

    await state().revokeToken({ accountId: 'a', tokenId: 't1' });
    expect(fakeApi.tokens.revoke).toHaveBeenCalledWith({ accountId: 'a', tokenId: 't1' });
    expect(ids()).toEqual(['t2']);
  });

  it('rejects a failed revoke with the AppError and keeps the token', async () => {
    state().applyInventory(
      inventory({ accountId: 'a', tokens: [token({ id: 't1', accountId: 'a' })] }),
    );
    fakeApi.tokens.revoke.mockRejectedValueOnce(rejection('FORBIDDEN', 'Not allowed.'));
    await expect(state().revokeToken({ accountId: 'a', tokenId: 't1' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Not allowed.',
    });
    const entry = state().inventory.a;
    expect(entry === undefined ? 0 : entry.tokens.length).toBe(1);
  });

  it('copies a stored secret through main only', async () => {
    useStore.setState({ appInfo: appInfo({ clipboard: 'main' }) });
    await state().copySecret({ accountId: 'a', tokenId: 't1' }, 'ci');
    expect(fakeApi.secrets.copy).toHaveBeenCalledWith({ accountId: 'a', tokenId: 't1' });
    expect(state().notice).toEqual({
      tone: 'info',
      text: 'Copied ci. The clipboard clears in 30 s.',
    });

    fakeApi.secrets.copy.mockClear();
    useStore.setState({ appInfo: appInfo({ clipboard: 'page' }) });
    await state().copySecret({ accountId: 'a', tokenId: 't1' }, 'ci');
    expect(fakeApi.secrets.copy).not.toHaveBeenCalled();
  });

  it('adds tracked or imported tokens to their accounts, replacing a known one', () => {
    state().applyInventory([
      inventory({ accountId: 'a', tokens: [token({ id: 't1', accountId: 'a', name: 'old' })] }),
      inventory({ accountId: 'b' }),
    ]);
    state().tokensAdded([
      token({ id: 't1', accountId: 'a', name: 'renamed' }),
      token({ id: 't2', accountId: 'b' }),
      // An account main has not reported on yet is left for its refresh.
      token({ id: 't3', accountId: 'unknown' }),
    ]);
    const a = state().inventory.a;
    const b = state().inventory.b;
    expect(a === undefined ? [] : a.tokens.map((t) => t.name)).toEqual(['renamed']);
    expect(b === undefined ? [] : b.tokens.map((t) => t.id)).toEqual(['t2']);
    expect(state().inventory.unknown).toBeUndefined();
  });

  it('forgets a tracked token, or rejects and keeps it', async () => {
    state().applyInventory(
      inventory({ accountId: 'a', tokens: [token({ id: 't1', accountId: 'a' })] }),
    );
    fakeApi.tokens.forget.mockRejectedValueOnce(rejection('UNSUPPORTED', 'Revoke this one.'));
    await expect(state().forgetToken({ accountId: 'a', tokenId: 't1' })).rejects.toMatchObject({
      code: 'UNSUPPORTED',
    });
    expect(tokensOf('a')).toHaveLength(1);

    await state().forgetToken({ accountId: 'a', tokenId: 't1' });
    expect(fakeApi.tokens.forget).toHaveBeenLastCalledWith({ accountId: 'a', tokenId: 't1' });
    expect(tokensOf('a')).toHaveLength(0);
  });

  it('records a successful check and keeps the last one when a check fails', async () => {
    state().applyInventory(
      inventory({
        accountId: 'a',
        tokens: [token({ id: 't1', accountId: 'a', lastVerifiedAt: null })],
      }),
    );
    fakeApi.tokens.verify.mockResolvedValueOnce({
      works: true,
      checkedAt: '2025-06-01T10:00:00.000Z',
      problem: null,
    });
    await state().verifyToken({ accountId: 'a', tokenId: 't1' }, 'ci');
    expect(tokensOf('a').map((t) => t.lastVerifiedAt)[0]).toBe('2025-06-01T10:00:00.000Z');
    expect(state().notice).toEqual({ tone: 'info', text: 'ci works.' });

    fakeApi.tokens.verify.mockResolvedValueOnce({
      works: false,
      checkedAt: '2025-06-02T10:00:00.000Z',
      problem: { code: 'FORBIDDEN', message: 'No permission in this project.' },
    });
    await state().verifyToken({ accountId: 'a', tokenId: 't1' }, 'ci');
    expect(tokensOf('a').map((t) => t.lastVerifiedAt)[0]).toBe('2025-06-01T10:00:00.000Z');
    expect(state().notice).toEqual({ tone: 'error', text: 'No permission in this project.' });
  });
});
