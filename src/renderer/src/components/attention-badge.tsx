import type { ReactNode } from 'react';
import type { TokenInfo } from '../../../shared/model';
import { tokenKey } from '../lib/token-key';
import { kindLabels } from '../lib/urgency';
import { useStore } from '../store';

/** The most urgent reason a token needs attention, on its row in the list. */
export function AttentionBadge({ token }: { token: TokenInfo }): ReactNode {
  const item = useStore((s) =>
    s.attentionByToken.get(tokenKey({ accountId: token.accountId, tokenId: token.id })),
  );
  const reason = item === undefined ? undefined : item.reasons[0];
  if (item === undefined || reason === undefined || reason.urgency === 'low') return null;
  return (
    <span
      className={`attention-badge urgency-${reason.urgency}`}
      data-testid="attention-badge"
      title={item.reasons.map((r) => r.message).join(' ')}
    >
      {kindLabels[reason.kind]}
    </span>
  );
}
