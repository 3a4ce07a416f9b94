import { AppError } from '../../../shared/errors';
import { lifetimeProblem } from '../../../shared/lifetime';
import type { Capabilities, Expiry, TokenInfo } from '../../../shared/model';
import type { AccountAccess } from '../accounts/account-access';
import type { InventoryService } from '../inventory/inventory.service';
import type { InventoryCache } from '../inventory/inventory-cache';
import type { Clock } from '../clock';
import type { Logger } from '../log/logger';
import {
  requireOperation,
  type CreateTokenRequest,
  type ProviderAdapter,
  type ManagedContext,
} from '../providers/provider-adapter';
import { createRequestOf, replacementFor } from '../rotation/replacement-spec';
import type { PublishBindings } from '../publish/publish-bindings';
import type { RotationLeases } from '../rotation/rotation-leases';
import { secretKeys, type SecretStore } from '../secrets/secret-store';
import type { SecretLedger } from './secret-ledger';

export interface CreateTokenInput {
  accountId: string;
  name: string;
  description?: string;
  expiry: Expiry;
  extended?: boolean;
}

export interface CreatedTokenResult {
  token: TokenInfo;
  /** The create-once reveal: the only time a secret leaves main. */
  secret: string;
}

export class TokensService {
  constructor(
    private readonly access: AccountAccess,
    private readonly secrets: SecretStore,
    private readonly ledger: SecretLedger,
    private readonly bindings: PublishBindings,
    private readonly cache: InventoryCache,
    private readonly inventory: InventoryService,
    private readonly log: Logger,
    private readonly leases: RotationLeases,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates a token and puts its secret in the keychain before anything else happens. If the
   * keychain refuses it, the new token is revoked again at once: a token whose secret nobody
   * holds must not be left behind.
   */
  async create(input: CreateTokenInput): Promise<CreatedTokenResult> {
    const { adapter, ctx } = await this.access.openManaged(input.accountId);
    const capabilities = adapter.info.capabilities;
    if (!capabilities.create) {
      throw new AppError(
        'UNSUPPORTED',
        `${adapter.info.name} tokens are created in its web dashboard, not through TokenDesk.`,
      );
    }
    checkName(input.name, capabilities);
    checkExpiry(input.expiry, capabilities);
    return this.createAndStore(adapter, ctx, {
      name: input.name,
      ...(input.description !== undefined && capabilities.description
        ? { description: input.description }
        : {}),
      expiry: input.expiry,
      ...(capabilities.extended ? { extended: input.extended ?? false } : {}),
    });
  }

  /**
   * "Create a replacement", where a rotation cannot work (GitLab cannot roll an expired token):
   * a new token with the old one's name, description, scopes, role, project and lifetime (or
   * the lifetime the user chose). The old token stays for the user to revoke.
   */
  async createReplacement(
    accountId: string,
    tokenId: string,
    chosenLifetime: Expiry | null,
  ): Promise<CreatedTokenResult> {
    const { adapter, ctx } = await this.access.openManaged(accountId);
    const { capabilities } = adapter.info;
    if (!capabilities.create) {
      throw new AppError(
        'UNSUPPORTED',
        `${adapter.info.name} tokens are created in its web dashboard, not through TokenDesk.`,
      );
    }
    const cached = await this.cache.get(accountId);
    const old = cached === null ? undefined : cached.tokens.find((t) => t.id === tokenId);
    if (old === undefined) {
      throw new AppError('NOT_FOUND', 'TokenDesk no longer lists this token; refresh the list.');
    }
    const naming = { name: old.name, description: old.description };
    const replacement = replacementFor(old, naming, capabilities, this.clock.now(), chosenLifetime);
    return this.createAndStore(adapter, ctx, createRequestOf(replacement, capabilities));
  }

  private async createAndStore(
    adapter: ProviderAdapter,
    ctx: ManagedContext,
    request: CreateTokenRequest,
  ): Promise<CreatedTokenResult> {
    const { account } = ctx;
    const created = await requireOperation(adapter, 'createToken', 'create tokens')(ctx, request);
    try {
      await this.secrets.set(secretKeys.token(account.id, created.token.id), created.secret);
    } catch (error) {
      const revoke = requireOperation(adapter, 'revokeToken', 'revoke tokens');
      await revoke(ctx, created.token.id).catch((revokeError: unknown) => {
        this.log.error('could not revoke a token whose secret the keychain refused', {
          accountId: account.id,
          tokenId: created.token.id,
          error: revokeError,
        });
      });
      throw error;
    }
    await this.ledger.record(account.id, created.token.id);
    await this.cache.patchTokens(account.id, (tokens) => [...tokens, created.token]);
    this.log.info('token created', { accountId: account.id, tokenId: created.token.id });
    await this.inventory.announce(account.id);
    return {
      token: {
        ...created.token,
        accountId: account.id,
        hasSecret: true,
        isManagementCredential: false,
        source: 'service',
        lastVerifiedAt: null,
        leasedBy: null,
      },
      secret: created.secret,
    };
  }

  async revoke(accountId: string, tokenId: string): Promise<void> {
    await this.leases.requireTokenFree(accountId, tokenId, 'revoke this token');
    const { adapter, ctx } = await this.access.openManaged(accountId);
    if (!adapter.info.capabilities.revoke) {
      throw new AppError(
        'UNSUPPORTED',
        `${adapter.info.name} tokens are revoked in its web dashboard, not through TokenDesk.`,
      );
    }
    const cached = await this.cache.get(accountId);
    if (cached !== null && cached.managementTokenId === tokenId) {
      throw new AppError(
        'CONFLICT',
        'TokenDesk uses this token to manage the account. Revoking it would lock TokenDesk out; rotate it instead.',
      );
    }
    await requireOperation(adapter, 'revokeToken', 'revoke tokens')(ctx, tokenId);
    await this.secrets.delete(secretKeys.token(accountId, tokenId));
    await this.ledger.forget(accountId, tokenId);
    await this.bindings.forget(accountId, tokenId);
    await this.cache.patchTokens(accountId, (tokens) => tokens.filter((t) => t.id !== tokenId));
    this.log.info('token revoked', { accountId, tokenId });
    await this.inventory.announce(accountId);
  }

  /** Renames a token at the service, where it allows that. */
  async rename(accountId: string, tokenId: string, name: string): Promise<void> {
    await this.leases.requireTokenFree(accountId, tokenId, 'rename this token');
    const { adapter, ctx } = await this.access.openManaged(accountId);
    if (!adapter.info.capabilities.rename) {
      throw new AppError(
        'UNSUPPORTED',
        `${adapter.info.name} does not let TokenDesk rename tokens.`,
      );
    }
    checkName(name, adapter.info.capabilities);
    await requireOperation(adapter, 'renameToken', 'rename tokens')(ctx, tokenId, name);
    await this.afterChange(accountId, tokenId, { name }, 'token renamed');
  }

  /** Switches a token off (it stops working, but can be switched on again) or on. */
  async setStatus(
    accountId: string,
    tokenId: string,
    status: 'active' | 'inactive',
  ): Promise<void> {
    await this.leases.requireTokenFree(accountId, tokenId, 'switch this token on or off');
    const { adapter, ctx } = await this.access.openManaged(accountId);
    if (!adapter.info.capabilities.statusToggle) {
      throw new AppError(
        'UNSUPPORTED',
        `${adapter.info.name} does not let TokenDesk switch tokens on or off.`,
      );
    }
    const cached = await this.cache.get(accountId);
    if (status === 'inactive' && cached !== null && cached.managementTokenId === tokenId) {
      throw new AppError(
        'CONFLICT',
        'TokenDesk uses this token to manage the account. Switching it off would lock TokenDesk out.',
      );
    }
    await requireOperation(adapter, 'setTokenStatus', 'switch tokens on or off')(
      ctx,
      tokenId,
      status,
    );
    await this.afterChange(accountId, tokenId, { status }, 'token status set');
  }

  /**
   * The change shows at once in the cached list; the refresh then brings what else the
   * service changed with it (e.g. dates), and keeps the patched list if the service is away.
   */
  private async afterChange(
    accountId: string,
    tokenId: string,
    patch: { name?: string; status?: 'active' | 'inactive' },
    event: string,
  ): Promise<void> {
    await this.cache.patchTokens(accountId, (tokens) =>
      tokens.map((t) => (t.id === tokenId ? { ...t, ...patch } : t)),
    );
    this.log.info(event, { accountId, tokenId });
    await this.inventory.refresh(accountId);
  }
}

function checkName(name: string, capabilities: Capabilities): void {
  const rule = capabilities.nameRule;
  if (rule !== null && !new RegExp(rule.pattern).test(name)) {
    throw new AppError('VALIDATION', `The name does not fit the service's rule: ${rule.hint}`);
  }
}

function checkExpiry(expiry: Expiry, capabilities: Capabilities): void {
  const problem = lifetimeProblem(expiry, capabilities);
  if (problem !== null) throw new AppError('VALIDATION', problem);
}
