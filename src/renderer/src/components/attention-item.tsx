import { useState, type ReactNode } from 'react';
import type { AttentionItem } from '../../../shared/attention-model';
import { urgencyLabels } from '../lib/urgency';
import { useStore } from '../store';
import { ReminderDateForm } from './reminder-date-form';

/** One token that needs the user: why, how urgent, and a button for each fix. */
export function AttentionItemCard({ item }: { item: AttentionItem }): ReactNode {
  const snooze = useStore((s) => s.snooze);
  const publishAgain = useStore((s) => s.publishAgain);
  const startRotation = useStore((s) => s.startRotation);
  const openDialog = useStore((s) => s.openDialog);
  const openToken = useStore((s) => s.openToken);
  const [settingReminder, setSettingReminder] = useState(false);
  const ref = { accountId: item.accountId, tokenId: item.tokenId };
  const name = item.tokenName;

  return (
    <li
      className={`attention-item urgency-${item.urgency}`}
      data-testid="attention-item"
      data-token-id={item.tokenId}
      data-urgency={item.urgency}
    >
      <div className="attention-head">
        <span className={`urgency-badge urgency-${item.urgency}`}>
          {urgencyLabels[item.urgency]}
        </span>
        <button type="button" className="link-button token-name" onClick={() => openToken(ref)}>
          {name}
        </button>
        <span className="muted">
          {item.accountLabel}
          {item.project === null ? null : ` · ${item.project}`}
        </span>
      </div>
      <ul className="attention-reasons">
        {item.reasons.map((reason) => (
          <li key={`${reason.kind}:${reason.thresholdDays ?? ''}`} data-kind={reason.kind}>
            {reason.message}
          </li>
        ))}
      </ul>
      <div className="attention-fixes">
        {item.fixes.map((fix) => {
          switch (fix) {
            case 'publish-again':
              return (
                <button
                  key={fix}
                  type="button"
                  className="small"
                  aria-label={`Publish ${name} again`}
                  onClick={() => void publishAgain(ref, name)}
                >
                  Publish again
                </button>
              );
            case 'rotate':
              return (
                <button
                  key={fix}
                  type="button"
                  className="small"
                  aria-label={`Rotate ${name}`}
                  onClick={() => void startRotation(ref, name)}
                >
                  Rotate
                </button>
              );
            case 'revoke':
              return (
                <button
                  key={fix}
                  type="button"
                  className="small danger-quiet"
                  aria-label={`Revoke ${name}`}
                  onClick={() => openDialog({ kind: 'revoke-token', ...ref })}
                >
                  Revoke
                </button>
              );
            case 'snooze-day':
              return (
                <button
                  key={fix}
                  type="button"
                  className="small quiet"
                  aria-label={`Snooze ${name} for 1 day`}
                  onClick={() => void snooze(ref, 1, name)}
                >
                  Snooze 1 day
                </button>
              );
            case 'snooze-week':
              return (
                <button
                  key={fix}
                  type="button"
                  className="small quiet"
                  aria-label={`Snooze ${name} for 1 week`}
                  onClick={() => void snooze(ref, 7, name)}
                >
                  Snooze 1 week
                </button>
              );
            case 'set-reminder':
              return (
                <button
                  key={fix}
                  type="button"
                  className="small quiet"
                  aria-label={`Set a reminder for ${name}`}
                  aria-expanded={settingReminder}
                  onClick={() => setSettingReminder((open) => !open)}
                >
                  Set reminder
                </button>
              );
          }
        })}
      </div>
      {settingReminder ? (
        <ReminderDateForm item={item} onDone={() => setSettingReminder(false)} />
      ) : null}
    </li>
  );
}
