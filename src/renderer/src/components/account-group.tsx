import { Fragment, useId, type ReactNode } from 'react';
import { summarizeState } from '../lib/account-state';
import { asOfTime } from '../lib/relative-date';
import type { AccountGroup as Group } from '../lib/token-groups';
import { useStore } from '../store';
import { StatusDot } from './status-dot';
import { TokenRow } from './token-row';

export const tokenColumnCount = 8;

interface AccountGroupProps {
  group: Group;
  filtering: boolean;
}

function emptyText(group: Group, filtering: boolean): string | null {
  if (group.projects.length > 0) return null;
  const { inventory } = group;
  // Without one successful fetch an empty list says nothing about the account's tokens.
  if (inventory === undefined || inventory.asOf === null) {
    return inventory !== undefined && inventory.refreshing
      ? 'Fetching tokens…'
      : 'No tokens fetched yet.';
  }
  if (filtering && group.totalTokens > 0) return 'No tokens match the search.';
  return 'No tokens.';
}

/** One account's rows: a header with its state, then its tokens grouped by project. */
export function AccountGroup({ group, filtering }: AccountGroupProps): ReactNode {
  const openDialog = useStore((s) => s.openDialog);
  const labelId = useId();
  const { account, provider, inventory } = group;
  const summary = summarizeState(inventory);
  const capabilities = provider === undefined ? null : provider.capabilities;
  const empty = emptyText(group, filtering);

  return (
    <tbody data-testid="account-group" data-account-id={account.id} className="account-group">
      <tr className="account-header">
        <th colSpan={tokenColumnCount} scope="colgroup">
          <div className="account-header-row">
            <StatusDot summary={summary} />
            <span id={labelId} className="account-title">
              {account.label}
            </span>
            <span className="muted">
              {provider === undefined ? account.provider : provider.name}
            </span>
            {inventory !== undefined && inventory.stale && inventory.asOf !== null ? (
              <span className="stale" data-testid="account-stale" title={inventory.asOf}>
                as of {asOfTime(inventory.asOf)}
              </span>
            ) : null}
            <span className="spacer" />
            {capabilities !== null && capabilities.create ? (
              <button
                type="button"
                className="small"
                aria-describedby={labelId}
                onClick={() => openDialog({ kind: 'create-token', accountId: account.id })}
              >
                New token
              </button>
            ) : null}
          </div>
          {inventory !== undefined && inventory.error !== null ? (
            <p role="alert" data-testid="account-error" className="account-error">
              {inventory.error.message}
            </p>
          ) : null}
        </th>
      </tr>
      {empty === null ? null : (
        <tr className="empty-row">
          <td colSpan={tokenColumnCount}>{empty}</td>
        </tr>
      )}
      {group.projects.map((project) => (
        <Fragment key={project.project === null ? 'none' : `project:${project.project}`}>
          {group.hasProjects ? (
            <tr className="project-header" data-testid="project-group">
              <th colSpan={tokenColumnCount} scope="colgroup">
                {project.project ?? 'No project'}
              </th>
            </tr>
          ) : null}
          {project.tokens.map((token) => (
            <TokenRow key={token.id} token={token} capabilities={capabilities} />
          ))}
        </Fragment>
      ))}
    </tbody>
  );
}
