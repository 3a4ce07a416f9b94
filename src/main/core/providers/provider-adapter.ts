import type { Account, Expiry, ProviderInfo, TokenInfo } from '../../../shared/model';
import type { HttpClient } from '../http/http-client.types';

/** A token as the service describes it; the core adds account and keychain facts. */
export type ServiceToken = Omit<TokenInfo, 'accountId' | 'hasSecret' | 'isManagementCredential'>;

export interface AccountContext {
  account: Account;
  /** The management credential from the keychain. */
  credential: string;
  http: HttpClient;
}

export interface CreateTokenRequest {
  name: string;
  description?: string;
  expiry: Expiry;
  extended?: boolean;
}

export interface CreatedToken {
  token: ServiceToken;
  secret: string;
}

/** One per service. Adapters translate; they keep no state and never persist a secret. */
export interface ProviderAdapter {
  readonly info: ProviderInfo;
  /** Validates and normalizes the account's provider-specific settings; throws VALIDATION. */
  parseSettings(settings: Record<string, string>): Record<string, string>;
  listTokens(ctx: AccountContext): Promise<ServiceToken[]>;
  createToken(ctx: AccountContext, request: CreateTokenRequest): Promise<CreatedToken>;
  revokeToken(ctx: AccountContext, tokenId: string): Promise<void>;
  /** Proves `secret` works against the service; throws AUTH_FAILED / FORBIDDEN / … if not. */
  verify(ctx: AccountContext, secret: string): Promise<void>;
  /** Whether a listed token is the one whose secret is `secret` (e.g. by its prefix). */
  isTokenOf(token: ServiceToken, secret: string): boolean;
}
