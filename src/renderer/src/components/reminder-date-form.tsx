import { useState, type FormEvent, type ReactNode } from 'react';
import type { AttentionItem } from '../../../shared/attention-model';
import { useStore } from '../store';

/** A date (the user's own day) on which TokenDesk reminds them about the token. */
export function ReminderDateForm({
  item,
  onDone,
}: {
  item: AttentionItem;
  onDone: () => void;
}): ReactNode {
  const setReminder = useStore((s) => s.setReminder);
  const [day, setDay] = useState(item.reminderAt === null ? '' : item.reminderAt.slice(0, 10));
  const ref = { accountId: item.accountId, tokenId: item.tokenId };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (day === '') return;
    // Nine in the morning of that day, in the user's own zone: a reminder worth getting.
    const remindAt = new Date(`${day}T09:00:00`).toISOString();
    void setReminder(ref, remindAt, item.tokenName).then(onDone);
  };

  return (
    <form className="reminder-form" onSubmit={submit}>
      <label>
        Remind me on
        <input type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
      </label>
      <button type="submit" className="small">
        Save reminder
      </button>
      {item.reminderAt === null ? null : (
        <button
          type="button"
          className="small quiet"
          onClick={() => void setReminder(ref, null, item.tokenName).then(onDone)}
        >
          Remove reminder
        </button>
      )}
    </form>
  );
}
