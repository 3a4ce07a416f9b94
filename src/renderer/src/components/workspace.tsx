import type { ReactNode } from 'react';
import { useStore } from '../store';
import { AttentionViews } from './attention-views';
import { DialogHost } from './dialog-host';
import { EmptyState } from './empty-state';
import { NoticeBar } from './notice-bar';
import { PageReminders } from './page-reminders';
import { RotationBanner } from './rotation-banner';
import { SelectionBar } from './selection-bar';
import { Sidebar } from './sidebar';
import { TokenTable } from './token-table';
import { Toolbar } from './toolbar';

/** The ready app: sidebar and token list, with any open dialog above an inert background. */
export function Workspace(): ReactNode {
  const hasAccounts = useStore((s) => s.accounts.length > 0);
  const dialogOpen = useStore((s) => s.dialog !== null);
  const view = useStore((s) => s.view);
  return (
    <>
      <div className="shell" inert={dialogOpen}>
        <Sidebar />
        <main className="main">
          {hasAccounts && view !== 'tokens' ? <AttentionViews view={view} /> : null}
          {hasAccounts && view === 'tokens' ? (
            <>
              <Toolbar />
              <RotationBanner />
              <SelectionBar />
              <div className="table-scroll">
                <TokenTable />
              </div>
            </>
          ) : null}
          {hasAccounts ? null : <EmptyState />}
          <PageReminders />
          <NoticeBar />
        </main>
      </div>
      <DialogHost />
    </>
  );
}
