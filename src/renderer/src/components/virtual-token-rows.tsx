import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { tokenKey } from '../lib/token-key';
import { headerIndexAbove, type ListRow } from '../lib/token-list-rows';
import { useStore } from '../store';
import { tokenColumnCount } from './account-group';
import { AccountHeader } from './account-header';
import { TokenRow } from './token-row';

/** Rows drawn beyond the visible ones, so a fast scroll or Tab finds them already there. */
const OVERSCAN = 12;

const estimatedHeight: Record<ListRow['kind'], number> = {
  account: 52,
  empty: 40,
  project: 34,
  token: 44,
};

interface VirtualTokenRowsProps {
  rows: readonly ListRow[];
  /** The header row above takes aria-rowindex 1: body rows count from 2. */
  firstRowIndex: number;
}

/**
 * The list's body with only the rows in view (and a few around them) in the DOM, however many
 * tokens there are. Spacer rows stand in for the rest, so the table keeps its columns and the
 * scroll bar its length; each row says its position (aria-rowindex) and the table its total
 * (aria-rowcount), so a screen reader still knows where it is. The header of the account in
 * view stays drawn and sticks to the top.
 */
export function VirtualTokenRows({ rows, firstRowIndex }: VirtualTokenRowsProps): ReactNode {
  // The body's own ref is attached before this component's effects run (a parent's is not yet):
  // the table's scrolling container is found from it.
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const stickyIndex = useRef<number | null>(null);
  const rangeExtractor = useCallback(
    (range: Range): number[] => {
      const header = headerIndexAbove(rows, range.startIndex);
      stickyIndex.current = header;
      const indexes = defaultRangeExtractor(range);
      if (header === null || indexes.includes(header)) return indexes;
      return [header, ...indexes];
    },
    [rows],
  );
  // The virtualizer re-renders this component itself on scroll and measure; it is not memoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollContainerOf(bodyRef.current),
    estimateSize: (index) => estimatedHeight[(rows[index] as ListRow).kind],
    getItemKey: (index) => (rows[index] as ListRow).key,
    overscan: OVERSCAN,
    rangeExtractor,
  });
  useScrollToFocusedToken(rows, (index) => virtualizer.scrollToIndex(index, { align: 'center' }));

  const items = virtualizer.getVirtualItems();
  const [head, second] = items;
  // A header drawn away from its place (it sticks) takes its own height out of the top spacer.
  const sticky =
    head !== undefined && second !== undefined && head.index + 1 !== second.index
      ? head
      : undefined;
  const inRange = sticky === undefined ? items : items.slice(1);
  const first = inRange[0];
  const last = inRange[inRange.length - 1];
  const top = first === undefined ? 0 : first.start - (sticky === undefined ? 0 : sticky.size);
  const bottom = last === undefined ? 0 : virtualizer.getTotalSize() - last.end;

  return (
    <tbody ref={bodyRef} className="account-group virtual-rows">
      {sticky === undefined ? null : (
        <ListRowView
          row={rows[sticky.index] as ListRow}
          rowIndex={firstRowIndex + sticky.index}
          sticky
        />
      )}
      {top > 0 ? <Spacer height={top} /> : null}
      {inRange.map((item) => (
        <ListRowView
          key={item.key}
          row={rows[item.index] as ListRow}
          rowIndex={firstRowIndex + item.index}
          sticky={item.index === stickyIndex.current}
          measure={virtualizer.measureElement}
          dataIndex={item.index}
        />
      ))}
      {bottom > 0 ? <Spacer height={bottom} /> : null}
    </tbody>
  );
}

/** The element that scrolls the table: the table's parent (the workspace's scrolling area). */
function scrollContainerOf(body: HTMLTableSectionElement | null): HTMLElement | null {
  const table = body === null ? null : body.parentElement;
  return table === null ? null : table.parentElement;
}

function Spacer({ height }: { height: number }): ReactNode {
  return (
    <tr aria-hidden="true" className="spacer-row" style={{ height }}>
      <td colSpan={tokenColumnCount} />
    </tr>
  );
}

interface ListRowViewProps {
  row: ListRow;
  rowIndex: number;
  sticky: boolean;
  measure?: (element: Element | null) => void;
  dataIndex?: number;
}

function ListRowView({ row, rowIndex, sticky, measure, dataIndex }: ListRowViewProps): ReactNode {
  const position = { 'aria-rowindex': rowIndex, 'data-index': dataIndex, ref: measure };
  switch (row.kind) {
    case 'account':
      return (
        <tr
          {...position}
          className={sticky ? 'account-header sticky-header' : 'account-header'}
          data-testid="account-header-row"
          data-account-id={row.group.account.id}
        >
          <th colSpan={tokenColumnCount} scope="colgroup">
            <AccountHeader group={row.group} />
          </th>
        </tr>
      );
    case 'empty':
      return (
        <tr {...position} className="empty-row">
          <td colSpan={tokenColumnCount}>{row.text}</td>
        </tr>
      );
    case 'project':
      return (
        <tr {...position} className="project-header" data-testid="project-group">
          <th colSpan={tokenColumnCount} scope="colgroup">
            {row.label}
          </th>
        </tr>
      );
    case 'token':
      return (
        <TokenRow
          token={row.token}
          capabilities={row.capabilities}
          guided={row.guided}
          rowProps={position}
        />
      );
  }
}

/** A reminder or the timeline asked to show a token: bring its row into view. */
function useScrollToFocusedToken(
  rows: readonly ListRow[],
  scrollToIndex: (index: number) => void,
): void {
  const focused = useStore((s) => (s.focusedToken === null ? null : tokenKey(s.focusedToken)));
  useEffect(() => {
    if (focused === null) return;
    const index = rows.findIndex((row) => row.key === `token:${focused}`);
    if (index >= 0) scrollToIndex(index);
    // Only a new request scrolls; later changes to the list leave the scroll where the user put it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focused]);
}
