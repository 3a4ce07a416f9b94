import { useEffect, useRef, type RefObject } from 'react';
import type { TokenInfo } from '../../../shared/model';
import { useStore } from '../store';

/** The row a reminder or the timeline asked to show: marked, and scrolled into view once. */
export function useFocusedRow(token: TokenInfo): {
  ref: RefObject<HTMLTableRowElement | null>;
  focused: boolean;
} {
  const ref = useRef<HTMLTableRowElement>(null);
  const focused = useStore(
    (s) =>
      s.focusedToken !== null &&
      s.focusedToken.accountId === token.accountId &&
      s.focusedToken.tokenId === token.id,
  );
  useEffect(() => {
    const row = ref.current;
    // jsdom has no layout and hence no scrollIntoView.
    if (focused && row !== null && typeof row.scrollIntoView === 'function') {
      row.scrollIntoView({ block: 'center' });
    }
  }, [focused]);
  return { ref, focused };
}
