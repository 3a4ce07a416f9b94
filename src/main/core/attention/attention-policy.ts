import type { AttentionReason, AttentionRules, Urgency } from '../../../shared/attention-model';
import type { ProviderKind, TokenInfo } from '../../../shared/model';
import {
  dayLabel,
  daysAfter,
  daysAgo,
  daysBefore,
  inDays,
  parseDate,
  wholeDaysBetween,
} from './attention-time';

/** What the policy knows about one token: the token, its account's rules and local records. */
export interface TokenFacts {
  token: TokenInfo;
  provider: ProviderKind;
  guided: boolean;
  rules: AttentionRules;
  /** The date the user asked to be reminded about this token. */
  reminderAt: string | null;
  /** When a rotation made another token current in this one's place (it is still listed). */
  rotatedOutAt: string | null;
  /** How far the service's clock runs ahead of this machine's (see service-clock.ts). */
  serviceAheadMs: number;
}

export interface Assessment {
  reasons: AttentionReason[];
  /** The next moment the reasons can change by time alone (a threshold, a due date). */
  nextChangeAt: Date | null;
}

const DAY_MS = 24 * 3600_000;

/**
 * Services that switch off tokens left unused. Bodhi App's rule: inactive after 30 days without
 * use; its own design warned from day 25, and so do we.
 */
const idleDeactivation: Partial<Record<ProviderKind, { afterDays: number; warnFromDays: number }>> =
  {
    bodhi: { afterDays: 30, warnFromDays: 25 },
  };

export function urgencyForDaysLeft(thresholdDays: number): Urgency {
  if (thresholdDays <= 1) return 'critical';
  if (thresholdDays <= 7) return 'high';
  return 'medium';
}

/**
 * Why a token needs the user, judged at `now`. Pure: the same facts and time give the same
 * answer, which is what lets the scheduler sleep until `nextChangeAt`.
 */
export function assessToken(facts: TokenFacts, now: Date): Assessment {
  const { token } = facts;
  const reasons: AttentionReason[] = [];
  const milestones: Date[] = [];
  if (token.status === 'revoked') return { reasons, nextChangeAt: null };

  // Service timestamps are moved onto this machine's clock once, here.
  const fromService = (iso: string | null): Date | null => {
    const date = parseDate(iso);
    return date === null ? null : new Date(date.getTime() - facts.serviceAheadMs);
  };
  const expiresAt = fromService(token.expiresAt);
  const createdAt = fromService(token.createdAt);
  const lastUsedAt = fromService(token.lastUsedAt);
  const lastVerifiedAt = parseDate(token.lastVerifiedAt);

  if (token.status === 'expired' || (expiresAt !== null && expiresAt <= now)) {
    // The service may call it expired before this machine's clock gets there.
    const when = expiresAt !== null && expiresAt <= now ? ` on ${dayLabel(expiresAt)}` : '';
    reasons.push(reason('expired', 'critical', null, expiresAt, `Expired${when}.`));
  } else if (expiresAt !== null) {
    const thresholds = applicableThresholds(facts, expiresAt, lastUsedAt ?? createdAt);
    const crossed = thresholds.filter((days) => now >= daysBefore(expiresAt, days));
    const threshold = crossed.length === 0 ? null : Math.min(...crossed);
    if (threshold !== null) {
      reasons.push(
        reason(
          'expiring',
          urgencyForDaysLeft(threshold),
          threshold,
          expiresAt,
          expiringMessage(token, expiresAt, now),
        ),
      );
    }
    milestones.push(expiresAt, ...thresholds.map((days) => daysBefore(expiresAt, days)));
  }

  if (token.status === 'active') {
    assessUse(facts, { createdAt, lastUsedAt, lastVerifiedAt }, now, reasons, milestones);
  }

  const reminderAt = parseDate(facts.reminderAt);
  if (reminderAt !== null) {
    if (now >= reminderAt) {
      reasons.push(
        reason(
          'reminder',
          'medium',
          null,
          reminderAt,
          `Your reminder for this token is due (${dayLabel(reminderAt)}).`,
        ),
      );
    }
    milestones.push(reminderAt);
  } else if (
    facts.guided &&
    token.expiresAt === null &&
    facts.rules.rotateEveryDays === null &&
    token.status === 'active'
  ) {
    reasons.push(
      reason(
        'no-reminder',
        'low',
        null,
        null,
        'Never expires, and nothing will remind you to rotate it: set a reminder.',
      ),
    );
  }

  const { rotateEveryDays } = facts.rules;
  if (rotateEveryDays !== null && createdAt !== null && token.status === 'active') {
    const dueAt = daysAfter(createdAt, rotateEveryDays);
    if (now >= dueAt) {
      reasons.push(
        reason(
          'rotation-due',
          'medium',
          rotateEveryDays,
          dueAt,
          `Created ${daysAgo(createdAt, now)}: your policy is to rotate every ${rotateEveryDays} days.`,
        ),
      );
    }
    milestones.push(dueAt);
  }

  const rotatedOutAt = parseDate(facts.rotatedOutAt);
  if (rotatedOutAt !== null) {
    const found = afterRotation(facts, { lastUsedAt, lastVerifiedAt }, rotatedOutAt, now);
    if (found !== null) reasons.push(found);
  }

  const future = milestones.filter((date) => date > now).map((date) => date.getTime());
  return {
    reasons,
    nextChangeAt: future.length === 0 ? null : new Date(Math.min(...future)),
  };
}

