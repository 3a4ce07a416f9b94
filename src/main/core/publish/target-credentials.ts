import { AppError } from '../../../shared/errors';
import type { Account, CredentialRef } from '../../../shared/model';
import type { AccountRegistry } from '../accounts/account-registry';
import { secretKeys, type SecretStore } from '../secrets/secret-store';
import type { SecretLedger } from '../tokens/secret-ledger';

/** The `tokenId` that names an account's management credential rather than one of its tokens. */
export const MANAGEMENT_CREDENTIAL = 'manage';

export type CiProvider = 'github' | 'gitlab';
const names: Record<CiProvider, string> = { github: 'GitHub', gitlab: 'GitLab' };

/**
 * The tokens that authorize writes to CI targets: tokens TokenDesk already holds, referenced by
 * account and token id. The target stores only the reference; the secret is read from the
 * keychain each time it publishes, so a rotated credential is picked up without editing targets.
 */
export class TargetCredentials {
  constructor(
    private readonly registry: AccountRegistry,
    private readonly ledger: SecretLedger,
    private readonly secrets: SecretStore,
  ) {}

  /** When a target is added: the reference names a token of the right service with a stored secret. */
  async check(ref: CredentialRef, provider: CiProvider): Promise<Account> {
    const service = names[provider];
    const account = await this.registry.get(ref.accountId).catch(() => {
      throw new AppError(
        'VALIDATION',
        `The account of the ${service} token chosen for this target does not exist in TokenDesk.`,
      );
    });
    if (account.provider !== provider) {
      throw new AppError(
        'VALIDATION',
        `“${account.label}” is not a ${service} account; this target needs a token of a ${service} account.`,
      );
    }
    if (ref.tokenId === MANAGEMENT_CREDENTIAL) {
      if (provider !== 'gitlab' || account.mode === 'guided') {
        throw new AppError(
          'VALIDATION',
          `“${account.label}” has no management credential in TokenDesk; choose one of its tokens.`,
        );
      }
      return account;
    }
    if (!(await this.ledger.entries(account.id)).has(ref.tokenId)) {
      throw new AppError(
        'VALIDATION',
        `TokenDesk holds no secret for that token of “${account.label}”. Track the token (paste it) first, then choose it for this target.`,
      );
    }
    return account;
  }

  /** When publishing: the credential's current secret. */
  async read(ref: CredentialRef, provider: CiProvider): Promise<string> {
    const service = names[provider];
    const account = await this.registry.get(ref.accountId).catch(() => {
      throw new AppError(
        'NOT_FOUND',
        `The ${service} account whose token this target uses was removed from TokenDesk. Remove the target and add it again with another token.`,
      );
    });
    const key =
      ref.tokenId === MANAGEMENT_CREDENTIAL
        ? secretKeys.management(account.id)
        : secretKeys.token(account.id, ref.tokenId);
    const secret = await this.secrets.get(key);
    if (secret === null) {
      throw new AppError(
        'NOT_FOUND',
        `The keychain no longer holds the ${service} token this target uses to publish (from “${account.label}”). Track it again, or use another token for this target.`,
      );
    }
    return secret;
  }
}
