import { randomBytes } from 'node:crypto';
import type { SimClock } from '../common/sim-clock';
import { addDays, dateOnly, isExpired, parseDateOnly } from './gitlab-dates';
import { badRequest, invalidParam } from './gitlab-errors';
import {
  GITLAB_ACCESS_LEVELS,
  GITLAB_PERSONAL_SCOPES,
  GITLAB_PROJECT_SCOPES,
  MAINTAINER,
} from './gitlab.types';
import type {
  GitlabApiProjectToken,
  GitlabApiToken,
  GitlabSeed,
  GitlabTokenSeed,
  GitlabTokenView,
} from './gitlab.types';

const DAY_MS = 24 * 3600_000;
/** GitLab 16+: a token may live at most 365 days (PersonalAccessToken::MAX_..._LIFETIME_IN_DAYS). */
export const MAX_LIFETIME_DAYS = 365;
/** RotateService::EXPIRATION_PERIOD: without expires_at, the new token lives one week. */
export const ROTATE_DEFAULT_DAYS = 7;
const FIRST_BOT_ID = 10_000;

export interface GitlabUser {
  id: number;
  username: string;
  admin: boolean;
  /** Set for a project access token's bot user: its project and role there. */
  bot: { projectId: number; accessLevel: number } | null;
}

export interface GitlabProject {
  id: number;
  pathWithNamespace: string;
  /** Human members: user id → access level. */
  members: Map<number, number>;
}

export interface TokenRecord {
  id: number;
  userId: number;
  name: string;
  description: string | null;
  scopes: string[];
  secret: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: string | null;
  revoked: boolean;
  previousId: number | null;
  familyId: number;
}

/** GitLab's own format: `glpat-` and 20 URL-safe random characters. */
export function newGitlabSecret(): string {
  return `glpat-${randomBytes(15).toString('base64url')}`;
}

/** The rules of GitLab's personal and project access tokens, without HTTP. */
export class GitlabState {
  private readonly users = new Map<number, GitlabUser>();
  private readonly projects = new Map<number, GitlabProject>();
  private readonly records: TokenRecord[] = [];
  private nextTokenId = 1;
  private nextBotId = FIRST_BOT_ID;
  /** How many times reuse detection revoked a token family: every one is a user's outage. */
  familyRevocations = 0;

  constructor(
    private readonly clock: SimClock,
    seed: GitlabSeed = {},
  ) {
    for (const user of seed.users ?? []) {
      if (this.users.has(user.id)) throw new Error(`seed: duplicate user id ${user.id}`);
      this.users.set(user.id, {
        id: user.id,
        username: user.username,
        admin: user.admin === true,
        bot: null,
      });
    }
    for (const user of seed.users ?? []) {
      for (const token of user.tokens ?? []) this.seedToken(user.id, token, GITLAB_PERSONAL_SCOPES);
    }
    for (const project of seed.projects ?? []) {
      if (this.projects.has(project.id)) throw new Error(`seed: duplicate project ${project.id}`);
      const members = new Map<number, number>();
      for (const member of project.members ?? []) {
        if (!this.users.has(member.userId)) throw new Error(`seed: no user ${member.userId}`);
        members.set(member.userId, member.accessLevel);
      }
      const record: GitlabProject = {
        id: project.id,
        pathWithNamespace: project.pathWithNamespace,
        members,
      };
      this.projects.set(project.id, record);
      for (const token of project.tokens ?? []) {
        const bot = this.addBotUser(record, token.accessLevel ?? MAINTAINER);
        this.seedToken(bot.id, token, GITLAB_PROJECT_SCOPES);
      }
    }
  }

  now(): Date {
    return this.clock.now();
  }

  today(): string {
    return dateOnly(this.clock.now());
  }

  findUser(id: number): GitlabUser | undefined {
    return this.users.get(id);
  }

  userOf(token: TokenRecord): GitlabUser {
    const user = this.users.get(token.userId);
    if (user === undefined) throw new Error(`token ${token.id} has no user`);
    return user;
  }

