import { AppError, tokenInactiveError } from '../../../../shared/errors';
import type { HttpRequest, HttpResponse } from '../../http/http-client.types';
import type {
  AccountContext,
  ApiAdapter,
  CreateTokenRequest,
  CreatedToken,
  ManagedContext,
  ProviderAdapter,
  ServiceToken,
} from '../provider-adapter';
import {
  modelsUrl,
  tokenUrl,
  tokensPageUrl,
  tokensUrl,
  userInfoUrl,
  webTokensPage,
} from './bodhi-paths';
import { sessionCookieHeader, sessionIdFrom } from './bodhi-session';
import {
  BODHI_NAME_PATTERN,
  BODHI_PREFIX_LENGTH,
  BODHI_SCOPES,
  BODHI_TOKEN_PREFIX,
  bodhiInfo,
  type BodhiScope,
} from './bodhi.info';
import {
  BodhiCreatedSchema,
  BodhiErrorSchema,
  BodhiTokenPageSchema,
  BodhiTokenSchema,
  BodhiUserInfoSchema,
  type BodhiToken,
} from './bodhi.schemas';

const SERVICE = 'Bodhi';
/** 100 pages of 100: far beyond any real user's tokens, but a loop that always ends. */
const MAX_PAGES = 100;
/** `sk-bodhiapp_` and 8 characters of the random part, as Bodhi lists it. */
const SHOWN_PREFIX = /^sk-bodhiapp_[A-Za-z0-9_-]{8}/;

/** Bodhi's API can rename a token and switch it on or off, besides list, create and delete. */
export type BodhiAdapter = ApiAdapter &
  Required<Pick<ProviderAdapter, 'renameToken' | 'setTokenStatus'>>;

type BodhiCall = Omit<HttpRequest, 'service' | 'headers' | 'secrets'>;

