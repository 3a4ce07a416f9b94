import { join } from 'node:path';
import { z } from 'zod';
import { TokenInfoSchema } from '../../../shared/model';
import type { ServiceToken } from '../providers/provider-adapter';
import { JsonDocument, type RecoveryNotice } from '../storage/json-document';

export const ServiceTokenSchema = TokenInfoSchema.omit({
  accountId: true,
  hasSecret: true,
  isManagementCredential: true,
  source: true,
  lastVerifiedAt: true,
  leasedBy: true,
});

const CachedAccountSchema = z.object({
  asOf: z.string(),
  tokens: z.array(ServiceTokenSchema),
  managementTokenId: z.string().nullable(),
});
export type CachedAccount = z.infer<typeof CachedAccountSchema>;

const CacheFileSchema = z.object({
  version: z.literal(1),
  accounts: z.record(z.string(), CachedAccountSchema),
});
type CacheFile = z.infer<typeof CacheFileSchema>;

/** The last token list each service gave us, so the window is never empty while offline. */
export class InventoryCache {
  private readonly file: JsonDocument<CacheFile>;

  constructor(dataDir: string, onRecovered?: (notice: RecoveryNotice) => void) {
    this.file = new JsonDocument(
      join(dataDir, 'inventory.json'),
      CacheFileSchema,
      () => ({ version: 1, accounts: {} }),
      onRecovered,
    );
  }

  async get(accountId: string): Promise<CachedAccount | null> {
    return (await this.file.read()).accounts[accountId] ?? null;
  }

  async put(accountId: string, entry: CachedAccount): Promise<void> {
    await this.file.update((current) => ({
      ...current,
      accounts: { ...current.accounts, [accountId]: entry },
    }));
  }

  /** Changes one account's cached tokens in place (after a create or revoke). */
  async patchTokens(
    accountId: string,
    change: (tokens: ServiceToken[]) => ServiceToken[],
  ): Promise<void> {
    await this.file.update((current) => {
      const entry = current.accounts[accountId];
      if (!entry) return current;
      return {
        ...current,
        accounts: { ...current.accounts, [accountId]: { ...entry, tokens: change(entry.tokens) } },
      };
    });
  }

  /** After a rotation of the management credential: the account is managed with the new token. */
  async setManagementToken(accountId: string, tokenId: string): Promise<void> {
    await this.file.update((current) => {
      const entry = current.accounts[accountId];
      if (!entry) return current;
      return {
        ...current,
        accounts: { ...current.accounts, [accountId]: { ...entry, managementTokenId: tokenId } },
      };
    });
  }

  async remove(accountId: string): Promise<void> {
    await this.file.update((current) => {
      const { [accountId]: _removed, ...rest } = current.accounts;
      return { ...current, accounts: rest };
    });
  }
}
