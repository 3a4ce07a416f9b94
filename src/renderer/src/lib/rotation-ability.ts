import type { Account, ProviderInfo, TokenInfo } from '../../../shared/model';

/**
 * Whether TokenDesk can rotate the token, by the same rules main checks before it starts: a
 * second token needs create and revoke, a guided rotation needs a way to prove the new one
 * works, and a roll needs only the service's roll. A revoked token has nothing to replace.
 */
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
      return true;
    case 'guided':
      return capabilities.verify && token.source === 'tracked';
  }
}