/** A token-management call: Bodhi answers it only for the logged-in session's cookie. */
async function manage(ctx: ManagedContext, call: BodhiCall): Promise<HttpResponse> {
  const cookie = sessionCookieHeader(ctx.credential);
  try {
    return await ctx.http.request({
      ...call,
      service: SERVICE,
      headers: { cookie },
      secrets: [ctx.credential, sessionIdFrom(ctx.credential)],
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'AUTH_FAILED') {
      throw new AppError(
        'AUTH_FAILED',
        'Bodhi did not accept the session: it expired or was logged out. Log in to Bodhi in your browser, then paste the new bodhiapp_session_id cookie into “Update credential…” in the account’s menu.',
      );
    }
    if (error instanceof AppError && error.code === 'FORBIDDEN') {
      throw new AppError(
        'FORBIDDEN',
        'Bodhi refused to manage tokens for this session: only a Power User (or above) may, and only from a browser session, never with an API token.',
      );
    }
    throw error;
  }
}

function checkName(name: string): string {
  if (!new RegExp(BODHI_NAME_PATTERN).test(name)) {
    throw new AppError('VALIDATION', 'A Bodhi token name has 3–100 characters, on one line.');
  }
  return name;
}

function scopeOf(request: CreateTokenRequest): BodhiScope {
  const [wanted] = request.scopes ?? [];
  if (wanted === undefined) return 'scope_token_user';
  const scope = BODHI_SCOPES.find((candidate) => candidate === wanted);
  if (scope === undefined) {
    throw new AppError('VALIDATION', `Bodhi token scopes are ${BODHI_SCOPES.join(' and ')}.`);
  }
  return scope;
}

/**
 * Bodhi's own facts only: no expiry (tokens never expire), and `status` with `last_used_at`,
 * from which the attention rules tell when the 30-day idle rule will switch a token off.
 */
function toServiceToken(item: BodhiToken): ServiceToken {
  return {
    id: item.id,
    name: item.name,
    prefix: item.token_prefix ?? null,
    description: null,
    project: null,
    role: null,
    scopes: item.scopes === null || item.scopes === undefined ? [] : [item.scopes],
    createdAt: item.created_at ?? null,
    expiresAt: null,
    lastUsedAt: item.last_used_at ?? null,
    status: item.status,
    extended: false,
  };
}

/**
 * The user info hides why a token failed; a route that requires a token says it, as
 * `auth_error-token_inactive` for a known token that is switched off. Asked only after a
 * refusal, and any trouble asking leaves the plain refusal standing.
 */
async function isSwitchedOff(ctx: AccountContext, secret: string): Promise<boolean> {
  try {
    const response = await ctx.http.request({
      method: 'GET',
      url: modelsUrl(ctx.account),
      service: SERVICE,
      headers: { authorization: `Bearer ${secret}` },
      secrets: ctx.credential === null ? [secret] : [ctx.credential, secret],
      retry: 'idempotent',
      acceptStatus: [401, 403],
    });
    if (response.status !== 401) return false;
    return response.json(BodhiErrorSchema).error.code === 'auth_error-token_inactive';
  } catch {
    return false;
  }
}

export function createBodhiAdapter(): BodhiAdapter {
  async function listAll(ctx: ManagedContext): Promise<BodhiToken[]> {
    // Keyed by id: a token created while paging may shift another onto the next page twice.
    const byId = new Map<string, BodhiToken>();
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const response = await manage(ctx, {
        method: 'GET',
        url: tokensPageUrl(ctx.account, page),
        retry: 'idempotent',
      });
      const { data, total } = response.json(BodhiTokenPageSchema);
      for (const item of data) byId.set(item.id, item);
      if (data.length === 0 || byId.size >= total) break;
    }
    return [...byId.values()];
  }

  async function findToken(ctx: ManagedContext, tokenId: string): Promise<BodhiToken> {
    const token = (await listAll(ctx)).find((item) => item.id === tokenId);
    if (token === undefined) {
      throw new AppError(
        'NOT_FOUND',
        'Bodhi no longer has this token: it may have been deleted. Refresh the list.',
      );
    }
    return token;
  }

  /** Bodhi's update takes name and status together, so the other one is read back first. */
  async function update(
    ctx: ManagedContext,
    tokenId: string,
    change: (token: BodhiToken) => { name: string; status: 'active' | 'inactive' },
  ): Promise<void> {
    const body = change(await findToken(ctx, tokenId));
    const response = await manage(ctx, {
      method: 'PUT',
      url: tokenUrl(ctx.account, tokenId),
      json: body,
      // Setting the same name and status twice has the same effect as once.
      retry: 'idempotent',
    });
    response.json(BodhiTokenSchema);
  }

  return {
    info: bodhiInfo,
    parseSettings: () => ({}),
    tokenPageUrl: (account) => webTokensPage(account),

    async listTokens(ctx) {
      return (await listAll(ctx)).map(toServiceToken);
    },

    async createToken(ctx, request): Promise<CreatedToken> {
      const name = checkName(request.name);
      const scope = scopeOf(request);
      // Not idempotent: a POST retried after a lost answer would mint a second token.
      const response = await manage(ctx, {
        method: 'POST',
        url: tokensUrl(ctx.account),
        json: { name, scope },
        retry: 'throttled',
      });
      const { token: secret } = response.json(BodhiCreatedSchema);
      const prefix = secret.slice(0, BODHI_PREFIX_LENGTH);
      // Bodhi answers only the secret; the token's id and dates come from the list.
      let listed: BodhiToken | undefined;
      try {
        listed = (await listAll(ctx)).find((item) => item.token_prefix === prefix);
      } catch (error) {
        const reason = error instanceof AppError ? ` (${error.message})` : '';
        throw new AppError(
          'SERVICE_ERROR',
          `Bodhi created the token “${name}” (${prefix}…) but TokenDesk could not read it back${reason}. Its secret was not kept: delete it on Bodhi's tokens page and create another.`,
        );
      }
      if (listed === undefined) {
        throw new AppError(
          'BAD_RESPONSE',
          `Bodhi answered a new token (${prefix}…) that its token list does not show. Its secret was not kept: check Bodhi's tokens page.`,
        );
      }
      return { secret, token: toServiceToken(listed) };
    },

    async revokeToken(ctx, tokenId) {
      // 404 counts as done: the goal is "this token no longer works", and a retried delete
      // (or one already done on Bodhi's page) finds it gone. Rotation relies on this.
      await manage(ctx, {
        method: 'DELETE',
        url: tokenUrl(ctx.account, tokenId),
        retry: 'idempotent',
        acceptStatus: [404],
      });
    },

    async renameToken(ctx, tokenId, name) {
      const newName = checkName(name);
      await update(ctx, tokenId, (token) => ({ name: newName, status: token.status }));
    },

    async setTokenStatus(ctx, tokenId, status) {
      await update(ctx, tokenId, (token) => ({ name: token.name, status }));
    },

    async verify(ctx: AccountContext, secret) {
      // No session cookie here: with one, Bodhi would answer for the session, not the token.
      const response = await ctx.http.request({
        method: 'GET',
        url: userInfoUrl(ctx.account),
        service: SERVICE,
        headers: { authorization: `Bearer ${secret}` },
        secrets: ctx.credential === null ? [secret] : [ctx.credential, secret],
        retry: 'idempotent',
      });
      // Bodhi answers 200 for a bad token too, downgraded to logged_out: only this proves it.
      const { auth_status: status } = response.json(BodhiUserInfoSchema);
      if (status !== 'api_token') {
        if (await isSwitchedOff(ctx, secret)) {
          throw tokenInactiveError(
            'Bodhi did not accept the token: it is inactive, switched off by its owner, by Bodhi after 30 days without use, or with its user. Activate it on Bodhi’s tokens page to use it again.',
          );
        }
        // Only Bodhi's own status words are repeated; anything else could be arbitrary text.
        const answered = /^[a-z_]{1,40}$/.test(status) ? ` (it answered “${status}”)` : '';
        throw new AppError(
          'AUTH_FAILED',
          `Bodhi did not accept the token${answered}: it is wrong or deleted, or inactive — switched off by its owner, or by Bodhi after 30 days without use.`,
        );
      }
    },

    describeSecret(secret) {
      const shown = SHOWN_PREFIX.exec(secret.trim());
      return { prefix: shown === null ? null : shown[0] };
    },

    isTokenOf(token, secret) {
      return (
        token.prefix !== null &&
        token.prefix.startsWith(BODHI_TOKEN_PREFIX) &&
        token.prefix.length >= BODHI_PREFIX_LENGTH &&
        secret.startsWith(token.prefix)
      );
    },
  };
}

export const bodhiAdapter: BodhiAdapter = createBodhiAdapter();
