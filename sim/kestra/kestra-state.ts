import { randomBytes, randomInt } from 'node:crypto';
import type { SimClock } from '../common/sim-clock';
import { SimHttpError } from '../common/sim-error';
import { parseIsoDurationMs } from './iso-duration';
import type {
  KestraApiToken,
  KestraCall,
  KestraCreatedToken,
  KestraOwner,
  KestraSeed,
  KestraTokenSeed,
  KestraTokenView,
} from './kestra.types';

/** Kestra's rule for token names (CreateApiTokenRequest): lowercase kebab-case, 1–63 chars. */
export const KESTRA_TOKEN_NAME = /^(?=.{1,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const KESTRA_PREFIX_LENGTH = 12;

const DAY_MS = 24 * 3600_000;
const MAX_CALLS = 1000;

interface TokenRecord {
  id: string;
  owner: KestraOwner;
  name: string;
  description: string | null;
  fullToken: string;
  iat: Date;
  exp: Date | null;
  maxAge: string | null;
  maxAgeMs: number | null;
  extended: boolean;
  lastUsed: Date | null;
  revokedAt: Date | null;
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Kestra ids look like `4wjtkzwVGBM9yKnjm3yv8r`: 22 base62 characters. */
function newId(): string {
  let id = '';
  for (let i = 0; i < 22; i += 1) id += BASE62[randomInt(BASE62.length)];
  return id;
}

/** 32 random bytes as base64url: 43 characters, the first 12 of which the service shows. */
export function newKestraSecret(): string {
  return randomBytes(32).toString('base64url');
}

function invalid(message: string): SimHttpError {
  return new SimHttpError(422, `Invalid entity: ${message}`);
}

function sameOwner(a: KestraOwner, b: KestraOwner): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** The rules of Kestra Enterprise's API tokens, without HTTP. */
export class KestraState {
  private readonly users = new Map<string, { id: string; superadmin: boolean }>();
  private readonly serviceAccounts = new Map<string, { id: string; tenant: string | null }>();
  private readonly records: TokenRecord[] = [];
  private readonly log: KestraCall[] = [];

  constructor(
    private readonly clock: SimClock,
    seed: KestraSeed = {},
  ) {
    for (const user of seed.users ?? []) {
      this.addUser(user.id, user.superadmin === true);
      for (const token of user.tokens ?? []) this.seedToken({ kind: 'user', id: user.id }, token);
    }
    for (const account of seed.serviceAccounts ?? []) {
      const owner: KestraOwner = {
        kind: 'service-account',
        id: account.id,
        tenant: account.tenant ?? null,
      };
      this.serviceAccounts.set(account.id, { id: account.id, tenant: owner.tenant });
      for (const token of account.tokens ?? []) this.seedToken(owner, token);
    }
  }

  addUser(id: string, superadmin = false): void {
    this.users.set(id, { id, superadmin });
  }

  /**
   * `Authorization: Bearer <fullToken>` must name a live token. Every accepted call marks the
   * token used and, for an extended token, slides its expiry to now + maxAge.
   */
  authenticate(
    authorization: string | undefined,
    call: { route: string; method: string; path: string },
  ): TokenRecord {
    const now = this.clock.now();
    const secret = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? null;
    const record =
      secret === null ? undefined : this.records.find((item) => item.fullToken === secret);
    const live = record !== undefined && record.revokedAt === null && !this.isExpired(record, now);
    this.remember({
      at: now.toISOString(),
      ...call,
      secret,
      tokenId: record?.id ?? null,
      accepted: live,
    });
    if (secret === null) throw new SimHttpError(401, 'Unauthorized: missing bearer token');
    if (record === undefined || !live) {
      throw new SimHttpError(401, 'Unauthorized: invalid or expired API token');
    }
    record.lastUsed = now;
    if (record.extended && record.maxAgeMs !== null) {
      record.exp = new Date(now.getTime() + record.maxAgeMs);
    }
    return record;
  }

  /** A token manages its own owner's tokens; a superadmin user manages everyone's. */
  requireAccess(caller: TokenRecord, target: KestraOwner): void {
    const callerUser = caller.owner.kind === 'user' ? this.users.get(caller.owner.id) : undefined;
    const superadmin = callerUser?.superadmin === true;
    if (!superadmin && !sameOwner(caller.owner, target)) {
      throw new SimHttpError(403, 'Forbidden: this token may not manage these API tokens');
    }
    if (target.kind === 'user' && !this.users.has(target.id)) {
      throw new SimHttpError(404, 'User not found');
    }
    if (target.kind === 'service-account') {
      const account = this.serviceAccounts.get(target.id);
      const inTenant =
        account !== undefined && (target.tenant ?? account.tenant) === account.tenant;
      if (!inTenant) throw new SimHttpError(404, 'Service account not found');
    }
  }

  /**
   * A service account belongs to one tenant: its tokens read nothing in another (403). Users
   * are not modelled per tenant, so their tokens read anywhere.
   */
  requireTenant(caller: TokenRecord, tenant: string | null): void {
    if (caller.owner.kind !== 'service-account' || tenant === null) return;
    const home = this.serviceAccounts.get(caller.owner.id)?.tenant ?? null;
    if (home !== null && home !== tenant) {
      throw new SimHttpError(
        403,
        `Forbidden: this service account has no access to tenant ${tenant}`,
      );
    }
  }

  listTokens(owner: KestraOwner): KestraApiToken[] {
    const now = this.clock.now();
    return this.live(owner).map((record) => ({
      id: record.id,
      name: record.name,
      ...(record.description === null ? {} : { description: record.description }),
      prefix: record.fullToken.slice(0, KESTRA_PREFIX_LENGTH),
      iat: record.iat.toISOString(),
      ...(record.exp === null ? {} : { exp: record.exp.toISOString() }),
      ...(record.lastUsed === null ? {} : { lastUsed: record.lastUsed.toISOString() }),
      extended: record.extended,
      expired: this.isExpired(record, now),
    }));
  }

  /** Validates a CreateApiTokenRequest body the way the service does (422 with a message). */
  createToken(owner: KestraOwner, body: unknown): KestraCreatedToken {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw invalid('the body must be a JSON object');
    }
    const { name, description, maxAge, extended } = body as Record<string, unknown>;
    if (name === undefined || name === null) throw invalid('name: must not be null');
    if (typeof name !== 'string' || !KESTRA_TOKEN_NAME.test(name)) {
      throw invalid(`name: must match "${KESTRA_TOKEN_NAME.source}"`);
    }
    if (description !== undefined && description !== null && typeof description !== 'string') {
      throw invalid('description: must be a string');
    }
    if (extended !== undefined && extended !== null && typeof extended !== 'boolean') {
      throw invalid('extended: must be a boolean');
    }
    let maxAgeMs: number | null = null;
    if (maxAge !== undefined && maxAge !== null) {
      maxAgeMs = typeof maxAge === 'string' ? parseIsoDurationMs(maxAge) : null;
      if (maxAgeMs === null) {
        throw invalid('maxAge: must be an ISO-8601 duration such as P30D or PT12H');
      }
    }
    const now = this.clock.now();
    const record: TokenRecord = {
      id: newId(),
      owner,
      name,
      description: typeof description === 'string' ? description : null,
      fullToken: newKestraSecret(),
      iat: now,
      exp: maxAgeMs === null ? null : new Date(now.getTime() + maxAgeMs),
      maxAge: typeof maxAge === 'string' ? maxAge : null,
      maxAgeMs,
      extended: extended === true,
      lastUsed: null,
      revokedAt: null,
    };
    this.records.push(record);
    return { id: record.id, name: record.name, fullToken: record.fullToken };
  }

  /** Revocation is immediate: the token leaves the list and its next call gets 401. */
  revokeToken(owner: KestraOwner, tokenId: string): void {
    const record = this.live(owner).find((item) => item.id === tokenId);
    if (record === undefined) throw new SimHttpError(404, 'API token not found');
    record.revokedAt = this.clock.now();
  }

  /** Revokes by id whoever owns the token, as a user clicking "delete" in the UI. */
  revokeById(tokenId: string): void {
    const record = this.records.find((item) => item.id === tokenId && item.revokedAt === null);
    if (record === undefined) throw new SimHttpError(404, 'API token not found');
    record.revokedAt = this.clock.now();
  }

  tokens(): KestraTokenView[] {
    const now = this.clock.now();
    return this.records.map((record) => ({
      id: record.id,
      owner: record.owner,
      name: record.name,
      description: record.description,
      secret: record.fullToken,
      prefix: record.fullToken.slice(0, KESTRA_PREFIX_LENGTH),
      iat: record.iat.toISOString(),
      exp: record.exp?.toISOString() ?? null,
      lastUsed: record.lastUsed?.toISOString() ?? null,
      maxAge: record.maxAge,
      extended: record.extended,
      expired: this.isExpired(record, now),
      revoked: record.revokedAt !== null,
    }));
  }

  calls(): KestraCall[] {
    return [...this.log];
  }

  summary(): { users: { id: string; superadmin: boolean }[]; serviceAccounts: unknown[] } {
    return { users: [...this.users.values()], serviceAccounts: [...this.serviceAccounts.values()] };
  }

  private live(owner: KestraOwner): TokenRecord[] {
    return this.records.filter(
      (record) => record.revokedAt === null && sameOwner(record.owner, owner),
    );
  }

  private isExpired(record: TokenRecord, now: Date): boolean {
    return record.exp !== null && record.exp.getTime() < now.getTime();
  }

  private remember(call: KestraCall): void {
    this.log.push(call);
    if (this.log.length > MAX_CALLS) this.log.shift();
  }

  private seedToken(owner: KestraOwner, seed: KestraTokenSeed): void {
    if (!KESTRA_TOKEN_NAME.test(seed.name)) throw new Error(`seed: bad token name ${seed.name}`);
    const secret = seed.secret ?? newKestraSecret();
    if (secret.length < KESTRA_PREFIX_LENGTH) throw new Error('seed: secret too short');
    if (this.records.some((record) => record.fullToken === secret)) {
      throw new Error(`seed: secret of ${seed.name} is not unique`);
    }
    const maxAgeMs = seed.maxAge === undefined ? null : parseIsoDurationMs(seed.maxAge);
    if (seed.maxAge !== undefined && maxAgeMs === null) {
      throw new Error(`seed: bad maxAge ${seed.maxAge}`);
    }
    const now = this.clock.now().getTime();
    const iat = new Date(now - (seed.iatDaysAgo ?? 0) * DAY_MS);
    const lastUsed =
      seed.lastUsedDaysAgo === undefined ? null : new Date(now - seed.lastUsedDaysAgo * DAY_MS);
    const extended = seed.extended === true;
    const expiryBase = extended && lastUsed !== null ? lastUsed : iat;
    this.records.push({
      id: seed.id ?? newId(),
      owner,
      name: seed.name,
      description: seed.description ?? null,
      fullToken: secret,
      iat,
      exp: maxAgeMs === null ? null : new Date(expiryBase.getTime() + maxAgeMs),
      maxAge: seed.maxAge ?? null,
      maxAgeMs,
      extended,
      lastUsed,
      revokedAt: null,
    });
  }
}
