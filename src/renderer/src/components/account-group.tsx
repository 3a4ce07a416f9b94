import { Fragment, type ReactNode } from 'react';
import type { AccountGroup as Group } from '../lib/token-groups';
import { AccountHeader } from './account-header';
import { TokenRow } from './token-row';

export const tokenColumnCount = 8;

interface AccountGroupProps {
  group: Group;
  /** Whether the search or a filter narrows the list. */
  filtering: boolean;
  /** Only the search text narrows it: the empty text then names the search. */
  searchOnly: boolean;
}

/** What an account without token rows shows instead; null when it has rows. */
export function emptyText(group: Group, filtering: boolean, searchOnly: boolean): string | null {
  if (group.projects.length > 0) return null;
  const { inventory } = group;
  // Without one successful fetch an empty list says nothing about the account's tokens.
  if (inventory === undefined || inventory.asOf === null) {
    return inventory !== undefined && inventory.refreshing
      ? 'Fetching tokens…'
      : 'No tokens fetched yet.';
  }
  if (filtering && group.totalTokens > 0) {
    return searchOnly ? 'No tokens match the search.' : 'No tokens match the filters.';
  }
  return 'No tokens.';
}

/** One account's rows: a header with its state, then its tokens grouped by project. */
export function AccountGroup({ group, filtering, searchOnly }: AccountGroupProps): ReactNode {
  const { account, provider } = group;
  const capabilities = provider === undefined ? null : provider.capabilities;
  const empty = emptyText(group, filtering, searchOnly);

  return (
    <tbody data-testid="account-group" data-account-id={account.id} className="account-group">
      <tr className="account-header">
        <th colSpan={tokenColumnCount} scope="colgroup">
          <AccountHeader group={group} />
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
            <TokenRow
              key={token.id}
              token={token}
              capabilities={capabilities}
              guided={account.mode === 'guided'}
            />
          ))}
        </Fragment>
      ))}
    </tbody>
  );
}
