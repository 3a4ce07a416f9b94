import type { ReactNode } from 'react';
import type { TokenInfo } from '../../../shared/model';
import { RelativeTime } from './relative-time';

/**
 * When the token was last used; services that report no use (TeraSwitch) fall back to the
 * last time TokenDesk proved the token works, marked as such so it is not read as a use.
 */
export function LastUsed({ token }: { token: TokenInfo }): ReactNode {
  if (token.lastUsedAt !== null || token.lastVerifiedAt === null) {
    return <RelativeTime iso={token.lastUsedAt} missingText="Never" />;
  }
  return (
    <span className="muted" data-testid="last-checked">
      checked <RelativeTime iso={token.lastVerifiedAt} missingText="—" />
    </span>
  );
}
