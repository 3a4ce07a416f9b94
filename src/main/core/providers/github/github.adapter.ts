import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { Account } from '../../../../shared/model';
import type { ProviderAdapter } from '../provider-adapter';
import { githubRequest, githubUrl } from './github-http';
import { githubInfo } from './github.info';

/** GitHub's token types, by the prefix it puts on each (2021 token format). */
const TOKEN_PREFIX = /^(?:github_pat_|gh[pousr]_)/;
/** What TokenDesk shows of a token: its type prefix and the next 4 characters. */
const SHOWN_AFTER_PREFIX = 4;

const UserSchema = z.object({ login: z.string().min(1) });

/** github.com's API lives on api.github.com; GHES serves it under /api/v3 of the web host. */
function webOrigin(account: Account): string {
  const url = new URL(account.baseUrl);
  const host = url.host.startsWith('api.') ? url.host.slice('api.'.length) : url.host;
  return `${url.protocol}//${host}`;
}

export const githubAdapter: ProviderAdapter = {
  info: githubInfo,

  parseSettings: () => ({}),

  tokenPageUrl: (account) => `${webOrigin(account)}/settings/tokens`,

  async verify(ctx, secret) {
    try {
      const response = await githubRequest(ctx.http, secret, {
        method: 'GET',
        url: githubUrl(ctx.account.baseUrl, 'user'),
        retry: 'idempotent',
      });
      // The login proves the answer came from GitHub's API, not a proxy's page.
      response.json(UserSchema);
    } catch (error) {
      if (error instanceof AppError && error.code === 'AUTH_FAILED') {
        throw new AppError(
          'AUTH_FAILED',
          'GitHub refused the token (HTTP 401): it is wrong, expired or revoked.',
        );
      }
      throw error;
    }
  },

  describeSecret(secret) {
    const prefix = TOKEN_PREFIX.exec(secret);
    return {
      prefix: prefix === null ? null : secret.slice(0, prefix[0].length + SHOWN_AFTER_PREFIX),
    };
  },

  isTokenOf(token, secret) {
    return (
      token.prefix !== null && TOKEN_PREFIX.test(token.prefix) && secret.startsWith(token.prefix)
    );
  },
};
