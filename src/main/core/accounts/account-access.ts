import { AppError } from '../../../shared/errors';
import type { Account } from '../../../shared/model';
import type { HttpClient } from '../http/http-client.types';
import type {
  AccountContext,
  ManagedContext,
  ProviderAdapter,
} from '../providers/provider-adapter';
import type { ProviderRegistry } from '../providers/provider-registry';
import { secretKeys, type SecretStore } from '../secrets/secret-store';
import type { AccountRegistry } from './account-registry';

export interface AccountHandle {
  account: Account;
  adapter: ProviderAdapter;
  ctx: AccountContext;
}

export interface ManagedHandle extends AccountHandle {
  ctx: ManagedContext;
}

/** Everything needed to talk to one account's service: its adapter and its credential. */
export class AccountAccess {
  constructor(
    private readonly accounts: AccountRegistry,
    private readonly providers: ProviderRegistry,
    private readonly secrets: SecretStore,
    private readonly http: HttpClient,
  ) {}

  /** Any account; guided accounts come without a credential. */
  async open(accountId: string): Promise<AccountHandle> {
    const account = await this.accounts.get(accountId);
    const adapter = this.providers.get(account.provider);
    if (account.mode === 'guided') {
      return { account, adapter, ctx: { account, credential: null, http: this.http } };
    }
    return this.openManagedAccount(account);
  }

  /** An account TokenDesk manages through the service's API, with its credential. */
  async openManaged(accountId: string): Promise<ManagedHandle> {
    return this.openManagedAccount(await this.accounts.get(accountId));
  }

  async openManagedAccount(account: Account): Promise<ManagedHandle> {
    const adapter = this.providers.get(account.provider);
    if (account.mode === 'guided') {
      throw new AppError(
        'UNSUPPORTED',
        `TokenDesk has no credential to manage “${account.label}”: its tokens are managed in ${adapter.info.name}'s web dashboard.`,
      );
    }
    const credential = await this.secrets.get(secretKeys.management(account.id));
    if (credential === null) {
      throw new AppError(
        'AUTH_FAILED',
        `The keychain has no credential for “${account.label}”. Give it one with “Update credential…” in the account’s menu.`,
      );
    }
    return { account, adapter, ctx: { account, credential, http: this.http } };
  }
}
