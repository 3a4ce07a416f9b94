import type { ReactNode } from 'react';
import { useStore } from '../store';

/** The browser target's reminders: what the desktop app shows as notifications. */
export function PageReminders(): ReactNode {
  const reminders = useStore((s) => s.pageReminders);
  const openToken = useStore((s) => s.openToken);
  const dismissReminder = useStore((s) => s.dismissReminder);
  if (reminders.length === 0) return null;
  return (
    <aside className="page-reminders" aria-label="Reminders">
      {reminders.map((reminder) => (
        <div
          key={`${reminder.accountId}/${reminder.tokenId}`}
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
      ))}
    </aside>
  );
}
