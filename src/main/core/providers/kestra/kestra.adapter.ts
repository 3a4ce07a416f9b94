import { AppError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import { systemClock } from '../../clock';
import type { HttpRequest, HttpResponse } from '../../http/http-client.types';
import type {
  AccountContext,
  CreateTokenRequest,
  CreatedToken,
  ApiAdapter,
  ServiceToken,
  VerifyScope,
} from '../provider-adapter';
import { tokenUrl, tokensUrl, verifyUrl } from './kestra-paths';
import { kestraSettingsRecord, parseKestraSettings } from './kestra-settings';
import type { KestraSettings } from './kestra-settings';
import { KESTRA_PREFIX_LENGTH, kestraInfo } from './kestra.info';
import {
  KestraApiTokenListSchema,
  KestraCreatedTokenSchema,
  KestraSearchSchema,
} from './kestra.schemas';
import type { KestraApiToken } from './kestra.schemas';

const SERVICE = 'Kestra';
const DAY_MS = 24 * 3600_000;
const MAX_DESCRIPTION = 2000;
/** A shorter prefix could match more than one token's secret; Kestra's are 12 characters. */
const MIN_PREFIX_FOR_MATCH = 8;

export interface KestraAdapterOptions {
  clock?: Clock;
}

type KestraCall = Omit<HttpRequest, 'service' | 'headers' | 'secrets'>;

function send(ctx: AccountContext, call: KestraCall, bearer: string): Promise<HttpResponse> {
  return ctx.http.request({
    ...call,
    service: SERVICE,
    headers: { authorization: `Bearer ${bearer}` },
    secrets: ctx.credential === null ? [bearer] : [ctx.credential, bearer],
  });
}

function settingsOf(ctx: AccountContext): KestraSettings {
  return parseKestraSettings(ctx.account.settings);
}

/** A token works in one tenant; the scope's project, when given, names it. */
function verifyTenant(settings: KestraSettings, scope: VerifyScope | undefined): string | null {
  return scope === undefined ? settings.tenant : (scope.project ?? settings.tenant);
}

export function createKestraAdapter(options: KestraAdapterOptions = {}): ApiAdapter {
  const clock = options.clock ?? systemClock;

  function toServiceToken(item: KestraApiToken, settings: KestraSettings): ServiceToken {
    const expiresAt = item.exp ?? null;
    // Kestra computes `expired`; older versions may leave it out, so fall back to exp < now.
    const expired =
      item.expired ?? (expiresAt !== null && Date.parse(expiresAt) < clock.now().getTime());
    return {
      id: item.id,
      name: item.name,
      prefix: item.prefix ?? null,
      description: item.description?.slice(0, MAX_DESCRIPTION) ?? null,
      project: settings.tenant,
      role: null,
      scopes: [],
      createdAt: item.iat ?? null,
      expiresAt,
      lastUsedAt: item.lastUsed ?? null,
      status: expired ? 'expired' : 'active',
      extended: item.extended ?? false,
    };
  }

  return {
    info: kestraInfo,

    parseSettings: (settings) => kestraSettingsRecord(parseKestraSettings(settings)),

    async listTokens(ctx) {
      const settings = settingsOf(ctx);
      const response = await send(
        ctx,
        {
          method: 'GET',
          url: tokensUrl(ctx.account, settings),
          retry: 'idempotent',
        },
        ctx.credential,
      );
      const list = response.json(KestraApiTokenListSchema);
      return list.results.map((item) => toServiceToken(item, settings));
    },

    async createToken(ctx, request: CreateTokenRequest): Promise<CreatedToken> {
      const settings = settingsOf(ctx);
      const days = request.expiry.kind === 'days' ? request.expiry.days : null;
      if (request.extended === true && days === null) {
        throw new AppError(
          'VALIDATION',
          'An extended Kestra token needs an expiry: each use pushes the expiry forward by that many days. Choose a number of days, or turn "extended" off.',
        );
      }
      const extended = days !== null && request.extended === true;
      // Not idempotent: a retried POST after a lost answer would create a second token.
      const response = await send(
        ctx,
        {
          method: 'POST',
          url: tokensUrl(ctx.account, settings),
          retry: 'throttled',
          json: {
            name: request.name,
            ...(request.description === undefined ? {} : { description: request.description }),
            // Absent maxAge is how Kestra spells "never expires".
            ...(days === null ? {} : { maxAge: `P${days}D`, extended }),
          },
        },
        ctx.credential,
      );
      const created = response.json(KestraCreatedTokenSchema);
      const now = clock.now();
      return {
        secret: created.fullToken,
        token: {
          id: created.id,
          name: created.name,
          prefix: created.fullToken.slice(0, KESTRA_PREFIX_LENGTH),
          description: request.description ?? null,
          project: settings.tenant,
          role: null,
          scopes: [],
          createdAt: now.toISOString(),
          expiresAt: days === null ? null : new Date(now.getTime() + days * DAY_MS).toISOString(),
          lastUsedAt: null,
          status: 'active',
          extended,
        },
      };
    },

    async revokeToken(ctx, tokenId) {
      const settings = settingsOf(ctx);
      // 404 counts as done: the goal is "this token no longer works", and a revoke retried after
      // a lost answer (or a token already deleted in Kestra's UI) finds it gone. Rotation relies
      // on revoke being idempotent.
      await send(
        ctx,
        {
          method: 'DELETE',
          url: tokenUrl(ctx.account, settings, tokenId),
          retry: 'idempotent',
          acceptStatus: [404],
        },
        ctx.credential,
      );
    },

    async verify(ctx, secret, scope) {
      const tenant = verifyTenant(settingsOf(ctx), scope);
      let response: HttpResponse;
      try {
        response = await send(
          ctx,
          { method: 'GET', url: verifyUrl(ctx.account, tenant), retry: 'idempotent' },
          secret,
        );
      } catch (error) {
        if (error instanceof AppError && error.code === 'AUTH_FAILED') {
          throw new AppError(
            'AUTH_FAILED',
            'Kestra refused the token: it is wrong, expired or revoked.',
          );
        }
        if (error instanceof AppError && error.code === 'FORBIDDEN') {
          const where = tenant === null ? '' : ` in tenant "${tenant}"`;
          throw new AppError(
            'FORBIDDEN',
            `Kestra accepted the token but it may not read flows${where}, which TokenDesk uses to check it. Give its user or service account read access to flows, or check the tenant.`,
          );
        }
        throw error;
      }
      response.json(KestraSearchSchema);
    },

    // Kestra's web UI keeps API tokens under each user's settings, with no stable deep link.
    tokenPageUrl: () => null,

    describeSecret: (secret) => ({ prefix: secret.slice(0, KESTRA_PREFIX_LENGTH) }),

    isTokenOf(token, secret) {
      return (
        token.prefix !== null &&
        token.prefix.length >= MIN_PREFIX_FOR_MATCH &&
        secret.startsWith(token.prefix)
      );
    },
  };
}

export const kestraAdapter: ApiAdapter = createKestraAdapter();
