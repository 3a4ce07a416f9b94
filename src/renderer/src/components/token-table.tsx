import { useMemo, type ReactNode } from 'react';
import { isFiltering, type TokenFilters } from '../lib/token-filters';
import { groupTokens } from '../lib/token-groups';
import { useStore } from '../store';
import { AccountGroup, tokenColumnCount } from './account-group';

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

  return (
    <table className="token-table">
      <thead>
        <tr>
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
      {groups.map((group) => (
        <AccountGroup
          key={group.account.id}
          group={group}
          filtering={filtering}
          searchOnly={searchOnly}
        />
      ))}
    </table>
  );
}
