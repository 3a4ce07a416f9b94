import { AppError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import { systemClock } from '../../clock';
import type { HttpRequest, HttpResponse } from '../../http/http-client.types';
import type {
  AccountContext,
  ApiAdapter,
  CreateTokenRequest,
  CreatedToken,
  ManagedContext,
  ProviderAdapter,
  ServiceToken,
  VerifyScope,
} from '../provider-adapter';
import { expiresAtForCreate, expiresAtForRoll } from './gitlab-expiry';
import { KnownSecrets } from './gitlab-known-secrets';
import { GITLAB_MAX_PAGES, GITLAB_PER_PAGE, nextPage } from './gitlab-pages';
import {
  personalTokenUrl,
  personalTokensUrl,
  projectTokenUrl,
  projectTokensUrl,
  selfUrl,
  userTokensUrl,
  webRoot,
  withQuery,
} from './gitlab-paths';
import {
  gitlabSettingsRecord,
  parseGitlabSettings,
  roleLevel,
  roleName,
  type GitlabSettings,
} from './gitlab-settings';
import { GITLAB_TOKEN_PREFIX, gitlabInfo } from './gitlab.info';
import {
  GitlabNewTokenSchema,
  GitlabTokenListSchema,
  GitlabTokenSchema,
  type GitlabToken,
} from './gitlab.schemas';

const SERVICE = 'GitLab';
/** The type prefix GitLab puts on a secret (`glpat-`, or an instance's own), as shown of it. */
const SECRET_PREFIX = /^[A-Za-z][A-Za-z0-9_]{0,19}-/;

export interface GitlabAdapterOptions {
  clock?: Clock;
}

/** A roll-mode adapter: the token API plus the service's native rotate. */
export type GitlabAdapter = ApiAdapter & Required<Pick<ProviderAdapter, 'rollToken'>>;

type GitlabCall = Omit<HttpRequest, 'service' | 'headers' | 'secrets'>;

function send(ctx: AccountContext, call: GitlabCall, bearer: string): Promise<HttpResponse> {
  return ctx.http.request({
    ...call,
    service: SERVICE,
    // GitLab takes a personal access token as an OAuth-style bearer as well as PRIVATE-TOKEN.
    headers: { authorization: `Bearer ${bearer}` },
    secrets: ctx.credential === null ? [bearer] : [ctx.credential, bearer],
  });
}

function settingsOf(ctx: AccountContext): GitlabSettings {
  return parseGitlabSettings(ctx.account.settings);
}

/** Replaces a failure's message, keeping its code (and so what the UI and engine make of it). */
async function explained<T>(
  run: Promise<T>,
  messages: Partial<Record<AppError['code'], string>>,
): Promise<T> {
  try {
    return await run;
  } catch (error) {
    if (error instanceof AppError) {
      const message = messages[error.code];
      if (message !== undefined) throw new AppError(error.code, message, error.retryAfterMs);
    }
    throw error;
  }
}

export function createGitlabAdapter(options: GitlabAdapterOptions = {}): GitlabAdapter {
  const clock = options.clock ?? systemClock;
  const known = new KnownSecrets();

  function statusOf(item: GitlabToken): ServiceToken['status'] {
    if (item.revoked === true) return 'revoked';
    const expiresAt = item.expires_at ?? null;
    const expired = expiresAt !== null && Date.parse(expiresAt) <= clock.now().getTime();
    if (expired) return 'expired';
    // Older GitLab versions leave `active` out; a token neither revoked nor expired is active.
    return item.active === false ? 'inactive' : 'active';
  }

  function toServiceToken(item: GitlabToken, settings: GitlabSettings): ServiceToken {
    const project = settings.kind === 'project';
    return {
      id: String(item.id),
      name: item.name,
      prefix: GITLAB_TOKEN_PREFIX,
      description: item.description ?? null,
      project: project ? settings.project : null,
      role: project ? roleName(item.access_level) : null,
      scopes: item.scopes ?? [],
      createdAt: item.created_at ?? null,
      expiresAt: item.expires_at ?? null,
      lastUsedAt: item.last_used_at ?? null,
      status: statusOf(item),
      extended: false,
    };
  }

  /** The token `secret` is, as GitLab describes it; works with any scope. */
  async function selfOf(ctx: AccountContext, secret: string): Promise<GitlabToken> {
    const response = await send(
      ctx,
      { method: 'GET', url: selfUrl(ctx.account), retry: 'idempotent' },
      secret,
    );
    const self = response.json(GitlabTokenSchema);
    known.remember(secret, String(self.id));
    return self;
  }

  async function listAll(
    ctx: ManagedContext,
    url: string,
    filters: Record<string, string | number>,
  ): Promise<GitlabToken[]> {
    const items: GitlabToken[] = [];
    let page: number | null = 1;
    for (let fetched = 0; page !== null && fetched < GITLAB_MAX_PAGES; fetched++) {
      // Revoked tokens stay listed at GitLab forever (every rotation leaves one): not shown.
      const query = { ...filters, revoked: 'false', per_page: GITLAB_PER_PAGE, page };
      const response = await send(
        ctx,
        { method: 'GET', url: withQuery(url, query), retry: 'idempotent' },
        ctx.credential,
      );
      items.push(...response.json(GitlabTokenListSchema));
      page = nextPage(response.headers, page);
    }
    return items;
  }

  /** Whose personal tokens: the configured user, or the credential's own. */
  async function personalOwner(
    ctx: ManagedContext,
    settings: GitlabSettings & { kind: 'personal' },
  ): Promise<number> {
    const self = await selfOf(ctx, ctx.credential);
    if (settings.userId !== null) return settings.userId;
    const userId = self.user_id ?? null;
    if (userId === null) {
      throw new AppError(
        'BAD_RESPONSE',
        'GitLab did not say which user the credential belongs to. Enter the User ID in the account settings.',
      );
    }
    return userId;
  }

  function tokenUrl(ctx: AccountContext, settings: GitlabSettings, tokenId: string): string {
    return settings.kind === 'project'
      ? projectTokenUrl(ctx.account, settings.project, tokenId)
      : personalTokenUrl(ctx.account, tokenId);
  }

  function created(
    response: HttpResponse,
    settings: GitlabSettings,
    fallback: Partial<ServiceToken>,
  ): CreatedToken {
    const item = response.json(GitlabNewTokenSchema);
    known.remember(item.token, String(item.id));
    const token = toServiceToken(item, settings);
    return {
      secret: item.token,
      token: {
        ...token,
        createdAt: token.createdAt ?? clock.now().toISOString(),
        role: token.role ?? fallback.role ?? null,
        scopes: token.scopes.length > 0 ? token.scopes : (fallback.scopes ?? []),
      },
    };
  }

  /** A project token must belong to the project, with at least the role asked for. */
  async function checkProjectScope(
    ctx: AccountContext,
    tokenId: number,
    scope: VerifyScope & { project: string },
  ): Promise<void> {
    if (ctx.credential === null) return;
    const where = `project "${scope.project}"`;
    let response: HttpResponse;
    try {
      response = await send(
        ctx,
        {
          method: 'GET',
          url: projectTokenUrl(ctx.account, scope.project, String(tokenId)),
          retry: 'idempotent',
          acceptStatus: [404],
        },
        ctx.credential,
      );
    } catch (error) {
      // The token passed /self already: a 401 here is TokenDesk's own credential failing, and
      // must not read as "this token is dead".
      if (error instanceof AppError && error.code === 'AUTH_FAILED') {
        throw new AppError(
          'FORBIDDEN',
          `The token works, but GitLab refused TokenDesk's own credential when checking that it belongs to ${where}. Update the account's credential.`,
        );
      }
      throw error;
    }
    if (response.status === 404) {
      throw new AppError(
        'FORBIDDEN',
        `GitLab accepted the token, but it is not an access token of ${where}.`,
      );
    }
    const item = response.json(GitlabTokenSchema);
    const required = scope.role === null ? null : roleLevel(scope.role);
    if (required !== null && (item.access_level ?? 0) < required) {
      const has = roleName(item.access_level) ?? 'no role';
      throw new AppError(
        'FORBIDDEN',
        `GitLab accepted the token, but its role in ${where} is ${has}, not ${scope.role ?? ''}.`,
      );
    }
  }

  return {
    info: gitlabInfo,
    parseSettings: (settings) => gitlabSettingsRecord(parseGitlabSettings(settings)),

    async listTokens(ctx) {
      const settings = settingsOf(ctx);
      if (settings.kind === 'project') {
        // Also learns which token the credential is, in case it is one of the project's.
        await selfOf(ctx, ctx.credential);
        const items = await explained(
          listAll(ctx, projectTokensUrl(ctx.account, settings.project), {}),
          {
            NOT_FOUND: `GitLab has no project "${settings.project}" that this credential can see. Check the project path or ID.`,
            AUTH_FAILED: `GitLab refused to list the access tokens of project "${settings.project}" (HTTP 401). Listing them needs the Maintainer or Owner role in the project.`,
          },
        );
        return items.map((item) => toServiceToken(item, settings));
      }
      const owner = await personalOwner(ctx, settings);
      const items = await explained(
        listAll(ctx, personalTokensUrl(ctx.account), { user_id: owner }),
        {
          AUTH_FAILED: `GitLab refused to list the personal access tokens of user ${owner} (HTTP 401). Only an administrator's token may list another user's tokens.`,
        },
      );
      // Should the filter be ignored, an administrator's list would hold everyone's tokens.
      return items
        .filter((item) => (item.user_id ?? owner) === owner)
        .map((item) => toServiceToken(item, settings));
    },

    async createToken(ctx, request: CreateTokenRequest): Promise<CreatedToken> {
      const settings = settingsOf(ctx);
      const expiresAt = expiresAtForCreate(request.expiry, clock.now());
      const scopes = request.scopes ?? settings.scopes;
      const body = {
        name: request.name,
        scopes,
        expires_at: expiresAt,
        ...(request.description === undefined ? {} : { description: request.description }),
      };
      if (settings.kind === 'project') {
        const role = request.role ?? settings.role;
        const level = roleLevel(role);
        if (level === null) {
          throw new AppError('VALIDATION', `GitLab has no role "${role}" for project tokens.`);
        }
        // Not idempotent: a retried POST after a lost answer would create a second token.
        const response = await send(
          ctx,
          {
            method: 'POST',
            url: projectTokensUrl(ctx.account, settings.project),
            json: { ...body, access_level: level },
            retry: 'throttled',
          },
          ctx.credential,
        );
        return created(response, settings, { role, scopes });
      }
      const owner = await personalOwner(ctx, settings);
      const response = await explained(
        send(
          ctx,
          {
            method: 'POST',
            url: userTokensUrl(ctx.account, owner),
            json: body,
            retry: 'throttled',
          },
          ctx.credential,
        ),
        {
          FORBIDDEN:
            "GitLab lets only an administrator's token with the api scope create personal access tokens through its API. Create this one in GitLab (User settings → Access tokens), or use a project account for project tokens.",
        },
      );
      return created(response, settings, { scopes });
    },

    async rollToken(ctx, tokenId, expiry) {
      const settings = settingsOf(ctx);
      // Sent again only after a 429 (GitLab refused it before doing anything): after a 5xx or a
      // lost answer GitLab may have revoked the old token already, and presenting a revoked token
      // to rotate again revokes the whole token family.
      const response = await send(
        ctx,
        {
          method: 'POST',
          url: `${tokenUrl(ctx, settings, tokenId)}/rotate`,
          json: { expires_at: expiresAtForRoll(expiry, clock.now()) },
          retry: 'throttled',
        },
        ctx.credential,
      );
      return created(response, settings, {});
    },

    async revokeToken(ctx, tokenId) {
      const settings = settingsOf(ctx);
      // 404 counts as done: a revoke retried after a lost answer finds the token gone.
      await send(
        ctx,
        {
          method: 'DELETE',
          url: tokenUrl(ctx, settings, tokenId),
          retry: 'idempotent',
          acceptStatus: [404],
        },
        ctx.credential,
      );
    },

    async verify(ctx, secret, scope) {
      const self = await explained(selfOf(ctx, secret), {
        AUTH_FAILED: 'GitLab refused the token: it is wrong, expired or revoked.',
      });
      if (self.revoked === true || self.active === false) {
        throw new AppError('AUTH_FAILED', 'GitLab says the token is no longer active.');
      }
      if (scope !== undefined && scope.project !== null) {
        await checkProjectScope(ctx, self.id, { ...scope, project: scope.project });
      }
    },

    tokenPageUrl(account) {
      const settings = parseGitlabSettings(account.settings);
      if (settings.kind === 'personal') {
        return `${webRoot(account)}/-/user_settings/personal_access_tokens`;
      }
      // Only a path has a settings page address; a numeric id would need a lookup.
      if (/^\d+$/.test(settings.project)) return null;
      return `${webRoot(account)}/${settings.project}/-/settings/access_tokens`;
    },

    describeSecret(secret) {
      const match = SECRET_PREFIX.exec(secret);
      return { prefix: match === null ? null : match[0] };
    },

    isTokenOf(token, secret) {
      return known.idOf(secret) === token.id;
    },
  };
}

export const gitlabAdapter: GitlabAdapter = createGitlabAdapter();
