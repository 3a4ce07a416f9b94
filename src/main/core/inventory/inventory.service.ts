import { AppError } from '../../../shared/errors';
import type { Account, AccountInventory, TokenInfo } from '../../../shared/model';
import type { AccountAccess } from '../accounts/account-access';
import type { AccountRegistry } from '../accounts/account-registry';
import type { Clock } from '../clock';
import type { EmitEvent } from '../events';
import type { Logger } from '../log/logger';
import type { ServiceToken } from '../providers/provider-adapter';
import { requireOperation } from '../providers/provider-adapter';
import type { SecretLedger } from '../tokens/secret-ledger';
import type { RotationLeases } from '../rotation/rotation-leases';
import type { TrackedTokenStore } from '../tracking/tracked-token-store';
import { mapWithConcurrency } from '../util/concurrency';
import { accountStateFor } from './account-state';
import type { CachedAccount, InventoryCache } from './inventory-cache';

interface LiveState {
  state: AccountInventory['state'];
  error: AccountInventory['error'];
  refreshing: boolean;
}

/** Enough to refresh a typical set of accounts in one round, few enough to stay polite. */
export const REFRESH_CONCURRENCY = 6;

/**
 * Every token of every account, as last fetched. A refresh of one account never blocks or
 * spoils another: each keeps its own state, and a failed refresh keeps the last good list.
 */
export class InventoryService {
  private readonly live = new Map<string, LiveState>();
  private readonly inFlight = new Map<string, Promise<AccountInventory>>();

  constructor(
    private readonly accounts: AccountRegistry,
    private readonly access: AccountAccess,
    private readonly cache: InventoryCache,
    private readonly ledger: SecretLedger,
    private readonly tracked: TrackedTokenStore,
    private readonly clock: Clock,
    private readonly emit: EmitEvent,
    private readonly log: Logger,
    private readonly leases: RotationLeases,
  ) {}

  /** The cached view: no network, no keychain. */
  async snapshot(): Promise<AccountInventory[]> {
    const accounts = await this.accounts.list();
    return Promise.all(accounts.map((account) => this.describe(account)));
  }

  async refresh(accountId?: string): Promise<AccountInventory[]> {
    const accounts =
      accountId === undefined ? await this.accounts.list() : [await this.accounts.get(accountId)];
    return mapWithConcurrency(accounts, REFRESH_CONCURRENCY, (account) =>
      this.refreshAccount(account),
    );
  }

  /** Stores a list fetched elsewhere (e.g. while the account was being added). */
  async remember(
    accountId: string,
    tokens: ServiceToken[],
    managementTokenId: string | null,
  ): Promise<void> {
    await this.cache.put(accountId, {
      asOf: this.clock.now().toISOString(),
      tokens,
      managementTokenId,
    });
    this.live.set(accountId, { state: 'ok', error: null, refreshing: false });
  }

  async describe(account: Account): Promise<AccountInventory> {
    const cached = await this.cache.get(account.id);
    const live = this.live.get(account.id) ?? {
      state: cached ? 'ok' : 'never',
      error: null,
      refreshing: false,
    };
    const tokens = cached ? await this.decorate(account, cached) : [];
    return {
      accountId: account.id,
      state: live.state,
      asOf: cached ? cached.asOf : null,
      stale: cached !== null && live.error !== null,
      refreshing: live.refreshing,
      error: live.error,
      leasedBy: await this.leases.ofAccount(account.id),
      tokens,
    };
  }

  /** Tells the windows that an account's tokens changed (after create, revoke, …). */
  async announce(accountId: string): Promise<void> {
    const account = await this.accounts.get(accountId);
    this.emit('inventory:changed', await this.describe(account));
  }

  forget(accountId: string): void {
    this.live.delete(accountId);
  }

  private refreshAccount(account: Account): Promise<AccountInventory> {
    const running = this.inFlight.get(account.id);
    if (running) return running;
    const run = this.fetchAccount(account).finally(() => this.inFlight.delete(account.id));
    this.inFlight.set(account.id, run);
    return run;
  }

  private async fetchAccount(account: Account): Promise<AccountInventory> {
    const previous = this.live.get(account.id);
    this.live.set(account.id, {
      state: previous ? previous.state : 'never',
      error: previous ? previous.error : null,
      refreshing: true,
    });
    this.emit('inventory:changed', await this.describe(account));
    try {
      if (account.mode === 'guided') {
        // A guided service cannot list tokens: the user's tracked tokens are the inventory.
        await this.remember(account.id, await this.tracked.list(account.id), null);
      } else {
        const { adapter, ctx } = await this.access.openManagedAccount(account);
        const tokens = await requireOperation(adapter, 'listTokens', 'list tokens')(ctx);
        const management = tokens.find((token) => adapter.isTokenOf(token, ctx.credential));
        await this.remember(account.id, tokens, management ? management.id : null);
      }
    } catch (error) {
      const appError =
        error instanceof AppError
          ? error
          : new AppError('INTERNAL', 'Refreshing this account failed unexpectedly.');
      if (!(error instanceof AppError)) this.log.error('refresh failed', { error });
      this.live.set(account.id, {
        state: accountStateFor(appError.code),
        error: appError.toInfo(),
        refreshing: false,
      });
    }
    const inventory = await this.describe(account);
    this.emit('inventory:changed', inventory);
    return inventory;
  }

  private async decorate(account: Account, cached: CachedAccount): Promise<TokenInfo[]> {
    const ledger = await this.ledger.entries(account.id);
    const leaseOf = await this.leases.tokensOf(account.id);
    return cached.tokens.map((token) => {
      const entry = ledger.get(token.id);
      return {
        ...token,
        accountId: account.id,
        hasSecret: entry !== undefined,
        isManagementCredential: token.id === cached.managementTokenId,
        source: account.mode === 'guided' ? 'tracked' : 'service',
        lastVerifiedAt: entry === undefined ? null : entry.lastVerifiedAt,
        leasedBy: leaseOf(token.id),
      };
    });
  }
}
