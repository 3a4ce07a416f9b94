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
  /** Goes up with every change to the entry, so a list fetched before a change cannot undo it. */
  revision: z.number().int().nonnegative().default(0),
});
export type CachedAccount = z.infer<typeof CachedAccountSchema>;
export type FetchedList = Omit<CachedAccount, 'revision'>;

/** What a list fetched from the service did to the cache. */
export type PutOutcome = 'saved' | 'superseded';

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

  /** The entry's revision now (0 before the first list): what a refresh starts from. */
  async revisionOf(accountId: string): Promise<number> {
    const entry = await this.get(accountId);
    return entry === null ? 0 : entry.revision;
  }

  /**
   * Stores a list fetched from the service. With `basedOn` (the revision read before the list was
   * fetched), the list is dropped when anything changed the entry meanwhile: a rotation's
   * promote or a create that patched the cache knows something newer than that list does.
   * Readers see a stored list at once; `saved` resolves when it is on disk.
   */
  async put(
    accountId: string,
    list: FetchedList,
    basedOn?: number,
  ): Promise<{ outcome: PutOutcome; saved: Promise<void> }> {
    await this.file.read();
    let outcome: PutOutcome = 'saved';
    // The document is loaded, so the change below runs now and `outcome` is known on return.
    const saving = this.file.update(
      (current) => {
        const previous = current.accounts[accountId];
        const revision = previous === undefined ? 0 : previous.revision;
        if (basedOn !== undefined && basedOn !== revision) {
          outcome = 'superseded';
          return current;
        }
        const tokens = previous === undefined ? list.tokens : sharing(previous.tokens, list.tokens);
        return {
          ...current,
          accounts: {
            ...current.accounts,
            [accountId]: { ...list, tokens, revision: revision + 1 },
          },
        };
      },
      // A refresh stores many lists at once and calls settled() when they are all in.
      { defer: basedOn !== undefined },
    );
    return { outcome, saved: saving.then(() => undefined) };
  }

  /** Resolves once every list stored so far is on disk (or failed to be written). */
  settled(): Promise<void> {
    return this.file.settled();
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
        accounts: {
          ...current.accounts,
          [accountId]: { ...entry, tokens: change(entry.tokens), revision: entry.revision + 1 },
        },
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
        accounts: {
          ...current.accounts,
          [accountId]: { ...entry, managementTokenId: tokenId, revision: entry.revision + 1 },
        },
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

/**
 * The new list, keeping the previous objects of tokens that did not change (and the previous
 * array when nothing did), so what was derived from them (the attention judgement, the list the
 * windows got) can be reused by identity.
 */
function sharing(previous: ServiceToken[], next: ServiceToken[]): ServiceToken[] {
  const before = new Map(previous.map((token) => [token.id, token]));
  let changed = previous.length !== next.length;
  const tokens = next.map((token, index) => {
    const old = before.get(token.id);
    if (old !== undefined && sameToken(old, token)) {
      if (previous[index] !== old) changed = true;
      return old;
    }
    changed = true;
    return token;
  });
  return changed ? tokens : previous;
}

function sameToken(a: ServiceToken, b: ServiceToken): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
