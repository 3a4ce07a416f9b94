import type { Account, ProviderInfo, TokenInfo } from '../../../shared/model';
import type { AppInfo } from './app.slice';
import { useStore, type StoreState } from './index';

/** For components that only render once the app is ready, where app info always exists. */
export function useAppInfo(): AppInfo {
  const info = useStore((s) => s.appInfo);
  if (info === null) throw new Error('useAppInfo used before the app was ready');
  return info;
}

export function selectAccount(state: StoreState, accountId: string): Account | undefined {
  return state.accounts.find((a) => a.id === accountId);
}

/** Undefined when the account is gone or its provider is unknown to this build. */
export function selectProviderOf(state: StoreState, accountId: string): ProviderInfo | undefined {
  const account = selectAccount(state, accountId);
  if (account === undefined) return undefined;
  return state.providers.find((p) => p.kind === account.provider);
}

/** Undefined when the token is no longer listed (revoked elsewhere, or a refresh dropped it). */
export function selectToken(
  state: StoreState,
  accountId: string,
  tokenId: string,
): TokenInfo | undefined {
  const entry = state.inventory[accountId];
  if (entry === undefined) return undefined;
  return entry.tokens.find((t) => t.id === tokenId);
}
