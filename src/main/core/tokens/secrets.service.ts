import { AppError } from '../../../shared/errors';
import type { AccountRegistry } from '../accounts/account-registry';
import type { SecretClipboard } from '../clipboard/secret-clipboard';
import { secretKeys, type SecretStore } from '../secrets/secret-store';

/** Uses a stored secret on the user's behalf without handing it to the renderer. */
export class SecretsService {
  constructor(
    private readonly accounts: AccountRegistry,
    private readonly secrets: SecretStore,
    private readonly clipboard: SecretClipboard | null,
  ) {}

  async copy(accountId: string, tokenId: string): Promise<{ clearsAfterSeconds: number }> {
    if (this.clipboard === null) {
      throw new AppError(
        'UNSUPPORTED',
        'Copying a stored secret needs the desktop app: a web page cannot clear the clipboard afterwards.',
      );
    }
    await this.accounts.get(accountId);
    const secret = await this.secrets.get(secretKeys.token(accountId, tokenId));
    if (secret === null) {
      throw new AppError('NOT_FOUND', 'The keychain holds no secret for this token.');
    }
    return this.clipboard.copy(secret);
  }
}
