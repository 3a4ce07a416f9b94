import {
  AttentionRulesSchema,
  type AttentionRules,
  type AttentionSettings,
} from '../../../shared/attention-model';

export type RuleField = keyof AttentionRules;

export const ruleFields: readonly RuleField[] = [
  'expiryThresholdsDays',
  'neverUsedDays',
  'idleDays',
  'rotateEveryDays',
];

/** What the rules form holds: the text of each field as the user typed it. */
export type RulesDraft = Record<RuleField, string>;

export type RuleErrors = Partial<Record<RuleField, string>>;

export function draftOf(rules: AttentionRules): RulesDraft {
  return {
    expiryThresholdsDays: rules.expiryThresholdsDays.join(', '),
    neverUsedDays: String(rules.neverUsedDays),
    idleDays: String(rules.idleDays),
    rotateEveryDays: rules.rotateEveryDays === null ? '' : String(rules.rotateEveryDays),
  };
}

/** An empty field is not a number; the schema says so in the user's words. */
const daysOf = (text: string): number => (text.trim() === '' ? NaN : Number(text.trim()));

function valueOf(field: RuleField, text: string): unknown {
  switch (field) {
    case 'expiryThresholdsDays':
      return text
        .split(/[\s,]+/)
        .filter((part) => part !== '')
        .map(daysOf)
        .sort((a, b) => b - a);
    case 'rotateEveryDays':
      // Empty: no rotation policy.
      return text.trim() === '' ? null : daysOf(text);
    default:
      return daysOf(text);
  }
}

/**
 * The chosen fields of the draft as rules, checked against the contract's own schema so the
 * form shows, next to each field, the message main would give.
 */
export function parseDraft(
  draft: RulesDraft,
  fields: readonly RuleField[],
): { ok: true; rules: Partial<AttentionRules> } | { ok: false; errors: RuleErrors } {
  const candidate = Object.fromEntries(
    fields.map((field) => [field, valueOf(field, draft[field])]),
  );
  const parsed = AttentionRulesSchema.partial().strict().safeParse(candidate);
  if (parsed.success) return { ok: true, rules: parsed.data };
  const errors: RuleErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as RuleField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

/** The settings with one scope's rules replaced: the global ones, or one account's own. */
export function withRules(
  settings: AttentionSettings,
  accountId: string | null,
  rules: Partial<AttentionRules>,
): AttentionSettings {
  if (accountId === null) return { ...settings, global: { ...settings.global, ...rules } };
  const accounts = { ...settings.accounts };
  if (Object.keys(rules).length === 0) delete accounts[accountId];
  else accounts[accountId] = rules;
  return { ...settings, accounts };
}
