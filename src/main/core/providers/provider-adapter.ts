import { AppError } from '../../../shared/errors';
import type { Account, Expiry, ProviderInfo, TokenInfo } from '../../../shared/model';
import type { HttpClient } from '../http/http-client.types';

/** A token as the service describes it; the core adds account and keychain facts. */
export type ServiceToken = Omit<
  TokenInfo,
  'accountId' | 'hasSecret' | 'isManagementCredential' | 'source' | 'lastVerifiedAt' | 'leasedBy'
>;

export interface AccountContext {
  account: Account;
  /** The management credential from the keychain; null for a guided account without one. */
  credential: string | null;
  http: HttpClient;
}

/** An account TokenDesk can manage through the service's API. */
export interface ManagedContext extends AccountContext {
  credential: string;
}

export interface CreateTokenRequest {
  name: string;
  description?: string;
  expiry: Expiry;
  extended?: boolean;
  scopes?: string[];
  role?: string;
  project?: string;
}

export interface CreatedToken {
  token: ServiceToken;
  secret: string;
}

/** What a token is allowed to reach, for services where a token works in one place only. */
export interface VerifyScope {
  project: string | null;
  role: string | null;
}

/**
 * One per service. Adapters translate; they keep no state and never persist a secret. The
 * management operations exist only where the service has a token API (`info.capabilities`
 * says which); `verify` exists for every service.
 */
export interface ProviderAdapter {
  readonly info: ProviderInfo;
  /** Validates and normalizes the account's provider-specific settings; throws VALIDATION. */
  parseSettings(settings: Record<string, string>): Record<string, string>;
  /** The service's web page for managing tokens, for "open the token page" and guided steps. */
  tokenPageUrl(account: Account): string | null;

  listTokens?(ctx: ManagedContext): Promise<ServiceToken[]>;
  createToken?(ctx: ManagedContext, request: CreateTokenRequest): Promise<CreatedToken>;
  revokeToken?(ctx: ManagedContext, tokenId: string): Promise<void>;
  /** Native roll: the service issues a new secret and kills the old one in the same call. */
  rollToken?(ctx: ManagedContext, tokenId: string, expiry: Expiry | null): Promise<CreatedToken>;
  renameToken?(ctx: ManagedContext, tokenId: string, name: string): Promise<void>;
  setTokenStatus?(
    ctx: ManagedContext,
    tokenId: string,
    status: 'active' | 'inactive',
  ): Promise<void>;

  /** Proves `secret` works against the service; throws AUTH_FAILED / FORBIDDEN / … if not. */
  verify(ctx: AccountContext, secret: string, scope?: VerifyScope): Promise<void>;
  /** What may be shown of a secret the user pasted: the prefix or partial id the service shows. */
  describeSecret(secret: string): { prefix: string | null };
  /** Whether a listed token is the one whose secret is `secret` (e.g. by its prefix). */
  isTokenOf(token: ServiceToken, secret: string): boolean;
}

/** An adapter for a service with a token API: list, create and revoke always exist. */
export type ApiAdapter = ProviderAdapter &
  Required<Pick<ProviderAdapter, 'listTokens' | 'createToken' | 'revokeToken'>>;

/** Narrows to an adapter operation the service offers, or says plainly that it has none. */
export function requireOperation<K extends keyof ProviderAdapter>(
  adapter: ProviderAdapter,
  operation: K,
  what: string,
): NonNullable<ProviderAdapter[K]> {
  const fn = adapter[operation];
  if (fn === undefined) {
    throw new AppError(
      'UNSUPPORTED',
      `${adapter.info.name} does not let TokenDesk ${what}; do it in its web dashboard.`,
    );
  }
  return (fn as (...args: unknown[]) => unknown).bind(adapter) as NonNullable<ProviderAdapter[K]>;
}
