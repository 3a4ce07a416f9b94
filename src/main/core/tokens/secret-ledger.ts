import { join } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../clock';
import { JsonDocument, type RecoveryNotice } from '../storage/json-document';

const EntrySchema = z.object({
  accountId: z.string(),
  tokenId: z.string(),
  storedAt: z.string(),
  lastVerifiedAt: z.string().nullable().default(null),
});
export type LedgerEntry = z.infer<typeof EntrySchema>;

const LedgerFileSchema = z.object({ version: z.literal(1), entries: z.array(EntrySchema) });
type LedgerFile = z.infer<typeof LedgerFileSchema>;

/**
 * Which tokens have their secret in the keychain, and when each was last proven to work. Kept
 * beside the keychain so that listing can say "secret stored" without ever reading a secret.
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

  /** This account's entries by token id. */
  async entries(accountId: string): Promise<Map<string, LedgerEntry>> {
    const { entries } = await this.file.read();
    return new Map(entries.filter((e) => e.accountId === accountId).map((e) => [e.tokenId, e]));
  }

  async record(accountId: string, tokenId: string, verified = false): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.file.update((current) => ({
      ...current,
      entries: [
        ...current.entries.filter((e) => !(e.accountId === accountId && e.tokenId === tokenId)),
        { accountId, tokenId, storedAt: now, lastVerifiedAt: verified ? now : null },
      ],
    }));
  }

  async markVerified(accountId: string, tokenId: string): Promise<string> {
    const now = this.clock.now().toISOString();
    await this.file.update((current) => ({
      ...current,
      entries: current.entries.map((e) =>
        e.accountId === accountId && e.tokenId === tokenId ? { ...e, lastVerifiedAt: now } : e,
      ),
    }));
    return now;
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
