import type { ReactNode } from 'react';
import { refOfKey } from '../lib/token-key';
import { useStore } from '../store';
import { selectToken } from '../store/selectors';

/** What can be done to the picked rows at once: rotate them all. */
export function SelectionBar(): ReactNode {
  const selected = useStore((s) => s.selectedTokens);
  const rotateSelected = useStore((s) => s.rotateSelected);
  const clearSelection = useStore((s) => s.clearSelection);
  if (selected.size === 0) return null;

  // Read at the click: the names the rows have then, for the list of refusals.
  const names = (): Record<string, string> => {
    const state = useStore.getState();
    return Object.fromEntries(
      [...selected].map((key) => {
        const { accountId, tokenId } = refOfKey(key);
        const token = selectToken(state, accountId, tokenId);
        return [key, token === undefined ? tokenId : token.name];
      }),
    );
  };
  return (
    <div className="selection-bar" role="region" aria-label="Selected tokens">
      <span data-testid="selection-count">
        {selected.size === 1 ? '1 token selected' : `${selected.size} tokens selected`}
      </span>
      <button type="button" className="primary small" onClick={() => void rotateSelected(names())}>
        Rotate selected
      </button>
      <button type="button" className="small quiet" onClick={clearSelection}>
        Clear selection
      </button>
    </div>
  );
}
