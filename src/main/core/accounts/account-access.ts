import { AppError } from '../../../shared/errors';
import type { Account } from '../../../shared/model';
import type { HttpClient } from '../http/http-client.types';
import type {
  AccountContext,
  ManagedContext,
  ProviderAdapter,
} from '../providers/provider-adapter';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { CredentialCache } from '../secrets/credential-cache';
import { secretKeys } from '../secrets/secret-store';
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
    private readonly secrets: CredentialCache,
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
    return this.openWith(account, (key) => this.secrets.get(key));
  }

  /**
   * For listing tokens only: the credential comes from memory after its first read, so a refresh
   * reads nothing from the keychain. Actions that store a secret use openManaged(), which reads
   * the keychain and so stops at a locked keyring before the service changes anything.
   */
  openForListing(account: Account): Promise<ManagedHandle> {
    return this.openWith(account, (key) => this.secrets.getForListing(key));
  }

  private async openWith(
    account: Account,
    read: (key: string) => Promise<string | null>,
  ): Promise<ManagedHandle> {
    const adapter = this.providers.get(account.provider);
    if (account.mode === 'guided') {
      throw new AppError(
        'UNSUPPORTED',
        `TokenDesk has no credential to manage “${account.label}”: its tokens are managed in ${adapter.info.name}'s web dashboard.`,
      );
    }
    const credential = await read(secretKeys.management(account.id));
    if (credential === null) {
      throw new AppError(
        'AUTH_FAILED',
        `The keychain has no credential for “${account.label}”. Give it one with “Update credential…” in the account’s menu.`,
      );
    }
    return { account, adapter, ctx: { account, credential, http: this.http } };
  }
}
