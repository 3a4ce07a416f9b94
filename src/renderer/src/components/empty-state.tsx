import type { ReactNode } from 'react';
import { useStore } from '../store';

export function EmptyState(): ReactNode {
  const openDialog = useStore((s) => s.openDialog);
  return (
    <section data-testid="empty-state" className="empty-state" aria-labelledby="empty-state-title">
      <h1 id="empty-state-title">Keep your API tokens in one place</h1>
      <p>
        TokenDesk lists the tokens in your service accounts, shows when each was last used and when
        it expires, creates and revokes tokens for you, and keeps their secrets in your system
        keychain — never in a file.
      </p>
      <button
        type="button"
        className="primary large"
        onClick={() => openDialog({ kind: 'add-account' })}
      >
        Add your first account
      </button>
    </section>
  );
}
