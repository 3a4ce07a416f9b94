import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../clock';
import { JsonDocument, type RecoveryNotice } from '../storage/json-document';

const EntrySchema = z.object({ accountId: z.string(), tokenId: z.string(), storedAt: z.string() });
const LedgerFileSchema = z.object({ version: z.literal(1), entries: z.array(EntrySchema) });
type LedgerFile = z.infer<typeof LedgerFileSchema>;

/**
 * Which tokens have their secret in the keychain. Kept beside the keychain so that listing
 * can say "secret stored" without ever reading a secret.
 */
export class SecretLedger {
  private readonly file: JsonDocument<LedgerFile>;

  constructor(
    dataDir: string,
    private readonly clock: Clock,
    onRecovered?: (notice: RecoveryNotice) => void,
  ) {
    this.file = new JsonDocument(
      join(dataDir, 'secret-ledger.json'),
      LedgerFileSchema,
      () => ({ version: 1, entries: [] }),
      onRecovered,
    );
  }

  async tokenIdsWithSecret(accountId: string): Promise<Set<string>> {
    const { entries } = await this.file.read();
    return new Set(entries.filter((e) => e.accountId === accountId).map((e) => e.tokenId));
  }

  async record(accountId: string, tokenId: string): Promise<void> {
    const storedAt = this.clock.now().toISOString();
    await this.file.update((current) => ({
      ...current,
      entries: [
        ...current.entries.filter((e) => !(e.accountId === accountId && e.tokenId === tokenId)),
        { accountId, tokenId, storedAt },
      ],
    }));
  }

  async forget(accountId: string, tokenId?: string): Promise<void> {
    await this.file.update((current) => ({
      ...current,
      entries: current.entries.filter(
        (e) => !(e.accountId === accountId && (tokenId === undefined || e.tokenId === tokenId)),
      ),
    }));
  }
}
