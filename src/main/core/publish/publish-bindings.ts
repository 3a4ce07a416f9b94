import { join } from 'node:path';
import { z } from 'zod';
import { PublishBindingSchema, type PublishBinding } from '../../../shared/model';
import { JsonDocument, type RecoveryNotice } from '../storage/json-document';

const BindingsFileSchema = z.object({
  version: z.literal(1),
  bindings: z.array(PublishBindingSchema),
});
type BindingsFile = z.infer<typeof BindingsFileSchema>;
export type LastResult = NonNullable<PublishBinding['lastResult']>;

/**
 * Which targets each token is published to, and how the last publish went. Metadata only: the
 * secrets stay in the keychain (the token's and the targets' credentials alike).
 */
export class PublishBindings {
  private readonly file: JsonDocument<BindingsFile>;

  constructor(dataDir: string, onRecovered?: (notice: RecoveryNotice) => void) {
    this.file = new JsonDocument(
      join(dataDir, 'publish-bindings.json'),
      BindingsFileSchema,
      () => ({ version: 1, bindings: [] }),
      onRecovered,
    );
  }

  async all(): Promise<PublishBinding[]> {
    return (await this.file.read()).bindings;
  }

  async of(accountId: string, tokenId: string): Promise<PublishBinding[]> {
    return (await this.all()).filter((b) => b.accountId === accountId && b.tokenId === tokenId);
  }

  async add(binding: PublishBinding): Promise<void> {
    await this.file.update((current) => ({
      ...current,
      bindings: [...current.bindings, binding],
    }));
  }

  /** Resolves false when there was no such binding. */
  async remove(accountId: string, tokenId: string, targetId: string): Promise<boolean> {
    let removed = false;
    await this.file.update((current) => {
      const bindings = current.bindings.filter((b) => {
        const match = b.id === targetId && b.accountId === accountId && b.tokenId === tokenId;
        removed ||= match;
        return !match;
      });
      return removed ? { ...current, bindings } : current;
    });
    return removed;
  }

  /**
   * Drops the bindings of a token that is gone (revoked, forgotten), or of every token of a
   * removed account. Never for a rotated token: `rebind` moves its bindings to the successor.
   */
  async forget(accountId: string, tokenId?: string): Promise<void> {
    const gone = (b: PublishBinding): boolean =>
      b.accountId === accountId && (tokenId === undefined || b.tokenId === tokenId);
    if (!(await this.all()).some(gone)) return;
    await this.file.update((current) => ({
      ...current,
      bindings: current.bindings.filter((b) => !gone(b)),
    }));
  }

  async recordResults(results: ReadonlyMap<string, LastResult>): Promise<void> {
    if (results.size === 0) return;
    await this.file.update((current) => ({
      ...current,
      bindings: current.bindings.map((b) => {
        const lastResult = results.get(b.id);
        return lastResult === undefined ? b : { ...b, lastResult };
      }),
    }));
  }

  /**
   * The successor of a rotated token takes over its targets, and the targets that used the old
   * token as their credential use the new one. Running it twice changes nothing the second time,
   * which rotation's crash recovery relies on.
   */
  async rebind(accountId: string, oldTokenId: string, newTokenId: string): Promise<void> {
    const isOld = (ref: { accountId: string; tokenId: string }): boolean =>
      ref.accountId === accountId && ref.tokenId === oldTokenId;
    const current = await this.all();
    const touched = current.some(
      (b) => isOld(b) || ('credential' in b.target && isOld(b.target.credential)),
    );
    if (!touched) return;
    await this.file.update((file) => ({
      ...file,
      bindings: file.bindings.map((b) => {
        const target =
          'credential' in b.target && isOld(b.target.credential)
            ? { ...b.target, credential: { accountId, tokenId: newTokenId } }
            : b.target;
        return { ...b, target, tokenId: isOld(b) ? newTokenId : b.tokenId };
      }),
    }));
  }
}
