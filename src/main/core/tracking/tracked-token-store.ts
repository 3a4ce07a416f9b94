import { join } from 'node:path';
import { z } from 'zod';
import { ServiceTokenSchema } from '../inventory/inventory-cache';
import type { ServiceToken } from '../providers/provider-adapter';
import { JsonDocument, type RecoveryNotice } from '../storage/json-document';

const TrackedSchema = z.object({ accountId: z.string(), token: ServiceTokenSchema });
const TrackedFileSchema = z.object({ version: z.literal(1), tokens: z.array(TrackedSchema) });
type TrackedFile = z.infer<typeof TrackedFileSchema>;

/**
 * Tokens of guided services: created by the user in the service's dashboard and pasted into
 * TokenDesk. The service cannot list them, so this file is their inventory (metadata only).
 */
export class TrackedTokenStore {
  private readonly file: JsonDocument<TrackedFile>;

  constructor(dataDir: string, onRecovered?: (notice: RecoveryNotice) => void) {
    this.file = new JsonDocument(
      join(dataDir, 'tracked-tokens.json'),
      TrackedFileSchema,
      () => ({ version: 1, tokens: [] }),
      onRecovered,
    );
  }

  async list(accountId: string): Promise<ServiceToken[]> {
    const { tokens } = await this.file.read();
    return tokens.filter((t) => t.accountId === accountId).map((t) => t.token);
  }

  async add(accountId: string, token: ServiceToken): Promise<void> {
    await this.file.update((current) => ({
      ...current,
      tokens: [...current.tokens, { accountId, token }],
    }));
  }

  async patch(accountId: string, tokenId: string, change: Partial<ServiceToken>): Promise<void> {
    await this.file.update((current) => ({
      ...current,
      tokens: current.tokens.map((t) =>
        t.accountId === accountId && t.token.id === tokenId
          ? { ...t, token: { ...t.token, ...change } }
          : t,
      ),
    }));
  }

  async remove(accountId: string, tokenId?: string): Promise<void> {
    await this.file.update((current) => ({
      ...current,
      tokens: current.tokens.filter(
        (t) => !(t.accountId === accountId && (tokenId === undefined || t.token.id === tokenId)),
      ),
    }));
  }
}
