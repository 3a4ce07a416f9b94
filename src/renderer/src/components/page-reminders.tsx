import { useState, type ReactNode } from 'react';
import { urgencies, type Reminder } from '../../../shared/attention-model';
import { useStore } from '../store';

/** Most urgent first; among equals the newest, which is the one the user has not seen yet. */
function byUrgency(reminders: readonly Reminder[]): Reminder[] {
  const rank = (r: Reminder): number => urgencies.indexOf(r.urgency);
  return reminders
    .map((reminder, arrival) => ({ reminder, arrival }))
    .sort((a, b) => rank(a.reminder) - rank(b.reminder) || b.arrival - a.arrival)
    .map(({ reminder }) => reminder);
}

/**
 * The browser target's reminders: what the desktop app shows as notifications. One line stays
 * above the list however many arrive, so the list keeps its room; the rest are a click away.
 */
export function PageReminders(): ReactNode {
  const reminders = useStore((s) => s.pageReminders);
  const dismissReminder = useStore((s) => s.dismissReminder);
  const [expanded, setExpanded] = useState(false);
  if (reminders.length === 0) return null;
  const sorted = byUrgency(reminders);
  const shown = expanded ? sorted : sorted.slice(0, 1);
  const hidden = sorted.length - shown.length;
  return (
    <aside className="page-reminders" aria-label="Reminders">
      {shown.map((reminder) => (
        <PageReminder key={`${reminder.accountId}/${reminder.tokenId}`} reminder={reminder} />
      ))}
      {sorted.length > 1 && (
        <div className="page-reminders-more">
          <button type="button" className="small quiet" onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show fewer' : `${hidden} more ${hidden === 1 ? 'reminder' : 'reminders'}`}
          </button>
          <button
            type="button"
            className="small quiet"
            onClick={() => {
              for (const reminder of sorted) dismissReminder(reminder);
            }}
          >
            Dismiss all
          </button>
        </div>
      )}
    </aside>
  );
}

function PageReminder({ reminder }: { reminder: Reminder }): ReactNode {
  const openToken = useStore((s) => s.openToken);
  const dismissReminder = useStore((s) => s.dismissReminder);
  return (
    <div
      className={`page-reminder urgency-${reminder.urgency}`}
      data-testid="page-reminder"
      role="alert"
    >
      <strong>{reminder.title}</strong>
      <span>{reminder.body}</span>
      <button
        type="button"
        className="small"
        onClick={() => {
          dismissReminder(reminder);
          openToken({ accountId: reminder.accountId, tokenId: reminder.tokenId });
        }}
      >
        Show
      </button>
      <button type="button" className="small quiet" onClick={() => dismissReminder(reminder)}>
        Dismiss
      </button>
    </div>
  );
}