  tokenBySecret(secret: string): TokenRecord | undefined {
    return this.records.find((token) => token.secret === secret);
  }

  findToken(id: number): TokenRecord | undefined {
    return this.records.find((token) => token.id === id);
  }

  /** `:id` may be numeric or the URL-decoded `group/project` path. */
  findProject(idOrPath: string): GitlabProject | undefined {
    if (/^\d+$/.test(idOrPath)) return this.projects.get(Number(idOrPath));
    const path = idOrPath.toLowerCase();
    return [...this.projects.values()].find(
      (project) => project.pathWithNamespace.toLowerCase() === path,
    );
  }

  allTokens(): readonly TokenRecord[] {
    return this.records;
  }

  /** Tokens of the project's bot users. */
  projectTokens(project: GitlabProject): TokenRecord[] {
    return this.records.filter((token) => this.userOf(token).bot?.projectId === project.id);
  }

  /** The caller's role in a project: an admin acts as Owner, a bot has its own membership. */
  accessLevelIn(user: GitlabUser, project: GitlabProject): number {
    if (user.admin) return 50;
    if (user.bot !== null) return user.bot.projectId === project.id ? user.bot.accessLevel : 0;
    return project.members.get(user.id) ?? 0;
  }

  addBotUser(project: GitlabProject, accessLevel: number): GitlabUser {
    if (!(GITLAB_ACCESS_LEVELS as readonly number[]).includes(accessLevel)) {
      throw invalidParam('access_level', 'does not have a valid value');
    }
    const id = this.nextBotId;
    this.nextBotId += 1;
    const user: GitlabUser = {
      id,
      username: `project_${project.id}_bot_${randomBytes(4).toString('hex')}`,
      admin: false,
      bot: { projectId: project.id, accessLevel },
    };
    this.users.set(id, user);
    return user;
  }

  /**
   * The validated expires_at of a new token: absent → `fallbackDays` from today (null = error,
   * as creating a token requires a date when expiry is enforced); at most 365 days ahead.
   */
  expiryFrom(raw: unknown, fallbackDays: number | null): string {
    const today = this.today();
    if (raw === undefined || raw === null || raw === '') {
      if (fallbackDays === null) throw badRequest("Expires at can't be blank");
      return addDays(today, fallbackDays);
    }
    const date = typeof raw === 'string' ? parseDateOnly(raw) : null;
    if (date === null) throw invalidParam('expires_at');
    const latest = addDays(today, MAX_LIFETIME_DAYS);
    if (date > latest) throw badRequest(`Expires at must be before ${latest}`);
    return date;
  }

  createToken(input: {
    userId: number;
    name: string;
    description: string | null;
    scopes: string[];
    expiresAt: string | null;
  }): TokenRecord {
    const id = this.nextTokenId;
    this.nextTokenId += 1;
    const token: TokenRecord = {
      id,
      userId: input.userId,
      name: input.name,
      description: input.description,
      scopes: [...input.scopes],
      secret: newGitlabSecret(),
      createdAt: this.clock.now(),
      lastUsedAt: null,
      expiresAt: input.expiresAt,
      revoked: false,
      previousId: null,
      familyId: id,
    };
    this.records.push(token);
    return token;
  }

  /**
   * RotateService: refuses a revoked token (400), revokes the old one and creates its successor
   * in the same family with the same name, description, scopes and owner, a new id and secret,
   * and expires_at from the body or one week from today.
   */
  rotate(token: TokenRecord, expiresAtRaw: unknown): TokenRecord {
    if (token.revoked) throw badRequest('Token already revoked');
    const expiresAt = this.expiryFrom(expiresAtRaw, ROTATE_DEFAULT_DAYS);
    token.revoked = true;
    const next = this.createToken({
      userId: token.userId,
      name: token.name,
      description: token.description,
      scopes: token.scopes,
      expiresAt,
    });
    next.previousId = token.id;
    next.familyId = token.familyId;
    return next;
  }

  revoke(token: TokenRecord): void {
    token.revoked = true;
  }

