import { useMemo, type ReactNode } from 'react';
import { isFiltering, type TokenFilters } from '../lib/token-filters';
import { groupTokens } from '../lib/token-groups';
import { listRows } from '../lib/token-list-rows';
import { useStore } from '../store';
import { AccountGroup, emptyText, tokenColumnCount } from './account-group';
import { VirtualTokenRows } from './virtual-token-rows';

/**
 * Up to this many rows every row is in the DOM (find-in-page and printing see them all); beyond
 * it only the rows in view are, so ten thousand tokens cost what a screenful does.
 */
export const VIRTUALIZE_FROM = 200;

export function TokenTable(): ReactNode {
  const accounts = useStore((s) => s.accounts);
  const providers = useStore((s) => s.providers);
  const inventory = useStore((s) => s.inventory);
  const selectedAccountId = useStore((s) => s.selectedAccountId);
  const filterText = useStore((s) => s.filterText);
  const listFilters = useStore((s) => s.filters);
  const sort = useStore((s) => s.sortBy);

  const filters = useMemo<TokenFilters>(
    () => ({ text: filterText, ...listFilters }),
    [filterText, listFilters],
  );
  const groups = useMemo(
    () => groupTokens({ accounts, providers, inventory, selectedAccountId, filters, sort }),
    [accounts, providers, inventory, selectedAccountId, filters, sort],
  );
  const filtering = isFiltering(filters);
  const searchOnly = filtering && !isFiltering({ ...filters, text: '' });
  const rows = useMemo(
    () => listRows(groups, (group) => emptyText(group, filtering, searchOnly)),
    [groups, filtering, searchOnly],
  );
  const virtual = rows.length > VIRTUALIZE_FROM;

  return (
    <table className="token-table" aria-rowcount={virtual ? rows.length + 1 : undefined}>
      <thead>
        <tr aria-rowindex={virtual ? 1 : undefined}>
          <th scope="col">Name</th>
          <th scope="col">Prefix</th>
          <th scope="col">Project</th>
          <th scope="col">Created</th>
          <th scope="col">Expires</th>
          <th scope="col">Last used</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      {groups.length === 0 ? (
        <tbody>
          <tr className="empty-row">
            <td colSpan={tokenColumnCount}>No accounts match the filters.</td>
          </tr>
        </tbody>
      ) : null}
      {virtual ? (
        <VirtualTokenRows rows={rows} firstRowIndex={2} />
      ) : (
        groups.map((group) => (
          <AccountGroup
            key={group.account.id}
            group={group}
            filtering={filtering}
            searchOnly={searchOnly}
          />
        ))
      )}
    </table>
  );
}
