import { AppError } from '../../../shared/errors';
import type { Account } from '../../../shared/model';
import type { HttpClient } from '../http/http-client.types';
import type { AccountContext, ProviderAdapter } from '../providers/provider-adapter';
import type { ProviderRegistry } from '../providers/provider-registry';
import { secretKeys, type SecretStore } from '../secrets/secret-store';
import type { AccountRegistry } from './account-registry';

export interface AccountHandle {
  account: Account;
  adapter: ProviderAdapter;
  ctx: AccountContext;
}

/** Everything needed to talk to one account's service: its adapter and its credential. */
export class AccountAccess {
  constructor(
    private readonly accounts: AccountRegistry,
    private readonly providers: ProviderRegistry,
    private readonly secrets: SecretStore,
    private readonly http: HttpClient,
  ) {}

  async open(accountId: string): Promise<AccountHandle> {
    const account = await this.accounts.get(accountId);
    return this.openAccount(account);
  }

  async openAccount(account: Account): Promise<AccountHandle> {
    const adapter = this.providers.get(account.provider);
    const credential = await this.secrets.get(secretKeys.management(account.id));
    if (credential === null) {
      throw new AppError(
        'AUTH_FAILED',
        `The keychain has no credential for “${account.label}”. Remove the account and add it again.`,
      );
    }
    return { account, adapter, ctx: { account, credential, http: this.http } };
  }
}
