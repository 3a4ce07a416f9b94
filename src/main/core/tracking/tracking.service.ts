import { randomUUID } from 'node:crypto';
import { AppError, isTokenInactive } from '../../../shared/errors';
import type { TokenInfo } from '../../../shared/model';
import type { AccountAccess } from '../accounts/account-access';
import type { Clock } from '../clock';
import type { InventoryCache } from '../inventory/inventory-cache';
import type { InventoryService } from '../inventory/inventory.service';
import type { Logger } from '../log/logger';
import type { ServiceToken } from '../providers/provider-adapter';
import type { PublishBindings } from '../publish/publish-bindings';
import type { RotationLeases } from '../rotation/rotation-leases';
import { secretKeys, type SecretStore } from '../secrets/secret-store';
import type { SecretLedger } from '../tokens/secret-ledger';
import type { TrackedTokenStore } from './tracked-token-store';

export interface TrackTokenInput {
  accountId: string;
  name: string;
  secret: string;
  description?: string | undefined;
  project?: string | undefined;
  role?: string | undefined;
  createdAt?: string | undefined;
  expiresAt?: string | undefined;
}

export interface VerifyOutcome {
  works: boolean;
  checkedAt: string;
  problem: { code: string; message: string } | null;
}

/**
 * Tokens of guided services, which the user creates in the service's dashboard: TokenDesk
 * proves a pasted secret works before it keeps anything, then holds the secret in the keychain
 * and the metadata in its own inventory.
 */
export class TrackingService {
  constructor(
    private readonly access: AccountAccess,
    private readonly secrets: SecretStore,
    private readonly ledger: SecretLedger,
    private readonly bindings: PublishBindings,
    private readonly tracked: TrackedTokenStore,
    private readonly cache: InventoryCache,
    private readonly inventory: InventoryService,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly leases: RotationLeases,
  ) {}

  async track(input: TrackTokenInput): Promise<TokenInfo> {
    const { account, adapter, ctx } = await this.access.open(input.accountId);
    const { capabilities, name: service } = adapter.info;
    if (!capabilities.track || account.mode !== 'guided') {
      throw new AppError(
        'UNSUPPORTED',
        `TokenDesk lists ${service} tokens itself for this account; create one with New token instead.`,
      );
    }
    const role = emptyToNull(input.role);
    if (capabilities.roles.length > 0 && (role === null || !capabilities.roles.includes(role))) {
      throw new AppError(
        'VALIDATION',
        `Choose the token's role: ${capabilities.roles.join(' or ')}.`,
      );
    }
    const secret = input.secret.trim();
    const { prefix } = adapter.describeSecret(secret);
    const existing = await this.tracked.list(account.id);
    if (prefix !== null && existing.some((token) => token.prefix === prefix)) {
      throw new AppError('CONFLICT', `TokenDesk tracks a token with the prefix ${prefix} already.`);
    }
    const project = emptyToNull(input.project);
    await adapter.verify(ctx, secret, { project, role });

    const now = this.clock.now().toISOString();
    const token: ServiceToken = {
      id: `trk-${randomUUID()}`,
      name: input.name.trim(),
      prefix,
      description: emptyToNull(input.description),
      project,
      role,
      scopes: [],
      createdAt: checkedDate(input.createdAt, 'created') ?? now,
      expiresAt: checkedDate(input.expiresAt, 'expiry'),
      lastUsedAt: null,
      status: 'active',
      extended: false,
    };
    const key = secretKeys.token(account.id, token.id);
    await this.secrets.set(key, secret);
    try {
      await this.ledger.record(account.id, token.id, true);
      await this.tracked.add(account.id, token);
    } catch (error) {
      await this.secrets.delete(key).catch(() => false);
      throw error;
    }
    await this.inventory.refresh(account.id);
    this.log.info('token tracked', { accountId: account.id, tokenId: token.id });
    return {
      ...token,
      accountId: account.id,
      hasSecret: true,
      isManagementCredential: false,
      source: 'tracked',
      lastVerifiedAt: now,
      leasedBy: null,
    };
  }

  /** Checks a stored secret against the service and records the outcome. */
  async verify(accountId: string, tokenId: string): Promise<VerifyOutcome> {
    const { account, adapter, ctx } = await this.access.open(accountId);
    const secret = await this.secrets.get(secretKeys.token(accountId, tokenId));
    if (secret === null) {
      throw new AppError('NOT_FOUND', 'The keychain holds no secret for this token to check.');
    }
    const cached = await this.cache.get(accountId);
    const token = cached === null ? undefined : cached.tokens.find((t) => t.id === tokenId);
    const scope = { project: token ? token.project : null, role: token ? token.role : null };
    const checkedAt = this.clock.now().toISOString();
    let outcome: VerifyOutcome;
    let refusal: AppError | null = null;
    try {
      await adapter.verify(ctx, secret, scope);
      await this.ledger.markVerified(accountId, tokenId);
      outcome = { works: true, checkedAt, problem: null };
    } catch (error) {
      if (!(error instanceof AppError) || !['AUTH_FAILED', 'FORBIDDEN'].includes(error.code)) {
        throw error;
      }
      refusal = error;
      outcome = { works: false, checkedAt, problem: error.toInfo() };
    }
    if (account.mode === 'guided' && token !== undefined) {
      await this.tracked.patch(accountId, tokenId, {
        status: statusAfter(refusal, token, checkedAt),
      });
      await this.inventory.refresh(accountId);
    } else {
      await this.inventory.announce(accountId);
    }
    return outcome;
  }

  /** Stops tracking a guided token and drops its secret; the service is not told. */
  async forget(accountId: string, tokenId: string): Promise<void> {
    const { account } = await this.access.open(accountId);
    if (account.mode !== 'guided') {
      throw new AppError('UNSUPPORTED', 'Only tracked tokens can be forgotten; revoke this one.');
    }
    await this.leases.requireTokenFree(accountId, tokenId, 'forget this token');
    await this.tracked.remove(accountId, tokenId);
    await this.secrets.delete(secretKeys.token(accountId, tokenId));
    await this.ledger.forget(accountId, tokenId);
    await this.bindings.forget(accountId, tokenId);
    await this.inventory.refresh(accountId);
    this.log.info('tracked token forgotten', { accountId, tokenId });
  }
}

function emptyToNull(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

function checkedDate(value: string | undefined, what: string): string | null {
  const text = emptyToNull(value);
  if (text === null) return null;
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new AppError('VALIDATION', `The ${what} date is not a date.`);
  return new Date(time).toISOString();
}

/** What a check says of a tracked token; `refusal` is null when the token worked. */
function statusAfter(
  refusal: AppError | null,
  token: ServiceToken,
  checkedAt: string,
): ServiceToken['status'] {
  if (refusal === null) return 'active';
  if (token.expiresAt !== null && token.expiresAt <= checkedAt) return 'expired';
  // Switched off can be switched on again: calling it revoked would tell the user to give up on it.
  if (isTokenInactive(refusal)) return 'inactive';
  return refusal.code === 'FORBIDDEN' ? 'active' : 'revoked';
}
