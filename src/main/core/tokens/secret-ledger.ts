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
  /** The entries by account for one version of the file (the same Map while nothing changed). */
  private index: { of: LedgerFile; byAccount: Map<string, Map<string, LedgerEntry>> } | null = null;

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
  async entries(accountId: string): Promise<ReadonlyMap<string, LedgerEntry>> {
    const file = await this.file.read();
    if (this.index === null || this.index.of !== file) {
      const byAccount = new Map<string, Map<string, LedgerEntry>>();
      for (const entry of file.entries) {
        const own = byAccount.get(entry.accountId) ?? new Map<string, LedgerEntry>();
        own.set(entry.tokenId, entry);
        byAccount.set(entry.accountId, own);
      }
      this.index = { of: file, byAccount };
    }
    return this.index.byAccount.get(accountId) ?? noEntries;
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

const noEntries: ReadonlyMap<string, LedgerEntry> = new Map();
