import type { TokenRef } from '../store/tokens.slice';

/** A token's key in the store's maps and selections: `accountId/tokenId`. */
export function tokenKey(ref: TokenRef): string {
  return `${ref.accountId}/${ref.tokenId}`;
}

export function refOfKey(key: string): TokenRef {
  const slash = key.indexOf('/');
  return { accountId: key.slice(0, slash), tokenId: key.slice(slash + 1) };
}
