import { render, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';
import type { Account, AccountInventory, ProviderInfo } from '../../../shared/model';
import { App } from '../app';
import { useStore } from '../store';
import type { AppInfo } from '../store/app.slice';
import { fakeApi } from './fake-api';

export interface Seed {
  info?: AppInfo;
  providers?: ProviderInfo[];
  accounts?: Account[];
  /** What `tokens.inventory()` returns: the cached lists. */
  inventory?: AccountInventory[];
  /** What `tokens.refresh()` returns; defaults to nothing new. */
  refreshed?: AccountInventory[];
}

export function seed(data: Seed): void {
  if (data.info !== undefined) fakeApi.app.info.mockResolvedValue(data.info);
  if (data.providers !== undefined) fakeApi.providers.list.mockResolvedValue(data.providers);
  if (data.accounts !== undefined) fakeApi.accounts.list.mockResolvedValue(data.accounts);
  if (data.inventory !== undefined) fakeApi.tokens.inventory.mockResolvedValue(data.inventory);
  if (data.refreshed !== undefined) fakeApi.tokens.refresh.mockResolvedValue(data.refreshed);
}

export function appState(): string | null {
  const root = document.querySelector('[data-app-state]');
  return root === null ? null : root.getAttribute('data-app-state');
}

/** Renders the whole app against the fake api and waits until it is ready and settled. */
export async function renderApp(data: Seed = {}): Promise<{ user: UserEvent }> {
  seed(data);
  const user = userEvent.setup();
  render(<App />);
  await waitFor(() => expect(appState()).toBe('ready'));
  await waitFor(() => expect(useStore.getState().pendingRefreshes).toBe(0));
  return { user };
}
