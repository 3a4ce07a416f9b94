import { AppError } from '../../../shared/errors';
import type { Account, ProviderKind } from '../../../shared/model';
import type { InventoryService } from '../inventory/inventory.service';
import type { InventoryCache } from '../inventory/inventory-cache';
import type { Logger } from '../log/logger';
import { requireOperation, type ServiceToken } from '../providers/provider-adapter';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { PublishBindings } from '../publish/publish-bindings';
import type { RotationLeases } from '../rotation/rotation-leases';
import type { HttpClient } from '../http/http-client.types';
import { secretKeys, type SecretStore } from '../secrets/secret-store';
import type { SecretLedger } from '../tokens/secret-ledger';
import type { TrackedTokenStore } from '../tracking/tracked-token-store';
import type { AccountRegistry } from './account-registry';
import { normalizeBaseUrl } from './base-url';

export interface AddAccountInput {
  provider: ProviderKind;
  label: string;
  baseUrl: string;
  settings: Record<string, string>;
  /** The management credential; optional or absent for services that can be guided. */
  credential?: string | undefined;
}

export class AccountsService {
  constructor(
    private readonly registry: AccountRegistry,
    private readonly providers: ProviderRegistry,
    private readonly secrets: SecretStore,
    private readonly http: HttpClient,
    private readonly inventory: InventoryService,
    private readonly cache: InventoryCache,
    private readonly ledger: SecretLedger,
    private readonly bindings: PublishBindings,
    private readonly tracked: TrackedTokenStore,
    private readonly log: Logger,
    private readonly leases: RotationLeases,
  ) {}

  list(): Promise<Account[]> {
    return this.registry.list();
  }

  /**
   * Adds an account. With a management credential, only once the credential is proven: the
   * service must list the tokens with it. The credential goes to the keychain before the
   * account is saved, and is removed again if saving fails, so no half-added account or
   * orphaned credential remains.
   */
  async add(input: AddAccountInput): Promise<Account> {
    const adapter = this.providers.get(input.provider);
    const label = input.label.trim();
    if (label === '') throw new AppError('VALIDATION', 'Give the account a name.');
    const existing = await this.registry.list();
    if (existing.some((account) => account.label.toLowerCase() === label.toLowerCase())) {
      throw new AppError('VALIDATION', `An account named “${label}” exists already.`);
    }
    const credential = (input.credential ?? '').trim();
    const { credentialNeed, name } = adapter.info;
    if (credentialNeed === 'required' && credential === '') {
      throw new AppError('VALIDATION', `${name} needs a credential to manage its tokens.`);
    }
    const managed = credentialNeed !== 'none' && credential !== '';
    const draft: Account = {
      id: this.registry.newId(),
      provider: input.provider,
      label,
      baseUrl: normalizeBaseUrl(input.baseUrl),
      settings: adapter.parseSettings(input.settings),
      createdAt: '',
      mode: managed ? adapter.info.mode : 'guided',
      tokenPageUrl: null,
    };
    draft.tokenPageUrl = adapter.tokenPageUrl(draft);
    if (!managed) return this.save(draft, null, [], null);

    const ctx = { account: draft, credential, http: this.http };
    const tokens = await requireOperation(adapter, 'listTokens', 'list tokens')(ctx);
    const management = tokens.find((token) => adapter.isTokenOf(token, credential));
    return this.save(draft, credential, tokens, management ? management.id : null);
  }

  private async save(
    draft: Account,
    credential: string | null,
    tokens: ServiceToken[],
    managementTokenId: string | null,
  ): Promise<Account> {
    const credentialKey = secretKeys.management(draft.id);
    if (credential !== null) await this.secrets.set(credentialKey, credential);
    try {
      const { id: _id, createdAt: _createdAt, ...fields } = draft;
      const account = await this.registry.add(draft.id, fields);
      await this.inventory.remember(account.id, tokens, managementTokenId);
      this.log.info('account added', { accountId: account.id, provider: account.provider });
      return account;
    } catch (error) {
      if (credential !== null) await this.secrets.delete(credentialKey).catch(() => false);
      throw error;
    }
  }

  /**
   * Replaces the management credential (a session that expired, a token rotated by hand). The
   * new one must list the tokens before it goes to the keychain; until then the old one stays,
   * whatever fails.
   */
  async setCredential(accountId: string, credential: string): Promise<Account> {
    await this.leases.requireAccountFree(accountId, 'replace this account’s credential');
    const account = await this.registry.get(accountId);
    const adapter = this.providers.get(account.provider);
    const { name } = adapter.info;
    if (account.mode === 'guided') {
      throw new AppError(
        'UNSUPPORTED',
        `“${account.label}” has no credential: its ${name} tokens are managed in the dashboard and tracked here. To manage them through ${name}'s API, add the account again with a credential.`,
      );
    }
    const candidate = credential.trim();
    if (candidate === '') throw new AppError('VALIDATION', 'Paste the new credential.');

    const ctx = { account, credential: candidate, http: this.http };
    let tokens: ServiceToken[];
    try {
      tokens = await requireOperation(adapter, 'listTokens', 'list tokens')(ctx);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw new AppError(
        error.code,
        `${name} did not accept the new credential, so the old one is kept. ${error.message}`,
        error.retryAfterMs,
      );
    }
    await this.secrets.set(secretKeys.management(account.id), candidate);
    const management = tokens.find((token) => adapter.isTokenOf(token, candidate));
    await this.inventory.remember(account.id, tokens, management ? management.id : null);
    await this.inventory.announce(account.id);
    this.log.info('account credential replaced', { accountId: account.id });
    return account;
  }

  /**
   * Forgets the account, its credential, the secrets TokenDesk stored for its tokens and where
   * they were published. The tokens themselves stay valid at the service: removing an account
   * here revokes nothing.
   */
  async remove(accountId: string): Promise<void> {
    await this.registry.get(accountId);
    await this.leases.requireAccountFree(accountId, 'remove this account');
    const withSecret = await this.ledger.entries(accountId);
    await this.registry.remove(accountId);
    await this.secrets.delete(secretKeys.management(accountId));
    for (const tokenId of withSecret.keys()) {
      await this.secrets.delete(secretKeys.token(accountId, tokenId));
    }
    await this.ledger.forget(accountId);
    await this.bindings.forget(accountId);
    await this.cache.remove(accountId);
    await this.tracked.remove(accountId);
    this.inventory.forget(accountId);
    this.log.info('account removed', { accountId });
  }
}
