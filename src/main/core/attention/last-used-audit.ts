import type { AuditGroup, AuditRow } from '../../../shared/attention-model';
import type { Evaluation, EvaluatedToken } from './attention-evaluation';
import { daysAfter, parseDate, wholeDaysBetween } from './attention-time';

/**
 * Tokens nobody seems to use, per account and project: never used, or idle for longer than the
 * account's idle rule. "Used" is what the service reports, else TokenDesk's last successful
 * check (TeraSwitch and tracked tokens report no use at all).
 */
export function lastUsedAudit(evaluation: Evaluation): AuditGroup[] {
  const groups = new Map<string, AuditGroup>();
  for (const evaluated of evaluation.tokens) {
    const row = auditRow(evaluated, evaluation.now);
    if (row === null) continue;
    const { account } = evaluated;
    const key = `${account.id}\u0000${row.project ?? ''}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        accountId: account.id,
        accountLabel: account.label,
        provider: account.provider,
        project: row.project,
        rows: [],
      };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  const sorted = [...groups.values()].sort(
    (a, b) =>
      a.accountLabel.localeCompare(b.accountLabel) ||
      (a.project ?? '').localeCompare(b.project ?? ''),
  );
  for (const group of sorted) group.rows.sort((a, b) => (b.days ?? 0) - (a.days ?? 0));
  return sorted;
}

function auditRow(evaluated: EvaluatedToken, now: Date): AuditRow | null {
  const { token, facts, abilities } = evaluated;
  if (token.status === 'revoked') return null;
  const usedAt = parseDate(token.lastUsedAt);
  const verifiedAt = parseDate(token.lastVerifiedAt);
  const createdAt = parseDate(token.createdAt);
  const lastActivity = usedAt ?? verifiedAt;
  const base = {
    accountId: token.accountId,
    tokenId: token.id,
    tokenName: token.name,
    project: token.project,
    createdAt: token.createdAt,
    canRevoke: abilities.canRevoke,
  };
  if (lastActivity === null) {
    return {
      ...base,
      lastActivityAt: null,
      lastActivitySource: null,
      finding: 'never-used',
      days: createdAt === null ? null : wholeDaysBetween(createdAt, now),
    };
  }
  if (now < daysAfter(lastActivity, facts.rules.idleDays)) return null;
  return {
    ...base,
    lastActivityAt: lastActivity.toISOString(),
    lastActivitySource: usedAt === null ? 'verified' : 'service',
    finding: 'idle',
    days: wholeDaysBetween(lastActivity, now),
  };
}
