import { randomUUID } from 'node:crypto';
import type { SimClock } from '../common/sim-clock';
import { SimHttpError } from '../common/sim-error';
import { tokenNotFound } from './bodhi-errors';
import { newBodhiToken, newUlid, parseBodhiToken } from './bodhi-token-format';
import { BODHI_IDLE_DAYS } from './bodhi.types';
import type {
  BodhiApiToken,
  BodhiCall,
  BodhiInactiveReason,
  BodhiRole,
  BodhiSeed,
  BodhiTokenPage,
  BodhiTokenScope,
  BodhiTokenSeed,
  BodhiTokenStatus,
  BodhiTokenView,
  BodhiUserView,
} from './bodhi.types';

const DAY_MS = 24 * 3600_000;
const IDLE_MS = BODHI_IDLE_DAYS * DAY_MS;
const MAX_CALLS = 1000;
export const DEFAULT_CLIENT_ID = 'resource-tokendesk-sim';

export interface BodhiUser {
  id: string;
  username: string;
  password: string;
  role: BodhiRole;
  firstName: string | null;
  lastName: string | null;
  active: boolean;
}

export interface TokenRecord {
  id: string;
  userId: string;
  name: string;
  scope: BodhiTokenScope;
  secret: string;
  tokenPrefix: string;
  status: BodhiTokenStatus;
  inactiveReason: BodhiInactiveReason | null;
  createdAt: Date;
  updatedAt: Date;
  lastUsedAt: Date | null;
  /** When the idle clock last restarted: creation, use or reactivation. */
  idleSince: Date;
  deleted: boolean;
}

/**
 * The rules of Bodhi App's users and API tokens, without HTTP: each user manages only their own
 * tokens; a token is active or inactive (never expiring); deleting is permanent; a token unused
 * for more than 30 days, or whose user is deactivated, goes inactive.
 */
export class BodhiState {
  readonly clientId: string;
  private readonly users = new Map<string, BodhiUser>();
  private readonly records: TokenRecord[] = [];
  private readonly log: BodhiCall[] = [];

  constructor(
    private readonly clock: SimClock,
    seed: BodhiSeed = {},
  ) {
    this.clientId = seed.clientId ?? DEFAULT_CLIENT_ID;
    for (const user of seed.users ?? []) {
      if (this.findUser(user.username) !== undefined) {
        throw new Error(`seed: duplicate user ${user.username}`);
      }
      const record: BodhiUser = {
        id: user.id ?? randomUUID(),
        username: user.username,
        password: user.password ?? 'password',
        role: user.role ?? 'resource_admin',
        firstName: user.firstName ?? null,
        lastName: user.lastName ?? null,
        active: true,
      };
      this.users.set(record.id, record);
      for (const token of user.tokens ?? []) this.seedToken(record, token);
    }
  }

  now(): Date {
    return this.clock.now();
  }

  // Users --------------------------------------------------------------------------------

  findUser(username: string): BodhiUser | undefined {
    return [...this.users.values()].find((user) => user.username === username);
  }

  /** For dashboard actions: an unknown username is the caller's mistake (404). */
  requireUser(username: string): BodhiUser {
    const user = this.findUser(username);
    if (user === undefined) throw new SimHttpError(404, `No user ${username}`);
    return user;
  }

  userOf(id: string): BodhiUser {
    const user = this.users.get(id);
    if (user === undefined) throw new Error(`no user ${id}`);
    return user;
  }

  /** An admin deactivates a user: every token of theirs goes inactive at once. */
  deactivateUser(user: BodhiUser): void {
    const now = this.clock.now();
    user.active = false;
    for (const token of this.live()) {
      if (token.userId !== user.id || token.status === 'inactive') continue;
      token.status = 'inactive';
      token.inactiveReason = 'user-deactivated';
      token.updatedAt = now;
    }
  }

  // Tokens -------------------------------------------------------------------------------

  liveToken(secret: string): TokenRecord | undefined {
    return this.live().find((token) => token.secret === secret);
  }

  liveTokenByPrefix(tokenPrefix: string): TokenRecord | undefined {
    return this.live().find((token) => token.tokenPrefix === tokenPrefix);
  }

  /** An accepted call: the token shows it was used and its idle clock starts again. */
  markUsed(token: TokenRecord): void {
    const now = this.clock.now();
    token.lastUsedAt = now;
    token.idleSince = now;
  }

  /** The idle rule, applied lazily: whatever ran past 30 idle days is off since that moment. */
  sweep(): void {
    const now = this.clock.now().getTime();
    for (const token of this.live()) {
      if (token.status !== 'active') continue;
      const deadline = token.idleSince.getTime() + IDLE_MS;
      if (now > deadline) {
        token.status = 'inactive';
        token.inactiveReason = 'idle';
        token.updatedAt = new Date(deadline);
      }
    }
  }

  /** The user's own tokens, newest first. */
  listTokens(
    user: BodhiUser,
    { page, pageSize }: { page: number; pageSize: number },
  ): BodhiTokenPage {
    const mine = this.live()
      .filter((token) => token.userId === user.id)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
    return {
      data: mine.slice((page - 1) * pageSize, page * pageSize).map((token) => this.toApi(token)),
      total: mine.length,
      page,
      page_size: pageSize,
    };
  }

