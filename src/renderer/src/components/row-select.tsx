import type { ReactNode } from 'react';
import type { TokenInfo } from '../../../shared/model';
import { tokenKey } from '../lib/token-key';
import { useTokenRotation } from '../lib/use-token-rotation';
import { useStore } from '../store';

/** Picks the row for "Rotate selected"; only rows that can start a rotation can be picked. */
export function RowSelect({ token }: { token: TokenInfo }): ReactNode {
  const { rotatable } = useTokenRotation(token);
  const ref = { accountId: token.accountId, tokenId: token.id };
  const selected = useStore((s) => s.selectedTokens.has(tokenKey(ref)));
  const toggleSelected = useStore((s) => s.toggleSelected);
  if (!rotatable) return null;
  return (
    <input
      type="checkbox"
      className="row-select"
      aria-label={`Select ${token.name}`}
      checked={selected}
      onChange={() => toggleSelected(ref)}
    />
  );
}
