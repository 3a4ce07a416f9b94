import { randomBytes } from 'node:crypto';
import type { SimClock } from '../common/sim-clock';
import { SimHttpError } from '../common/sim-error';
import { newPodstackPrefix, newPodstackToken, podstackPrefixOf } from './podstack-token';
import { PODSTACK_EXPIRY_DAYS, PODSTACK_MAX_ACTIVE_TOKENS } from './podstack.types';
import type {
  PodstackCreatedToken,
  PodstackDashboardRow,
  PodstackExpiryDays,
  PodstackTokenSeed,
  PodstackTokenStatus,
  PodstackTokenView,
} from './podstack.types';

const DAY_MS = 24 * 3600_000;
const MAX_NAME_LENGTH = 100;

/** The dashboard's own words when a 6th active token is asked for (docs: account/api-tokens). */
export const PODSTACK_LIMIT_MESSAGE =
  'Each account can have up to 5 active tokens. Delete unused tokens to create new ones.';
export const PODSTACK_EXPIRY_MESSAGE =
  'Expiration must be 7, 30, 90, 180 or 365 days, or never (null)';

export interface PodstackTokenRecord {
  id: string;
  accountId: string;
  name: string;
  secret: string;
  prefix: string;
  createdAt: Date;
  expiresInDays: PodstackExpiryDays | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Which token a dashboard action means: its row key, or the Prefix the user sees. */
export interface PodstackTokenRef {
  tokenId?: string;
  prefix?: string;
}

function isExpiryChoice(value: unknown): value is PodstackExpiryDays | null {
  return value === null || PODSTACK_EXPIRY_DAYS.some((days) => days === value);
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) {
    throw new SimHttpError(400, `Name is required (1–${MAX_NAME_LENGTH} characters)`);
  }
  return name;
}

/** Podstack's API tokens and their rules: expiry choices, the 5-active limit, revocation. */
export class PodstackTokens {
  private readonly records: PodstackTokenRecord[] = [];

  constructor(private readonly clock: SimClock) {}

  /** "Create Token" in Settings → API Tokens; the full token is in the answer and nowhere else. */
  create(accountId: string, name: unknown, expiresInDays: unknown): PodstackCreatedToken {
    const checkedName = checkName(name);
    if (!isExpiryChoice(expiresInDays)) throw new SimHttpError(400, PODSTACK_EXPIRY_MESSAGE);
    const now = this.clock.now();
    if (this.activeCount(accountId, now) >= PODSTACK_MAX_ACTIVE_TOKENS) {
      throw new SimHttpError(409, PODSTACK_LIMIT_MESSAGE);
    }
    const prefix = this.freePrefix();
    const record = this.add(accountId, checkedName, expiresInDays, now, {
      secret: newPodstackToken(prefix),
      prefix,
    });
    return {
      id: record.id,
      name: record.name,
      token: record.secret,
      prefix: record.prefix,
      created: record.createdAt.toISOString(),
      expires: record.expiresAt?.toISOString() ?? null,
    };
  }

  /** Revoke is immediate: the row disappears and the next API call with the token gets 401. */
  revoke(ref: PodstackTokenRef): void {
    if ((ref.tokenId === undefined) === (ref.prefix === undefined)) {
      throw new SimHttpError(400, 'Give exactly one of tokenId or prefix');
    }
    const record = this.records.find(
      (item) => item.revokedAt === null && (item.id === ref.tokenId || item.prefix === ref.prefix),
    );
    if (record === undefined) throw new SimHttpError(404, 'API token not found');
    record.revokedAt = this.clock.now();
  }

  /** The account's rows, newest first, as Settings → API Tokens lists them. */
  rows(accountId: string): PodstackDashboardRow[] {
    const now = this.clock.now();
    // Reversed first, so that tokens created in the same millisecond list newest first too.
    return [...this.records]
      .reverse()
      .filter((record) => record.accountId === accountId && record.revokedAt === null)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((record) => ({
        id: record.id,
        name: record.name,
        prefix: record.prefix,
        created: record.createdAt.toISOString(),
        expires: record.expiresAt?.toISOString() ?? null,
        lastUsed: record.lastUsedAt?.toISOString() ?? null,
        status: this.isExpired(record, now) ? 'expired' : 'active',
      }));
  }

