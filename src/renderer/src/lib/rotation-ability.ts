import type { Account, ProviderInfo, TokenInfo } from '../../../shared/model';

/**
 * Whether TokenDesk can rotate the token, by the same rules main checks before it starts: a
 * second token needs create and revoke, a guided rotation needs a way to prove the new one
 * works, and a roll needs only the service's roll. A revoked token has nothing to replace.
 */
/**
 * Where a rotation cannot work but the service creates tokens (GitLab and an expired token):
 * "Create a replacement" with the same settings, the old one kept for the user to revoke.
 */
export function canCreateReplacement(
  token: TokenInfo,
  account: Account | undefined,
  provider: ProviderInfo | undefined,
): boolean {
  if (account === undefined || provider === undefined || account.mode === 'guided') return false;
  return (
    provider.capabilities.create &&
    token.source === 'service' &&
    token.status !== 'revoked' &&
    !canRotate(token, account, provider)
  );
}

export function canRotate(
  token: TokenInfo,
  account: Account | undefined,
  provider: ProviderInfo | undefined,
): boolean {
  if (account === undefined || provider === undefined || token.status === 'revoked') return false;
  const { capabilities } = provider;
  switch (account.mode) {
    case 'api':
      return capabilities.create && capabilities.revoke;
    case 'roll':
      // GitLab answers 401 to a rotate of an expired or revoked token.
      return token.status === 'active';
    case 'guided':
      return capabilities.verify && token.source === 'tracked';
  }
}
