import type { Account, AccountInventory, CredentialRef, ProviderInfo } from '../../../shared/model';
import { tokenKey } from './token-key';

/** The core's name for an account's own management credential in a CredentialRef. */
export const MANAGEMENT_TOKEN_ID = 'manage';

export interface CredentialOption {
  /** `accountId/tokenId`, as the select's value. */
  value: string;
  ref: CredentialRef;
  label: string;
}

export interface CredentialChoices {
  options: CredentialOption[];
  /** Accounts of the service where a token can be pasted (tracked) for the target. */
  pasteAccounts: Account[];
}

/**
 * The tokens that may authorize a CI target: the service's tokens whose secret TokenDesk keeps
 * (the target reads it from the keychain at each publish) and, for GitLab, an account's own
 * management credential.
 */
export function credentialChoices(
  service: 'github' | 'gitlab',
  accounts: readonly Account[],
  providers: readonly ProviderInfo[],
  inventory: Record<string, AccountInventory>,
): CredentialChoices {
  const ofService = accounts.filter((account) => account.provider === service);
  const options: CredentialOption[] = [];
  for (const account of ofService) {
    if (service === 'gitlab' && account.mode !== 'guided') {
      const ref = { accountId: account.id, tokenId: MANAGEMENT_TOKEN_ID };
      options.push({
        value: tokenKey(ref),
        ref,
        label: `${account.label} · TokenDesk's credential`,
      });
    }
    const entry = inventory[account.id];
    const tokens = entry === undefined ? [] : entry.tokens;
    for (const token of tokens) {
      // The management credential is offered above, under the name the core stores it by.
      if (!token.hasSecret || token.status !== 'active' || token.isManagementCredential) continue;
      const ref = { accountId: account.id, tokenId: token.id };
      options.push({ value: tokenKey(ref), ref, label: `${account.label} · ${token.name}` });
    }
  }
  const pasteAccounts = ofService.filter((account) => {
    const provider = providers.find((p) => p.kind === account.provider);
    return provider !== undefined && provider.capabilities.track;
  });
  return { options, pasteAccounts };
}
