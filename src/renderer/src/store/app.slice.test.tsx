import { describe, expect, it } from 'vitest';
import { fakeApi, rejection } from '../test/fake-api';
import { account, appInfo, inventory } from '../test/fixtures';
import { useStore } from './index';

const state = () => useStore.getState();

describe('app slice', () => {
  it('loads everything, becomes ready, then refreshes all accounts', async () => {
    fakeApi.accounts.list.mockResolvedValueOnce([account()]);
    fakeApi.tokens.inventory.mockResolvedValueOnce([inventory()]);
    await state().start();

    expect(state().lifecycle).toBe('ready');
    expect(state().appInfo).toEqual(appInfo());
    expect(state().accounts).toHaveLength(1);
    expect(state().providers).toHaveLength(1);
    expect(Object.keys(state().inventory)).toEqual(['acc-work']);
    expect(fakeApi.tokens.refresh).toHaveBeenCalledWith({});
  });

  it('starts once even when asked twice', async () => {
    await Promise.all([state().start(), state().start()]);
    await state().start();
    expect(fakeApi.app.info).toHaveBeenCalledTimes(1);
  });

  it('fails with the error’s message and may be started again', async () => {
    fakeApi.app.info.mockRejectedValueOnce(rejection('INTERNAL', 'Main is not answering.'));
    await state().start();
    expect(state().lifecycle).toBe('failed');
    expect(state().startError).toBe('Main is not answering.');

    await state().start();
    expect(state().lifecycle).toBe('ready');
    expect(state().startError).toBeNull();
  });

  it('shows a generic message for an error that is not an AppError', async () => {
    fakeApi.providers.list.mockRejectedValueOnce(new Error('ipc exploded at line 42'));
    await state().start();
    expect(state().startError).toBe('Something went wrong. See the log for details.');
  });
});
