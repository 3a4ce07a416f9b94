import type { ReactNode } from 'react';
import { useStore } from '../store';
import { InventoryFilters } from './inventory-filters';

export function Toolbar(): ReactNode {
  const filterText = useStore((s) => s.filterText);
  const setFilterText = useStore((s) => s.setFilterText);
  const selectedAccountId = useStore((s) => s.selectedAccountId);
  const refresh = useStore((s) => s.refresh);
  const openDialog = useStore((s) => s.openDialog);
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
      <div className="toolbar-row">
        <h1 className="toolbar-title">{title}</h1>
        <span role="status" className="refresh-status">
          {refreshing ? (
            <span data-testid="refreshing-indicator" className="refreshing">
              <span className="spinner" aria-hidden="true" />
              Refreshing…
            </span>
          ) : null}
        </span>
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
        <button type="button" onClick={() => openDialog({ kind: 'import' })}>
          Import
        </button>
      </div>
      <InventoryFilters />
      {refreshError === null ? null : (
        <p role="alert" data-testid="refresh-error" className="refresh-error">
          Refresh failed: {refreshError}
        </p>
      )}
    </div>
  );
}
