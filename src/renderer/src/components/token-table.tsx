import { useMemo, type ReactNode } from 'react';
import { groupTokens } from '../lib/token-groups';
import { useStore } from '../store';
import { AccountGroup } from './account-group';

export function TokenTable(): ReactNode {
  const accounts = useStore((s) => s.accounts);
  const providers = useStore((s) => s.providers);
  const inventory = useStore((s) => s.inventory);
  const selectedAccountId = useStore((s) => s.selectedAccountId);
  const filterText = useStore((s) => s.filterText);

  const groups = useMemo(
    () => groupTokens({ accounts, providers, inventory, selectedAccountId, filterText }),
    [accounts, providers, inventory, selectedAccountId, filterText],
  );
  const filtering = filterText.trim() !== '';

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
      {groups.map((group) => (
        <AccountGroup key={group.account.id} group={group} filtering={filtering} />
      ))}
    </table>
  );
}
