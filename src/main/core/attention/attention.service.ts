import {
  urgencies,
  type AttentionItem,
  type AttentionList,
  type AttentionSettings,
  type AuditGroup,
  type Timeline,
  type Urgency,
} from '../../../shared/attention-model';
import { AppError } from '../../../shared/errors';
import {
  AttentionEvaluator,
  fixesOf,
  type AttentionSources,
  type EvaluatedToken,
  type Evaluation,
} from './attention-evaluation';
import { reasonKey } from './attention-policy';
import { daysAfter, parseDate } from './attention-time';
import { expiryTimeline } from './expiry-timeline';
import { lastUsedAudit } from './last-used-audit';

export const rank = (urgency: Urgency): number => urgencies.indexOf(urgency);

/** The most urgent of the reasons (they are never empty where this is called). */
export function topUrgency(reasons: readonly { urgency: Urgency }[]): Urgency {
  return reasons.reduce<Urgency>(
    (top, r) => (rank(r.urgency) < rank(top) ? r.urgency : top),
    'low',
  );
}

/**
 * What needs the user's attention and what they decided about it: snoozes, reminder dates and
 * the rules. Every answer is computed from the cached token lists and the clock, so it is cheap
 * to ask again whenever anything changes.
 */
export class AttentionService {
  /** Told after a change the user made, so the reminder scheduler looks again at once. */
  private onChange: () => void = () => undefined;
  private readonly evaluator: AttentionEvaluator;

  constructor(private readonly sources: AttentionSources) {
    this.evaluator = new AttentionEvaluator(sources);
  }

  /** Tokens judged since the start (unchanged accounts are not judged again). */
  get assessedTokens(): number {
    return this.evaluator.assessedCount;
  }

  whenChanged(listener: () => void): void {
    this.onChange = listener;
  }

  evaluate(): Promise<Evaluation> {
    return this.evaluator.evaluate();
  }

  async list(): Promise<AttentionList> {
    const evaluation = await this.evaluate();
    const items = evaluation.tokens
      .filter((t) => t.visible.length > 0)
      .map(toItem)
      .sort(
        (a, b) =>
          rank(a.urgency) - rank(b.urgency) ||
          bySoonest(a, b) ||
          a.tokenName.localeCompare(b.tokenName),
      );
    const snoozedCount = evaluation.tokens.filter(
      (t) => t.visible.length === 0 && t.assessment.reasons.length > 0 && t.snoozedUntil !== null,
    ).length;
    return { now: evaluation.now.toISOString(), items, snoozedCount };
  }

  /** Hides the token's current reasons for `days` days; a new reason or threshold still shows. */
  async snooze(accountId: string, tokenId: string, days: number): Promise<{ until: string }> {
    const evaluation = await this.evaluate();
    const found = findToken(evaluation, accountId, tokenId);
    const reasons = found.assessment.reasons.map(reasonKey);
    if (reasons.length === 0) {
      throw new AppError('CONFLICT', `“${found.token.name}” needs no attention to snooze.`);
    }
    const until = daysAfter(evaluation.now, days).toISOString();
    await this.sources.store.snooze({ accountId, tokenId, until, reasons });
    this.onChange();
    return { until };
  }

  async setReminder(
    accountId: string,
    tokenId: string,
    at: string | null,
  ): Promise<{ reminderAt: string | null }> {
    findToken(await this.evaluate(), accountId, tokenId);
    const date = parseDate(at);
    if (at !== null && date === null) {
      throw new AppError('VALIDATION', 'The reminder date is not a date TokenDesk can read.');
    }
    const reminderAt = date === null ? null : date.toISOString();
    await this.sources.store.setReminderDate(accountId, tokenId, reminderAt);
    this.onChange();
    return { reminderAt };
  }

  async settings(): Promise<AttentionSettings> {
    return (await this.sources.store.read()).settings;
  }

  async setSettings(settings: AttentionSettings): Promise<AttentionSettings> {
    const known = new Set((await this.sources.registry.list()).map((a) => a.id));
    const unknown = Object.keys(settings.accounts).find((id) => !known.has(id));
    if (unknown !== undefined) {
      throw new AppError('NOT_FOUND', 'That account no longer exists in TokenDesk.');
    }
    const rules = [settings.global, ...Object.values(settings.accounts)];
    if (
      rules.some((r) => r.expiryThresholdsDays !== undefined && hasRepeats(r.expiryThresholdsDays))
    ) {
      // Two warnings on the same day would be announced as one: the user meant something else.
      throw new AppError(
        'VALIDATION',
        'Warn before expiry on different days: a day is given twice.',
      );
    }
    const saved = await this.sources.store.setSettings(settings);
    this.onChange();
    return saved;
  }

  async timeline(days: number): Promise<Timeline> {
    return expiryTimeline(await this.evaluate(), days);
  }

  async audit(): Promise<AuditGroup[]> {
    return lastUsedAudit(await this.evaluate());
  }
}

function hasRepeats(days: number[]): boolean {
  return new Set(days).size !== days.length;
}

function findToken(evaluation: Evaluation, accountId: string, tokenId: string): EvaluatedToken {
  const found = evaluation.tokens.find((t) => t.account.id === accountId && t.token.id === tokenId);
  if (found === undefined) {
    throw new AppError('NOT_FOUND', 'TokenDesk no longer lists this token; refresh the list.');
  }
  return found;
}

function toItem(evaluated: EvaluatedToken): AttentionItem {
  const { account, token, visible, facts } = evaluated;
  const reasons = [...visible].sort((a, b) => rank(a.urgency) - rank(b.urgency));
  return {
    accountId: account.id,
    tokenId: token.id,
    tokenName: token.name,
    accountLabel: account.label,
    provider: account.provider,
    project: token.project,
    urgency: topUrgency(reasons),
    reasons,
    fixes: fixesOf(evaluated),
    reminderAt: facts.reminderAt,
  };
}

/** Among equally urgent items, the one whose date comes first; undated ones last. */
function bySoonest(a: AttentionItem, b: AttentionItem): number {
  const soonest = (item: AttentionItem): number =>
    Math.min(Infinity, ...item.reasons.map((r) => (r.at === null ? Infinity : Date.parse(r.at))));
  const [x, y] = [soonest(a), soonest(b)];
  if (x === y) return 0;
  if (x === Infinity) return 1;
  if (y === Infinity) return -1;
  return x - y;
}
