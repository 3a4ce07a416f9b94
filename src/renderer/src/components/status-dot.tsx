import type { ReactNode } from 'react';
import type { StateSummary } from '../lib/account-state';

/** The colour is decoration; the state's words are there for screen readers and tooltips. */
export function StatusDot({ summary }: { summary: StateSummary }): ReactNode {
  return (
    <span className={`status-dot status-${summary.tone}`} title={summary.label}>
      <span className="visually-hidden">{summary.label}</span>
    </span>
  );
}
