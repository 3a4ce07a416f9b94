import { AppError } from '../../../../shared/errors';
import type { Account } from '../../../../shared/model';
import type { HttpResponse } from '../../http/http-client.types';
import { versionedApiRoot } from '../api-root';
import type { AccountContext, ProviderAdapter, VerifyScope } from '../provider-adapter';
import { podstackPrefixOf } from './podstack-token-format';
import { PODSTACK_DEFAULT_API, podstackInfo } from './podstack.info';
import { PodstackPodsSchema } from './podstack.schemas';

const SERVICE = 'Podstack';
/**
 * The dashboard of the public API (tokens under Settings → API Tokens; no deep link is
 * documented). Where an enterprise endpoint's dashboard lives is not documented either.
 */
const PUBLIC_TOKEN_PAGE = 'https://cloud.podstack.ai/';

function podsUrl(account: Account): string {
  return `${versionedApiRoot(account.baseUrl, 'v1')}/pods`;
}

function listPods(ctx: AccountContext, secret: string, project: string | null) {
  return ctx.http.request({
    method: 'GET',
    url: podsUrl(ctx.account),
    service: SERVICE,
    // The dashboard and SDK name the project with this header; without it Podstack answers for
    // the account as a whole.
    headers: {
      authorization: `Bearer ${secret}`,
      ...(project === null ? {} : { 'x-project-id': project }),
    },
    secrets: [secret],
    retry: 'idempotent',
  });
}

/** Podstack's errors in the SDK's own terms, which its docs use for troubleshooting. */
function rethrowExplained(error: unknown, scope: VerifyScope | undefined): never {
  if (!(error instanceof AppError)) throw error;
  if (error.code === 'AUTH_FAILED') {
    throw new AppError(
      'AUTH_FAILED',
      'Podstack refused the token (AuthenticationError, HTTP 401): it is wrong, expired or revoked.',
    );
  }
  if (error.code === 'FORBIDDEN') {
    const project = scope === undefined ? null : scope.project;
    throw new AppError(
      'FORBIDDEN',
      project === null
        ? 'Podstack accepted the token but denied access (PermissionError, HTTP 403). Check the account’s status in the dashboard.'
        : `Podstack accepted the token but denied access to project “${project}” (PermissionError, HTTP 403): the project belongs to another account, or its ID is wrong.`,
    );
  }
  throw error;
}

export const podstackAdapter: ProviderAdapter = {
  info: podstackInfo,

  parseSettings: () => ({}),

  tokenPageUrl: (account) =>
    versionedApiRoot(account.baseUrl, 'v1') === PODSTACK_DEFAULT_API ? PUBLIC_TOKEN_PAGE : null,

  async verify(ctx, secret, scope) {
    const project = scope === undefined ? null : scope.project;
    let response: HttpResponse;
    try {
      response = await listPods(ctx, secret, project);
    } catch (error) {
      rethrowExplained(error, scope);
    }
    response.json(PodstackPodsSchema);
  },

  describeSecret: (secret) => ({ prefix: podstackPrefixOf(secret) }),

  isTokenOf(token, secret) {
    const prefix = podstackPrefixOf(secret);
    return prefix !== null && token.prefix === prefix;
  },
};