/**
 * A token a rotation replaced that is still alive. Where the service reports use, a use after the
 * rotation proves something still holds the old secret. Guided services report none; what
 * TokenDesk can see there is its own check (the revoke check or a Verify) still passing after the
 * rotation, so the old secret works for whoever holds it, though nobody can tell whether anyone
 * does.
 */
function afterRotation(
  facts: TokenFacts,
  dates: Pick<UseDates, 'lastUsedAt' | 'lastVerifiedAt'>,
  rotatedOutAt: Date,
  now: Date,
): AttentionReason | null {
  const { lastUsedAt, lastVerifiedAt } = dates;
  const replaced = dayLabel(rotatedOutAt);
  if (lastUsedAt !== null && lastUsedAt > rotatedOutAt) {
    return reason(
      'used-after-rotation',
      'high',
      null,
      lastUsedAt,
      `Used ${daysAgo(lastUsedAt, now)}, after a rotation replaced it on ${replaced}: something still holds the old secret.`,
    );
  }
  if (!facts.guided || facts.token.status !== 'active') return null;
  if (lastVerifiedAt === null || lastVerifiedAt <= rotatedOutAt) return null;
  return reason(
    'works-after-rotation',
    'high',
    null,
    lastVerifiedAt,
    `Still worked when checked ${daysAgo(lastVerifiedAt, now)}, after a rotation replaced it on ${replaced}. The service does not report when a token is used, so TokenDesk cannot tell whether anything still uses it: revoke it in the service's dashboard.`,
  );
}

/**
 * An extended token's expiry slides forward by its lifetime on every use, so a 30-day token in
 * daily use is always "29 days from expiry". Only a threshold shorter than that window can tell
 * an idle token from a busy one: it is crossed only after (window − threshold) days without use.
 */
function applicableThresholds(facts: TokenFacts, expiresAt: Date, base: Date | null): number[] {
  const thresholds = [...new Set(facts.rules.expiryThresholdsDays)];
  if (!facts.token.extended || base === null) return thresholds;
  const windowMs = expiresAt.getTime() - base.getTime();
  return thresholds.filter((days) => days * DAY_MS < windowMs);
}

function expiringMessage(token: TokenInfo, expiresAt: Date, now: Date): string {
  const when = `${inDays(now, expiresAt)} (${dayLabel(expiresAt)})`;
  if (!token.extended) return `Expires ${when}.`;
  return `Extends on use but has not been used lately: expires ${when} unless it is used.`;
}

interface UseDates {
  createdAt: Date | null;
  lastUsedAt: Date | null;
  lastVerifiedAt: Date | null;
}

/** Never used, idle, or about to be switched off for idling. */
function assessUse(
  facts: TokenFacts,
  dates: UseDates,
  now: Date,
  reasons: AttentionReason[],
  milestones: Date[],
): void {
  const { rules } = facts;
  // Where the service reports no use, a successful check by TokenDesk is the best sign of life.
  const lastActivity = dates.lastUsedAt ?? dates.lastVerifiedAt;
  if (lastActivity === null) {
    if (dates.createdAt === null) return;
    const dueAt = daysAfter(dates.createdAt, rules.neverUsedDays);
    if (now >= dueAt) {
      reasons.push(
        reason(
          'never-used',
          'medium',
          rules.neverUsedDays,
          dates.createdAt,
          `Never used since it was created ${daysAgo(dates.createdAt, now)}.`,
        ),
      );
    }
    milestones.push(dueAt);
    return;
  }

  const idleAt = daysAfter(lastActivity, rules.idleDays);
  const seen = dates.lastUsedAt === null ? 'Not used or checked' : 'Not used';
  if (now >= idleAt) {
    reasons.push(
      reason(
        'idle',
        'medium',
        rules.idleDays,
        lastActivity,
        `${seen} for ${wholeDaysBetween(lastActivity, now)} days.`,
      ),
    );
  }
  milestones.push(idleAt);

  const rule = idleDeactivation[facts.provider];
  if (rule === undefined || dates.lastUsedAt === null) return;
  const warnAt = daysAfter(dates.lastUsedAt, rule.warnFromDays);
  const offAt = daysAfter(dates.lastUsedAt, rule.afterDays);
  if (now >= warnAt) {
    reasons.push(
      reason(
        'idle-deactivation',
        now >= offAt ? 'critical' : 'high',
        rule.afterDays,
        offAt,
        `The service switches off tokens unused for ${rule.afterDays} days; this one was last used ${daysAgo(dates.lastUsedAt, now)} and stops working ${inDays(now, offAt)} unless it is used.`,
      ),
    );
  }
  milestones.push(warnAt, offAt);
}

function reason(
  kind: AttentionReason['kind'],
  urgency: Urgency,
  thresholdDays: number | null,
  at: Date | null,
  message: string,
): AttentionReason {
  return { kind, urgency, thresholdDays, at: at === null ? null : at.toISOString(), message };
}

/** One key per reason and threshold: what a snooze hides and what a shown reminder records. */
export function reasonKey(reason: Pick<AttentionReason, 'kind' | 'thresholdDays'>): string {
  return reason.thresholdDays === null ? reason.kind : `${reason.kind}:${reason.thresholdDays}`;
}