  /** A new token; the caller answers its full value this once. */
  createToken(
    user: BodhiUser,
    { name, scope }: { name: string; scope: BodhiTokenScope },
  ): TokenRecord {
    return this.addToken(user, name, scope);
  }

  /**
   * Rename and switch on or off. Switching a token back on restarts its idle clock, so it is
   * not switched off again by the next request.
   */
  updateToken(
    user: BodhiUser,
    id: string,
    { name, status }: { name: string; status: BodhiTokenStatus },
  ): BodhiApiToken {
    const token = this.ownToken(user, id);
    const now = this.clock.now();
    token.name = name;
    if (status !== token.status) {
      token.status = status;
      token.inactiveReason = status === 'inactive' ? 'user' : null;
      if (status === 'active') token.idleSince = now;
    }
    token.updatedAt = now;
    return this.toApi(token);
  }

  /** Permanent: the token stops working at once and leaves the list. */
  deleteToken(user: BodhiUser, id: string): void {
    this.ownToken(user, id).deleted = true;
  }

  /** "Delete" in the web UI, whoever owns the token. */
  deleteById(id: string): void {
    const token = this.live().find((item) => item.id === id);
    if (token === undefined) throw new SimHttpError(404, 'Token not found');
    token.deleted = true;
  }

  // Inspection ---------------------------------------------------------------------------

  tokens(): BodhiTokenView[] {
    this.sweep();
    return this.records.map((token) => ({
      id: token.id,
      userId: token.userId,
      username: this.userOf(token.userId).username,
      name: token.name,
      tokenPrefix: token.tokenPrefix,
      scope: token.scope,
      status: token.status,
      inactiveReason: token.inactiveReason,
      secret: token.secret,
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
      createdAt: token.createdAt.toISOString(),
      updatedAt: token.updatedAt.toISOString(),
      deleted: token.deleted,
    }));
  }

  userViews(): BodhiUserView[] {
    return [...this.users.values()].map(({ id, username, role, active }) => ({
      id,
      username,
      role,
      active,
    }));
  }

  remember(call: BodhiCall): void {
    this.log.push(call);
    if (this.log.length > MAX_CALLS) this.log.shift();
  }

  calls(): BodhiCall[] {
    return [...this.log];
  }

  // Internals ----------------------------------------------------------------------------

  private live(): TokenRecord[] {
    return this.records.filter((token) => !token.deleted);
  }

  /** Another user's token is as unknown as a missing one (404). */
  private ownToken(user: BodhiUser, id: string): TokenRecord {
    const token = this.live().find((item) => item.id === id && item.userId === user.id);
    if (token === undefined) throw tokenNotFound();
    return token;
  }

  private addToken(
    user: BodhiUser,
    name: string,
    scope: BodhiTokenScope,
    secret?: string,
  ): TokenRecord {
    const now = this.clock.now();
    const full = secret ?? newBodhiToken(this.clientId);
    const parsed = parseBodhiToken(full);
    if (!parsed.ok || parsed.clientId !== this.clientId) {
      throw new Error(`not a Bodhi token for client ${this.clientId}`);
    }
    // Bodhi finds a token by its prefix, so two live tokens may not share one.
    if (this.records.some((token) => token.tokenPrefix === parsed.tokenPrefix)) {
      throw new Error('token prefix already in use');
    }
    const token: TokenRecord = {
      id: newUlid(now.getTime()),
      userId: user.id,
      name,
      scope,
      secret: full,
      tokenPrefix: parsed.tokenPrefix,
      status: 'active',
      inactiveReason: null,
      createdAt: now,
      updatedAt: now,
      lastUsedAt: null,
      idleSince: now,
      deleted: false,
    };
    this.records.push(token);
    return token;
  }

  private seedToken(user: BodhiUser, seed: BodhiTokenSeed): void {
    const token = this.addToken(user, seed.name, seed.scope ?? 'scope_token_user', seed.secret);
    const now = this.clock.now().getTime();
    token.createdAt = new Date(now - (seed.createdDaysAgo ?? 0) * DAY_MS);
    token.lastUsedAt =
      seed.lastUsedDaysAgo === undefined ? null : new Date(now - seed.lastUsedDaysAgo * DAY_MS);
    token.idleSince = token.lastUsedAt ?? token.createdAt;
    token.updatedAt = token.idleSince;
    if (seed.status === 'inactive') {
      token.status = 'inactive';
      token.inactiveReason = 'user';
    }
  }

  private toApi(token: TokenRecord): BodhiApiToken {
    return {
      id: token.id,
      user_id: token.userId,
      name: token.name,
      token_prefix: token.tokenPrefix,
      scopes: token.scope,
      status: token.status,
      last_used_at: token.lastUsedAt?.toISOString() ?? null,
      created_at: token.createdAt.toISOString(),
      updated_at: token.updatedAt.toISOString(),
    };
  }
}
