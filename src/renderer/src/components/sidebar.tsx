import { useId, type ReactNode } from 'react';
import type { Account } from '../../../shared/model';
import { summarizeState } from '../lib/account-state';
import { useStore } from '../store';
import { StatusDot } from './status-dot';
import { ViewNav } from './view-nav';

function AccountItem({ account }: { account: Account }): ReactNode {
  const provider = useStore((s) => s.providers.find((p) => p.kind === account.provider));
  const inventory = useStore((s) => s.inventory[account.id]);
  const selected = useStore((s) => s.selectedAccountId === account.id);
  const selectAccount = useStore((s) => s.selectAccount);
  const summary = summarizeState(inventory);
  const descriptionId = useId();
  return (
    <li>
      {/* Named by the label alone so it reads (and is found) as the account; the service
          and state are its description. */}
      <button
        type="button"
        className="nav-item"
        aria-label={account.label}
        aria-describedby={descriptionId}
        aria-current={selected ? 'true' : undefined}
        onClick={() => selectAccount(account.id)}
      >
        <StatusDot summary={summary} />
        <span className="nav-text">
          <span className="nav-label">{account.label}</span>
          <span id={descriptionId} className="nav-sub">
            {provider === undefined ? account.provider : provider.name}
            <span className="visually-hidden">, {summary.label}</span>
          </span>
        </span>
      </button>
    </li>
  );
}

export function Sidebar(): ReactNode {
  const accounts = useStore((s) => s.accounts);
  const allSelected = useStore((s) => s.selectedAccountId === null);
  const selectAccount = useStore((s) => s.selectAccount);
  const openDialog = useStore((s) => s.openDialog);

  return (
    <aside className="sidebar">
      <div className="brand" aria-hidden="true">
        TokenDesk
      </div>
      <ViewNav />
      <nav aria-label="Accounts">
        <ul className="nav-list">
          <li>
            <button
              type="button"
              className="nav-item"
              aria-current={allSelected ? 'true' : undefined}
              onClick={() => selectAccount(null)}
            >
              <span className="nav-text">
                <span className="nav-label">All accounts</span>
              </span>
            </button>
          </li>
          {accounts.map((account) => (
            <AccountItem key={account.id} account={account} />
          ))}
        </ul>
      </nav>
      <button
        type="button"
        className="add-account"
        onClick={() => openDialog({ kind: 'add-account' })}
      >
        Add account
      </button>
    </aside>
  );
}
