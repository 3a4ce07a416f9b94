import type { Timeline, TimelineEntry } from '../../../shared/attention-model';
import type { Evaluation, EvaluatedToken } from './attention-evaluation';
import { daysAfter, parseDate } from './attention-time';

/** The dates ahead in the next `days` days: expiries, reminders and rotation-policy due dates. */
export function expiryTimeline(evaluation: Evaluation, days: number): Timeline {
  const { now } = evaluation;
  const end = daysAfter(now, days);
  const entries: TimelineEntry[] = [];
  for (const evaluated of evaluation.tokens) {
    for (const entry of datesOf(evaluated)) {
      const at = parseDate(entry.at);
      if (at !== null && at > now && at <= end) entries.push(entry);
    }
  }
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { from: now.toISOString(), to: end.toISOString(), entries };
}

function datesOf(evaluated: EvaluatedToken): TimelineEntry[] {
  const { account, token, facts, assessment } = evaluated;
  if (token.status === 'revoked') return [];
  const base = {
    accountId: account.id,
    tokenId: token.id,
    tokenName: token.name,
    accountLabel: account.label,
  };
  const urgencyOf = (kind: string) => {
    const reason = assessment.reasons.find((r) => r.kind === kind);
    return reason === undefined ? null : reason.urgency;
  };
  const entries: TimelineEntry[] = [];
  if (token.expiresAt !== null) {
    entries.push({ ...base, kind: 'expiry', at: token.expiresAt, urgency: urgencyOf('expiring') });
  }
  if (facts.reminderAt !== null) {
    entries.push({ ...base, kind: 'reminder', at: facts.reminderAt, urgency: null });
  }
  const createdAt = parseDate(token.createdAt);
  if (facts.rules.rotateEveryDays !== null && createdAt !== null) {
    const at = daysAfter(createdAt, facts.rules.rotateEveryDays).toISOString();
    entries.push({ ...base, kind: 'rotation', at, urgency: null });
  }
  return entries;
}
