import { AppError, tokenInactiveError } from '../../../../shared/errors';
import { serviceMessage } from '../../http/http-errors';
import type { HttpResponse } from '../../http/http-client.types';
import { versionedApiRoot } from '../api-root';
import type { AccountContext, ProviderAdapter } from '../provider-adapter';
import { partialTokenIdOf, projectIdOf, requireCredentialShape } from './teraswitch-credential';
import { TERASWITCH_DEFAULT_API, teraswitchInfo } from './teraswitch.info';
import { TeraswitchListSchema } from './teraswitch.schemas';

const SERVICE = 'TeraSwitch';
/** The portal (tokens under each project's settings → API Tokens; no deep link is documented). */
const PORTAL = 'https://beta.tsw.io/';

/** An Owner's read: the project's instances. Accounting tokens are refused here. */
function instancesUrl(ctx: AccountContext, projectId: number | null): string {
  const query = projectId === null ? 'Limit=1' : `Limit=1&ProjectId=${projectId}`;
  return `${versionedApiRoot(ctx.account.baseUrl, 'v2')}/Instance?${query}`;
}

/** A billing read, which both roles may make. */
function invoicesUrl(ctx: AccountContext): string {
  return `${versionedApiRoot(ctx.account.baseUrl, 'v2')}/Invoice?limit=1`;
}

async function read(ctx: AccountContext, credential: string, url: string): Promise<void> {
  const response: HttpResponse = await ctx.http.request({
    method: 'GET',
    url,
    service: SERVICE,
    headers: { authorization: `Bearer ${credential}` },
    secrets: [credential],
    retry: 'idempotent',
    acceptStatus: [401],
  });
  if (response.status === 401) {
    // The portal's Inactive switch is undone there; a refusal that names it is no revocation.
    const said = serviceMessage(response.text, [credential]);
    if (said !== null && /\binactive\b/i.test(said)) {
      throw tokenInactiveError(
        'TeraSwitch says the token is Inactive (HTTP 401). Set it Active in the portal to use it again.',
      );
    }
    throw new AppError(
      'AUTH_FAILED',
      'TeraSwitch refused the token (HTTP 401): it is wrong, revoked, or set Inactive in the portal.',
    );
  }
  response.json(TeraswitchListSchema);
}

function isForbidden(error: unknown): boolean {
  return error instanceof AppError && error.code === 'FORBIDDEN';
}

async function verifyOwner(ctx: AccountContext, credential: string, projectId: number | null) {
  try {
    await read(ctx, credential, instancesUrl(ctx, projectId));
  } catch (error) {
    if (!isForbidden(error)) throw error;
    const where = projectId === null ? '' : ` of project ${projectId}`;
    throw new AppError(
      'FORBIDDEN',
      `TeraSwitch accepted the token but refused to list the instances${where} (HTTP 403): it belongs to another project, or it has the Accounting role, not Owner.`,
    );
  }
}

/**
 * Billing proves an Accounting token works, but an Owner token may read billing too; the role
 * the user named is proven only when the Owner's read is refused as well. A token that is
 * stronger than its record says is worth knowing about.
 */
async function verifyAccounting(ctx: AccountContext, credential: string, projectId: number | null) {
  try {
    await read(ctx, credential, invoicesUrl(ctx));
  } catch (error) {
    if (!isForbidden(error)) throw error;
    throw new AppError(
      'FORBIDDEN',
      'TeraSwitch accepted the token but refused to show billing (HTTP 403): the Accounting role should allow that. Check the token’s role in the portal.',
    );
  }
  try {
    await read(ctx, credential, instancesUrl(ctx, projectId));
  } catch (error) {
    if (isForbidden(error)) return;
    throw error;
  }
  throw new AppError(
    'FORBIDDEN',
    'This token has the Owner role at TeraSwitch (it may list instances), not Accounting. Choose Owner, or generate an Accounting token for billing only.',
  );
}

export const teraswitchAdapter: ProviderAdapter = {
  info: teraswitchInfo,

  parseSettings: () => ({}),

  tokenPageUrl: (account) =>
    versionedApiRoot(account.baseUrl, 'v2') === TERASWITCH_DEFAULT_API ? PORTAL : null,

  async verify(ctx, secret, scope) {
    requireCredentialShape(secret);
    const projectId = projectIdOf(scope === undefined ? null : scope.project);
    const role = scope === undefined ? null : scope.role;
    if (role === 'Owner') return verifyOwner(ctx, secret, projectId);
    if (role === 'Accounting') return verifyAccounting(ctx, secret, projectId);
    if (role !== null) {
      throw new AppError('VALIDATION', `TeraSwitch tokens are Owner or Accounting, not “${role}”.`);
    }
    // Without a role only what every token may do can be checked.
    return read(ctx, secret, invoicesUrl(ctx));
  },

  describeSecret: (secret) => ({ prefix: partialTokenIdOf(secret) }),

  isTokenOf(token, secret) {
    const partial = partialTokenIdOf(secret);
    return partial !== null && token.prefix === partial;
  },
};
