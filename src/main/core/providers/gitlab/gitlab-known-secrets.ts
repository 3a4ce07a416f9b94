import { createHash } from 'node:crypto';

const MAX_ENTRIES = 1000;

/**
 * Which token id a secret belongs to, as GitLab itself said (its answer to `/self`, create or
 * rotate). GitLab lists no part of a token's secret, so this is the only way to tell which
 * listed token is, for example, the account's own credential. Kept in memory only, keyed by
 * a SHA-256 of the secret, never the secret itself.
 */
export class KnownSecrets {
  private readonly ids = new Map<string, string>();

  remember(secret: string, tokenId: string): void {
    const key = digest(secret);
    this.ids.delete(key);
    this.ids.set(key, tokenId);
    if (this.ids.size > MAX_ENTRIES) {
      const oldest = this.ids.keys().next();
      if (oldest.done !== true) this.ids.delete(oldest.value);
    }
  }

  idOf(secret: string): string | null {
    return this.ids.get(digest(secret)) ?? null;
  }
}

function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
