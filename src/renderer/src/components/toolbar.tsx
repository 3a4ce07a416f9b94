import type { ReactNode } from 'react';
import { useStore } from '../store';

export function Toolbar(): ReactNode {
  const filterText = useStore((s) => s.filterText);
  const setFilterText = useStore((s) => s.setFilterText);
  const selectedAccountId = useStore((s) => s.selectedAccountId);
  const refresh = useStore((s) => s.refresh);
  const pending = useStore((s) => s.pendingRefreshes > 0);
  const accountsRefreshing = useStore((s) =>
    Object.values(s.inventory).some((entry) => entry.refreshing),
  );
  const refreshError = useStore((s) => s.refreshError);
  const title = useStore((s) => {
    if (s.selectedAccountId === null) return 'All accounts';
    const account = s.accounts.find((a) => a.id === s.selectedAccountId);
    return account === undefined ? 'All accounts' : account.label;
  });

  const refreshing = pending || accountsRefreshing;

  return (
    <div className="toolbar">
      <h1 className="toolbar-title">{title}</h1>
      <input
        type="search"
        className="search"
        aria-label="Search tokens"
        placeholder="Search by name or prefix"
        value={filterText}
        onChange={(e) => setFilterText(e.target.value)}
      />
      <button
        type="button"
        disabled={pending}
        onClick={() => void refresh(selectedAccountId === null ? undefined : selectedAccountId)}
      >
        Refresh
      </button>
      <span role="status" className="refresh-status">
        {refreshing ? (
          <span data-testid="refreshing-indicator" className="refreshing">
            <span className="spinner" aria-hidden="true" />
            Refreshing…
          </span>
        ) : null}
      </span>
      {refreshError === null ? null : (
        <p role="alert" data-testid="refresh-error" className="refresh-error">
          Refresh failed: {refreshError}
        </p>
      )}
    </div>
  );
}