  isActive(token: TokenRecord): boolean {
    return !token.revoked && !isExpired(token.expiresAt, this.clock.now());
  }

  personalEntity(token: TokenRecord): GitlabApiToken {
    return {
      id: token.id,
      name: token.name,
      revoked: token.revoked,
      created_at: token.createdAt.toISOString(),
      description: token.description,
      scopes: [...token.scopes],
      user_id: token.userId,
      last_used_at: token.lastUsedAt?.toISOString() ?? null,
      active: this.isActive(token),
      expires_at: token.expiresAt,
    };
  }

  projectEntity(token: TokenRecord): GitlabApiProjectToken {
    const bot = this.userOf(token).bot;
    if (bot === null) throw new Error(`token ${token.id} is not a project token`);
    return {
      ...this.personalEntity(token),
      access_level: bot.accessLevel,
      resource_type: 'project',
      resource_id: bot.projectId,
    };
  }

  tokens(): GitlabTokenView[] {
    const now = this.clock.now();
    return this.records.map((token) => {
      const user = this.userOf(token);
      return {
        id: token.id,
        kind: user.bot === null ? 'personal' : 'project',
        name: token.name,
        description: token.description,
        scopes: [...token.scopes],
        userId: token.userId,
        username: user.username,
        projectId: user.bot?.projectId ?? null,
        projectPath:
          user.bot === null
            ? null
            : (this.projects.get(user.bot.projectId)?.pathWithNamespace ?? null),
        accessLevel: user.bot?.accessLevel ?? null,
        secret: token.secret,
        createdAt: token.createdAt.toISOString(),
        lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
        expiresAt: token.expiresAt,
        revoked: token.revoked,
        expired: isExpired(token.expiresAt, now),
        active: this.isActive(token),
        familyId: token.familyId,
        previousId: token.previousId,
      };
    });
  }

  summary(): { users: GitlabUser[]; projects: unknown[] } {
    return {
      users: [...this.users.values()],
      projects: [...this.projects.values()].map((project) => ({
        id: project.id,
        pathWithNamespace: project.pathWithNamespace,
        members: Object.fromEntries(project.members),
      })),
    };
  }

  /**
   * Reuse detection (RevokeTokenFamilyService): revokes every token rotated, directly or not,
   * from `token`. Its ancestors were revoked by their own rotation already.
   */
  revokeFamily(token: TokenRecord): void {
    this.familyRevocations += 1;
    const descendants = new Set<number>([token.id]);
    for (const item of this.records) {
      if (item.previousId !== null && descendants.has(item.previousId)) {
        descendants.add(item.id);
        item.revoked = true;
      }
    }
  }

  private seedToken(userId: number, seed: GitlabTokenSeed, allowed: readonly string[]): void {
    const scopes = seed.scopes ?? ['api'];
    const unknown = scopes.find((scope) => !allowed.includes(scope));
    if (scopes.length === 0 || unknown !== undefined) {
      throw new Error(`seed: bad scopes for ${seed.name}: ${scopes.join(',')}`);
    }
    if (seed.secret !== undefined) {
      if (seed.secret.length < 20) throw new Error(`seed: secret of ${seed.name} too short`);
      if (this.records.some((token) => token.secret === seed.secret)) {
        throw new Error(`seed: secret of ${seed.name} is not unique`);
      }
    }
    const now = this.clock.now().getTime();
    const token = this.createToken({
      userId,
      name: seed.name,
      description: seed.description ?? null,
      scopes,
      expiresAt:
        seed.expiresInDays === undefined ? null : addDays(this.today(), seed.expiresInDays),
    });
    token.secret = seed.secret ?? token.secret;
    token.createdAt = new Date(now - (seed.createdDaysAgo ?? 0) * DAY_MS);
    token.lastUsedAt =
      seed.lastUsedDaysAgo === undefined ? null : new Date(now - seed.lastUsedDaysAgo * DAY_MS);
    token.revoked = seed.revoked === true;
  }
}
