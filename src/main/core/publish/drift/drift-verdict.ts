import type { TokenInfo } from '../../../../shared/model';
import type { TargetReading } from './target-readback';

/**
 * stale: the target holds another secret (or, for GitHub, was last written before the token
 * existed); missing: it holds none; dead: the bound token itself no longer works.
 */
export type DriftState = 'stale' | 'missing' | 'dead';

/** Whether the target still holds the token's current secret; null when it does. */
export function driftOf(
  token: Pick<TokenInfo, 'status' | 'createdAt'>,
  secret: string,
  reading: TargetReading,
): DriftState | null {
  if (token.status === 'revoked' || token.status === 'expired') return 'dead';
  if (reading.kind === 'value') {
    if (reading.value === null) return 'missing';
    return reading.value === secret ? null : 'stale';
  }
  if (reading.at === null) return 'missing';
  // GitHub never shows a secret's value: a write older than the token cannot hold it. Its
  // updated_at has whole seconds, so the token's creation is compared at the same precision.
  if (token.createdAt === null) return null;
  const created = Math.floor(Date.parse(token.createdAt) / 1000) * 1000;
  return Date.parse(reading.at) < created ? 'stale' : null;
}

/** One sentence for Needs attention, naming the target as the user knows it. */
export function driftMessage(state: DriftState, target: string, tokenName: string): string {
  switch (state) {
    case 'stale':
      return `${target} no longer holds the current secret of “${tokenName}”. Publish again to update it.`;
    case 'missing':
      return `${target} is gone: it holds no secret of “${tokenName}”. Publish again to restore it.`;
    case 'dead':
      return `${target} holds “${tokenName}”, which no longer works. Rotate the token (its targets are updated), or bind the target to a working token.`;
  }
}
