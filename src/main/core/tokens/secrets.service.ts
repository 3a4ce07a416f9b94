import { AppError } from '../../../shared/errors';
import type { AccountRegistry } from '../accounts/account-registry';
import type { SecretClipboard } from '../clipboard/secret-clipboard';
import type { InventoryCache } from '../inventory/inventory-cache';
import { secretKeys, type SecretStore } from '../secrets/secret-store';

/** Uses a stored secret on the user's behalf without handing it to the renderer. */
export class SecretsService {
  constructor(
    private readonly accounts: AccountRegistry,
    private readonly secrets: SecretStore,
    private readonly clipboard: SecretClipboard | null,
    private readonly cache: InventoryCache,
  ) {}

  async copy(accountId: string, tokenId: string): Promise<{ clearsAfterSeconds: number }> {
    if (this.clipboard === null) {
      throw new AppError(
        'UNSUPPORTED',
        'Copying a stored secret needs the desktop app: a web page cannot clear the clipboard afterwards.',
      );
    }
    await this.accounts.get(accountId);
    const secret = await this.storedSecret(accountId, tokenId);
    if (secret === null) {
      throw new AppError('NOT_FOUND', 'The keychain holds no secret for this token.');
    }
    return this.clipboard.copy(secret);
  }

  /** The account's own credential lives under its management key, whichever token it is. */
  private async storedSecret(accountId: string, tokenId: string): Promise<string | null> {
    const own = await this.secrets.get(secretKeys.token(accountId, tokenId));
    if (own !== null) return own;
    const cached = await this.cache.get(accountId);
    if (cached === null || cached.managementTokenId !== tokenId) return null;
    return this.secrets.get(secretKeys.management(accountId));
  }
}
