/**
 * Where secrets live. The only implementation that ships is the OS keychain
 * (src/main/platform/keytar-secret-store.ts); nothing else in the app may persist a secret.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, secret: string): Promise<void>;
  /** Resolves true when something was deleted. */
  delete(key: string): Promise<boolean>;
  /** Keys only: the values never leave the store through this call. */
  list(): Promise<string[]>;
}

export const KEYCHAIN_SERVICE = 'TokenDesk';

export const secretKeys = {
  token: (accountId: string, tokenId: string): string => `${accountId}/${tokenId}`,
  management: (accountId: string): string => `${accountId}/manage`,
};
