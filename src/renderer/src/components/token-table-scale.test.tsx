import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../store';
import type * as TokenRowModule from './token-row';
import { account, inventory, provider, token } from '../test/fixtures';
import { renderApp } from '../test/render-app';

// Counts every render of a token row, whatever caused it (a prop or a store subscription).
const rowRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('./token-row', async (importOriginal) => {
  const actual = await importOriginal<typeof TokenRowModule>();
  return {
    ...actual,
    TokenRow: (props: Parameters<typeof actual.TokenRow>[0]) => {
      rowRenders.count += 1;
      return actual.TokenRow(props);
    },
  };
});

// jsdom lays nothing out: give the list a window 800 px tall and rows their usual height.
beforeEach(() => {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this.classList.contains('table-scroll') ? 800 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    return this.tagName === 'TR' ? 44 : 0;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const ACCOUNTS = 20;
const PER_ACCOUNT = 500;

/** 20 accounts of 500 tokens each: 10,000 tokens. */
async function renderTenThousand(): Promise<void> {
  const accounts = Array.from({ length: ACCOUNTS }, (_, a) =>
    account({ id: `acc-${a}`, label: `Account ${a}` }),
  );
  await renderApp({
    providers: [provider()],
    accounts,
    inventory: accounts.map((acc) =>
      inventory({
        accountId: acc.id,
        tokens: Array.from({ length: PER_ACCOUNT }, (_, n) =>
          token({ id: `tok-${n}`, accountId: acc.id, name: `token-${String(n).padStart(4, '0')}` }),
        ),
      }),
    ),
  });
  // The list draws its rows once it has measured its window.
  await waitFor(() => expect(screen.queryAllByTestId('token-row').length).toBeGreaterThan(0));
}

describe('the token list at 10,000 tokens', () => {
  it('keeps only a bounded number of rows in the DOM, and tells screen readers the total', async () => {
    await renderTenThousand();

    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThan(60);
    // Header row + one row per account header + one per token.
    expect(table.getAttribute('aria-rowcount')).toBe(String(1 + ACCOUNTS + ACCOUNTS * PER_ACCOUNT));
    const tokenRows = within(table).getAllByTestId('token-row');
    expect(tokenRows[0]?.getAttribute('aria-rowindex')).toBe('3');
  });

  it('re-renders a bounded number of rows when one row is selected', async () => {
    await renderTenThousand();
    const [first] = within(screen.getByRole('table')).getAllByTestId('token-row');
    if (first === undefined) throw new Error('no token row');
    const tokenId = first.getAttribute('data-token-id') ?? '';
    rowRenders.count = 0;

    act(() => useStore.getState().toggleSelected({ accountId: 'acc-0', tokenId }));

    expect(rowRenders.count).toBeLessThanOrEqual(1);
    expect(within(first).getByRole<HTMLInputElement>('checkbox').checked).toBe(true);
  });

  it('re-renders a bounded number of rows when the attention list changes', async () => {
    await renderTenThousand();
    rowRenders.count = 0;

    await act(() => useStore.getState().loadAttention());

    expect(rowRenders.count).toBeLessThanOrEqual(1);
  });
});
