import type { Capabilities, TokenInfo } from '../../../shared/model';
import type { AccountGroup } from './token-groups';

/** One row of the token list, in display order: what the virtualized list renders by index. */
export type ListRow =
  | { kind: 'account'; key: string; group: AccountGroup }
  | { kind: 'empty'; key: string; text: string }
  | { kind: 'project'; key: string; label: string }
  | {
      kind: 'token';
      key: string;
      token: TokenInfo;
      capabilities: Capabilities | null;
      guided: boolean;
    };

/**
 * The groups as one list of rows: each account's header, then its rows (an empty-state line, or
 * project headers and tokens). `emptyText` says what an account with no token rows shows.
 */
export function listRows(
  groups: readonly AccountGroup[],
  emptyText: (group: AccountGroup) => string | null,
): ListRow[] {
  const rows: ListRow[] = [];
  for (const group of groups) {
    const { account, provider } = group;
    const capabilities = provider === undefined ? null : provider.capabilities;
    const guided = account.mode === 'guided';
    rows.push({ kind: 'account', key: `account:${account.id}`, group });
    const empty = emptyText(group);
    if (empty !== null) rows.push({ kind: 'empty', key: `empty:${account.id}`, text: empty });
    for (const project of group.projects) {
      if (group.hasProjects) {
        rows.push({
          kind: 'project',
          key: `project:${account.id}:${project.project ?? ''}`,
          label: project.project ?? 'No project',
        });
      }
      for (const token of project.tokens) {
        rows.push({
          kind: 'token',
          key: `token:${account.id}/${token.id}`,
          token,
          capabilities,
          guided,
        });
      }
    }
  }
  return rows;
}

/** The index of the account header above `index` (the header that stays on top while scrolling). */
export function headerIndexAbove(rows: readonly ListRow[], index: number): number | null {
  for (let i = Math.min(index, rows.length - 1); i >= 0; i -= 1) {
    const row = rows[i];
    if (row !== undefined && row.kind === 'account') return i;
  }
  return null;
}
