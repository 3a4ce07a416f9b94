import type { ReactNode } from 'react';
import type { View } from '../store/attention.slice';
import { AttentionView } from './attention-view';
import { AuditView } from './audit-view';
import { ExpiryTimeline } from './expiry-timeline';
import { ReminderRulesView } from './reminder-rules-view';

/** The main area for every view but the token list. */
export function AttentionViews({ view }: { view: Exclude<View, 'tokens'> }): ReactNode {
  return (
    <div className="view-scroll">
      {view === 'attention' ? <AttentionView /> : null}
      {view === 'audit' ? <AuditView /> : null}
      {view === 'timeline' ? <ExpiryTimeline /> : null}
      {view === 'rules' ? <ReminderRulesView /> : null}
    </div>
  );
}
