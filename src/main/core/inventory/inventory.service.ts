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
import { KeyedLimiter } from '../util/keyed-limiter';
import { accountStateFor } from './account-state';
import type { CachedAccount, InventoryCache } from './inventory-cache';

interface LiveState {
  state: AccountInventory['state'];
  error: AccountInventory['error'];
  refreshing: boolean;
}

/**
 * How many lists are fetched at once: a few per service origin (one user's requests to one
 * instance, well inside GitLab's and Kestra's rate limits and the connection pool's reuse), and
 * enough in total that a hundred accounts on different services refresh in about one round trip.
 */
export const REFRESH_LIMITS = { perOrigin: 4, total: 128 } as const;

/** Told about every list fetched from a service, e.g. to look for tokens a rotation left behind. */
export type ListedListener = (accountId: string, tokens: readonly ServiceToken[]) => Promise<void>;

/**
 * Every token of every account, as last fetched. A refresh of one account never blocks or
 * spoils another: each keeps its own state, and a failed refresh keeps the last good list.
 */
export class InventoryService {
  private readonly live = new Map<string, LiveState>();
  private readonly inFlight = new Map<string, Promise<AccountInventory>>();
  private readonly limiter = new KeyedLimiter(REFRESH_LIMITS.perOrigin, REFRESH_LIMITS.total);
  /** The listed tokens built from one cached list, reused (same array) while nothing changed. */
  private readonly decorated = new WeakMap<
    ServiceToken[],
    {
      account: Account;
      ledger: ReadonlyMap<string, unknown>;
      managementTokenId: string | null;
      /** Which rotation holds each token, one line per token. */
      leases: string;
      tokens: TokenInfo[];
    }
  >();
  /** Each listed token built from one cached token, reused (same object) while it is the same. */
  private readonly decoratedToken = new WeakMap<ServiceToken, TokenInfo>();
  private readonly listedListeners: ListedListener[] = [];

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
    const results = await Promise.all(
      accounts.map((account) =>
        this.limiter.run(originOf(account), () => this.refreshAccount(account)),
      ),
    );
    // Each account was shown as soon as its list came; the lists reach the disk together.
    await this.cache.settled();
    return results;
  }

  /** Stores a list fetched elsewhere (e.g. while the account was being added), on disk. */
  async remember(
    accountId: string,
    tokens: ServiceToken[],
    managementTokenId: string | null,
  ): Promise<void> {
    const { saved } = await this.store(accountId, tokens, managementTokenId);
    await saved;
  }

  /**
   * Stores a list for the windows at once; the disk gets it with the next write. A list older
   * than the cache's last change (a refresh that read revision `basedOn` before a rotation's
   * promote or a create patched the entry) is dropped, so it cannot undo that change.
   */
  private async store(
    accountId: string,
    tokens: ServiceToken[],
    managementTokenId: string | null,
    basedOn?: number,
  ): Promise<{ saved: Promise<void> }> {
    const list = { asOf: this.clock.now().toISOString(), tokens, managementTokenId };
    const { outcome, saved } = await this.cache.put(accountId, list, basedOn);
    if (outcome === 'superseded') {
      this.log.info('a refreshed list was older than a change already made', { accountId });
    }
    this.live.set(accountId, { state: 'ok', error: null, refreshing: false });
    return { saved };
  }

  /** A refresh does not wait for the disk: the cache is rebuilt by the next refresh if lost. */
  private async storeFetched(
    accountId: string,
    tokens: ServiceToken[],
    managementTokenId: string | null,
    basedOn: number,
  ): Promise<void> {
    const { saved } = await this.store(accountId, tokens, managementTokenId, basedOn);
    saved.catch((error: unknown) => this.log.warn('saving a refreshed list failed', { error }));
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

  whenListed(listener: ListedListener): void {
    this.listedListeners.push(listener);
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
      const basedOn = await this.cache.revisionOf(account.id);
      if (account.mode === 'guided') {
        // A guided service cannot list tokens: the user's tracked tokens are the inventory.
        await this.storeFetched(account.id, await this.tracked.list(account.id), null, basedOn);
      } else {
        const { adapter, ctx } = await this.access.openForListing(account);
        const tokens = await requireOperation(adapter, 'listTokens', 'list tokens')(ctx);
        const management = tokens.find((token) => adapter.isTokenOf(token, ctx.credential));
        await this.storeFetched(account.id, tokens, management ? management.id : null, basedOn);
        await this.tellListed(account.id, tokens);
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

  /** A listener's failure is its own: the refresh itself succeeded. */
  private async tellListed(accountId: string, tokens: readonly ServiceToken[]): Promise<void> {
    for (const listener of this.listedListeners) {
      try {
        await listener(accountId, tokens);
      } catch (error) {
        this.log.warn('a listener of the token list failed', { accountId, error });
      }
    }
  }

  private async decorate(account: Account, cached: CachedAccount): Promise<TokenInfo[]> {
    const ledger = await this.ledger.entries(account.id);
    const leaseOf = await this.leases.tokensOf(account.id);
    const leases = cached.tokens.map((token) => leaseOf(token.id)?.rotationId ?? '').join('\n');
    const known = this.decorated.get(cached.tokens);
    if (
      known !== undefined &&
      known.account === account &&
      known.ledger === ledger &&
      known.managementTokenId === cached.managementTokenId &&
      known.leases === leases
    ) {
      return known.tokens;
    }
    const tokens = cached.tokens.map((token): TokenInfo => {
      const entry = ledger.get(token.id);
      const listed: TokenInfo = {
        ...token,
        accountId: account.id,
        hasSecret: entry !== undefined,
        isManagementCredential: token.id === cached.managementTokenId,
        source: account.mode === 'guided' ? 'tracked' : 'service',
        lastVerifiedAt: entry === undefined ? null : entry.lastVerifiedAt,
        leasedBy: leaseOf(token.id),
      };
      const before = this.decoratedToken.get(token);
      if (before !== undefined && sameListing(before, listed)) return before;
      this.decoratedToken.set(token, listed);
      return listed;
    });
    this.decorated.set(cached.tokens, {
      account,
      ledger,
      managementTokenId: cached.managementTokenId,
      leases,
      tokens,
    });
    return tokens;
  }
}

/** The same cached token listed with the same local facts. */
function sameListing(a: TokenInfo, b: TokenInfo): boolean {
  return (
    a.accountId === b.accountId &&
    a.hasSecret === b.hasSecret &&
    a.isManagementCredential === b.isManagementCredential &&
    a.source === b.source &&
    a.lastVerifiedAt === b.lastVerifiedAt &&
    a.leasedBy?.rotationId === b.leasedBy?.rotationId
  );
}

/** Requests to one service share its origin's limit; a base URL that does not parse has its own. */
function originOf(account: Account): string {
  try {
    return new URL(account.baseUrl).origin;
  } catch {
    return account.id;
  }
}
