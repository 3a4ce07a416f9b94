import { timingSafeEqual } from 'node:crypto';
import type { SimClock } from '../common/sim-clock';
import { SimHttpError } from '../common/sim-error';
import {
  TERASWITCH_SECRET,
  TERASWITCH_TOKEN_ID,
  newTeraswitchSecret,
  newTeraswitchTokenId,
  partialId,
} from './teraswitch-token';
import { TERASWITCH_ROLES, TERASWITCH_TOKEN_STATUSES } from './teraswitch.types';
import type {
  TeraswitchCreatedToken,
  TeraswitchDashboardRow,
  TeraswitchRole,
  TeraswitchTokenSeed,
  TeraswitchTokenStatus,
  TeraswitchTokenView,
} from './teraswitch.types';

const DAY_MS = 24 * 3600_000;
const MAX_NAME_LENGTH = 100;

export interface TeraswitchTokenRecord {
  tokenId: string;
  projectId: number;
  displayName: string;
  role: TeraswitchRole;
  status: TeraswitchTokenStatus;
  secret: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function isRole(value: unknown): value is TeraswitchRole {
  return TERASWITCH_ROLES.some((role) => role === value);
}

function isStatus(value: unknown): value is TeraswitchTokenStatus {
  return TERASWITCH_TOKEN_STATUSES.some((status) => status === value);
}

function checkName(displayName: unknown): string {
  if (
    typeof displayName !== 'string' ||
    displayName.trim() === '' ||
    displayName.length > MAX_NAME_LENGTH
  ) {
    throw new SimHttpError(400, `Display Name is required (1–${MAX_NAME_LENGTH} characters)`);
  }
  return displayName;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** TeraSwitch's project API tokens: one project and one role each, Active or Inactive. */
export class TeraswitchTokens {
  private readonly records: TeraswitchTokenRecord[] = [];

  constructor(private readonly clock: SimClock) {}

  /** "Generate": the secret is shown in the answer and nowhere else. */
  create(projectId: number, displayName: unknown, role: unknown): TeraswitchCreatedToken {
    const name = checkName(displayName);
    if (!isRole(role)) throw new SimHttpError(400, 'Role must be Owner or Accounting');
    const record = this.add({
      tokenId: this.freeTokenId(),
      projectId,
      displayName: name,
      role,
      status: 'Active',
      secret: newTeraswitchSecret(),
      createdAt: this.clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    });
    return {
      tokenId: record.tokenId,
      partialId: partialId(record.tokenId),
      projectId,
      displayName: record.displayName,
      role: record.role,
      status: record.status,
      created: record.createdAt.toISOString(),
      credential: `${record.tokenId}:${record.secret}`,
    };
  }

  /** An Inactive token is refused (401) until it is set Active again. */
  setStatus(ref: string, status: unknown): void {
    if (!isStatus(status)) throw new SimHttpError(400, 'Status must be Active or Inactive');
    this.find(ref).status = status;
  }

  /** Revoke "immediately stops working": the row goes and the next call is a 401. */
  revoke(ref: string): void {
    this.find(ref).revokedAt = this.clock.now();
  }

  /** The project's rows, newest first. */
  rows(projectId: number): TeraswitchDashboardRow[] {
    // Reversed first, so that tokens created in the same millisecond list newest first too.
    return [...this.records]
      .reverse()
      .filter((record) => record.projectId === projectId && record.revokedAt === null)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((record) => ({
        tokenId: partialId(record.tokenId),
        displayName: record.displayName,
        role: record.role,
        status: record.status,
        created: record.createdAt.toISOString(),
      }));
  }

  /** The token a `tokenId:secret` names, if the secret matches; revoked ones included. */
  match(tokenId: string, secret: string): TeraswitchTokenRecord | undefined {
    const record = this.records.find((item) => item.tokenId === tokenId);
    return record !== undefined && sameSecret(record.secret, secret) ? record : undefined;
  }

  byId(tokenId: string): TeraswitchTokenRecord | undefined {
    return this.records.find((item) => item.tokenId === tokenId);
  }

  views(): TeraswitchTokenView[] {
    return this.records.map((record) => ({
      tokenId: record.tokenId,
      partialId: partialId(record.tokenId),
      projectId: record.projectId,
      displayName: record.displayName,
      role: record.role,
      status: record.status,
      revoked: record.revokedAt !== null,
      secret: record.secret,
      credential: `${record.tokenId}:${record.secret}`,
      createdAt: record.createdAt.toISOString(),
      lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    }));
  }

  seed(projectId: number, seed: TeraswitchTokenSeed): void {
    checkName(seed.displayName);
    if (!isRole(seed.role)) throw new Error(`seed: bad role for ${seed.displayName}`);
    const tokenId = seed.tokenId ?? this.freeTokenId();
    if (!TERASWITCH_TOKEN_ID.test(tokenId))
      throw new Error(`seed: token id ${tokenId} is not a UUID`);
    if (this.byId(tokenId) !== undefined) throw new Error(`seed: token id ${tokenId} repeats`);
    const secret = seed.secret ?? newTeraswitchSecret();
    if (!TERASWITCH_SECRET.test(secret))
      throw new Error(`seed: bad secret for ${seed.displayName}`);
    const now = this.clock.now().getTime();
    this.add({
      tokenId,
      projectId,
      displayName: seed.displayName,
      role: seed.role,
      status: seed.status ?? 'Active',
      secret,
      createdAt: new Date(now - (seed.createdDaysAgo ?? 0) * DAY_MS),
      lastUsedAt:
        seed.lastUsedDaysAgo === undefined ? null : new Date(now - seed.lastUsedDaysAgo * DAY_MS),
      revokedAt: seed.revoked === true ? new Date(now) : null,
    });
  }

  /**
   * A dashboard action's token: by its full id, or by the partial id the user reads off the page
   * (which must then name exactly one unrevoked token).
   */
  private find(ref: string): TeraswitchTokenRecord {
    const live = this.records.filter((record) => record.revokedAt === null);
    const exact = live.find((record) => record.tokenId === ref);
    if (exact !== undefined) return exact;
    const partial = live.filter((record) => partialId(record.tokenId) === ref);
    if (partial.length > 1) throw new SimHttpError(409, `Token Id ${ref} is ambiguous`);
    const [record] = partial;
    if (record === undefined) throw new SimHttpError(404, 'API token not found');
    return record;
  }

  private add(record: TeraswitchTokenRecord): TeraswitchTokenRecord {
    this.records.push(record);
    return record;
  }

  /** Partial ids are how users tell tokens apart, so the simulator never repeats one. */
  private freeTokenId(): string {
    for (;;) {
      const tokenId = newTeraswitchTokenId();
      const shown = partialId(tokenId);
      if (!this.records.some((record) => partialId(record.tokenId) === shown)) return tokenId;
    }
  }
}
