import { AppError } from '../../../shared/errors';
import type { Account, ProviderInfo, RotationMethod } from '../../../shared/model';
import type { ServiceToken } from '../providers/provider-adapter';

export function methodFor(account: Account): RotationMethod {
  switch (account.mode) {
    case 'api':
      return 'overlap';
    case 'roll':
      return 'roll';
    case 'guided':
      return 'guided';
  }
}

/** Refuses what the service cannot do before anything is journaled or created. */
export function checkCapabilities(method: RotationMethod, info: ProviderInfo): void {
  const { capabilities } = info;
  if (method === 'overlap' && !(capabilities.create && capabilities.revoke)) {
    throw new AppError(
      'UNSUPPORTED',
      `TokenDesk cannot create and revoke ${info.name} tokens, so it cannot rotate them here.`,
    );
  }
  if (method === 'guided' && !capabilities.verify) {
    throw new AppError(
      'UNSUPPORTED',
      `TokenDesk cannot check ${info.name} tokens, so it cannot prove a rotation worked.`,
    );
  }
}

export function findOldToken(tokens: readonly ServiceToken[], tokenId: string): ServiceToken {
  const token = tokens.find((candidate) => candidate.id === tokenId);
  if (token === undefined) {
    throw new AppError('NOT_FOUND', 'The service no longer lists this token; refresh the list.');
  }
  if (token.status === 'revoked') {
    throw new AppError(
      'CONFLICT',
      `“${token.name}” is revoked already; there is nothing to rotate.`,
    );
  }
  return token;
}

/**
 * A roll needs a live token: GitLab answers 401 to a rotate of an expired or revoked token. What
 * the user can do instead is create a replacement with the same settings.
 */
export function checkRollable(method: RotationMethod, old: ServiceToken, info: ProviderInfo): void {
  if (method !== 'roll' || old.status === 'active') return;
  throw new AppError(
    'UNSUPPORTED',
    `${info.name} cannot rotate “${old.name}”: it is ${old.status}. Create a replacement instead (a new token with the same settings), then revoke the old one.`,
  );
}

function describeUse(token: ServiceToken): string {
  return token.lastUsedAt === null ? 'never used' : `last used ${token.lastUsedAt.slice(0, 10)}`;
}

/**
 * A service with a cap on active tokens (Podstack: 5) must have room for the new token while the
 * old one still works. Refusing here, before anything exists, is what keeps the rotation from
 * failing half way; the user is told which token to revoke first: the least recently used one
 * other than the token being rotated.
 */
export function checkRoomForNewToken(
  method: RotationMethod,
  info: ProviderInfo,
  tokens: readonly ServiceToken[],
  oldTokenId: string,
  managementTokenId: string | null,
): void {
  const max = info.capabilities.maxActive;
  // A roll replaces the token in place: it never needs a second active one.
  if (max === null || method === 'roll') return;
  const active = tokens.filter((token) => token.status === 'active');
  if (active.length < max) return;
  const others = active
    // Never suggest the token being rotated, nor the one TokenDesk manages the account with.
    .filter((token) => token.id !== oldTokenId && token.id !== managementTokenId)
    .sort(
      (a, b) =>
        (a.lastUsedAt ?? '').localeCompare(b.lastUsedAt ?? '') ||
        (a.createdAt ?? '').localeCompare(b.createdAt ?? ''),
    );
  const first = others[0];
  // A guided service tells TokenDesk nothing of use: the oldest tracked token is only a guess.
  const why = (token: ServiceToken) =>
    method === 'guided'
      ? 'the oldest TokenDesk tracks; check its Last Used in the dashboard'
      : `${describeUse(token)}, the least recently used`;
  const advice =
    first === undefined
      ? 'Revoke a token in its dashboard first.'
      : `Revoke “${first.name}” (${why(first)}) first, then rotate again.`;
  throw new AppError(
    'CONFLICT',
    `${info.name} allows at most ${max} active tokens and this account has ${active.length}. Rotating needs room for one more while the old token still works. ${advice}`,
  );
}