  findBySecret(secret: string): PodstackTokenRecord | undefined {
    return this.records.find((record) => record.secret === secret);
  }

  statusOf(record: PodstackTokenRecord, now: Date): PodstackTokenStatus {
    if (record.revokedAt !== null) return 'revoked';
    return this.isExpired(record, now) ? 'expired' : 'active';
  }

  views(): PodstackTokenView[] {
    const now = this.clock.now();
    return this.records.map((record) => ({
      id: record.id,
      accountId: record.accountId,
      name: record.name,
      secret: record.secret,
      prefix: record.prefix,
      createdAt: record.createdAt.toISOString(),
      expiresAt: record.expiresAt?.toISOString() ?? null,
      expiresInDays: record.expiresInDays,
      lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
      status: this.statusOf(record, now),
    }));
  }

  /** A seeded token; the seed may not break the rules a real account could not break either. */
  seed(accountId: string, seed: PodstackTokenSeed): void {
    checkName(seed.name);
    const expiresInDays = seed.expiresInDays ?? null;
    if (!isExpiryChoice(expiresInDays)) throw new Error(`seed: bad expiry for ${seed.name}`);
    const secret = seed.secret ?? newPodstackToken(this.freePrefix());
    const prefix = podstackPrefixOf(secret);
    if (prefix === null) throw new Error(`seed: ${seed.name}'s secret is not a Podstack token`);
    if (this.records.some((record) => record.prefix === prefix)) {
      throw new Error(`seed: prefix ${prefix} of ${seed.name} is not unique`);
    }
    const now = this.clock.now().getTime();
    const createdAt = new Date(now - (seed.createdDaysAgo ?? 0) * DAY_MS);
    const lastUsed =
      seed.lastUsedDaysAgo === undefined ? null : new Date(now - seed.lastUsedDaysAgo * DAY_MS);
    const record = this.add(accountId, seed.name, expiresInDays, createdAt, { secret, prefix });
    record.lastUsedAt = lastUsed;
    if (seed.revoked === true) record.revokedAt = new Date(now);
    if (this.activeCount(accountId, new Date(now)) > PODSTACK_MAX_ACTIVE_TOKENS) {
      throw new Error(`seed: account ${accountId} has more than 5 active tokens`);
    }
  }

  /** Revoked and expired tokens do not count: "Delete unused tokens to create new ones". */
  activeCount(accountId: string, now: Date): number {
    return this.records.filter(
      (record) => record.accountId === accountId && this.statusOf(record, now) === 'active',
    ).length;
  }

  /** Valid until the instant `expiresAt`; from then on the API refuses it. */
  isExpired(record: PodstackTokenRecord, now: Date): boolean {
    return record.expiresAt !== null && now.getTime() >= record.expiresAt.getTime();
  }

  private add(
    accountId: string,
    name: string,
    expiresInDays: PodstackExpiryDays | null,
    createdAt: Date,
    token: { secret: string; prefix: string },
  ): PodstackTokenRecord {
    const record: PodstackTokenRecord = {
      id: `tok_${randomBytes(6).toString('hex')}`,
      accountId,
      name,
      secret: token.secret,
      prefix: token.prefix,
      createdAt,
      expiresInDays,
      expiresAt:
        expiresInDays === null ? null : new Date(createdAt.getTime() + expiresInDays * DAY_MS),
      lastUsedAt: null,
      revokedAt: null,
    };
    this.records.push(record);
    return record;
  }

  /** The prefix is how users tell tokens apart, so the simulator never hands out one twice. */
  private freePrefix(): string {
    for (;;) {
      const prefix = newPodstackPrefix();
      if (!this.records.some((record) => record.prefix === prefix)) return prefix;
    }
  }
}
