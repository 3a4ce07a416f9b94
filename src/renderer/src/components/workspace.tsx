import type { ReactNode } from 'react';
import { useStore } from '../store';
import { DialogHost } from './dialog-host';
import { EmptyState } from './empty-state';
import { NoticeBar } from './notice-bar';
import { Sidebar } from './sidebar';
import { TokenTable } from './token-table';
import { Toolbar } from './toolbar';

/** The ready app: sidebar and token list, with any open dialog above an inert background. */
export function Workspace(): ReactNode {
  const hasAccounts = useStore((s) => s.accounts.length > 0);
  const dialogOpen = useStore((s) => s.dialog !== null);
  return (
    <>
      <div className="shell" inert={dialogOpen}>
        <Sidebar />
        <main className="main">
          {hasAccounts ? (
            <>
              <Toolbar />
              <div className="table-scroll">
                <TokenTable />
              </div>
            </>
          ) : (
            <EmptyState />
          )}
          <NoticeBar />
        </main>
      </div>
      <DialogHost />
    </>
  );
}
