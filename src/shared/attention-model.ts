import { z } from 'zod';
import { ProviderKindSchema, id, isoDate, longText, shortText } from './model';

/** Most urgent first: the order the Needs attention view sorts by. */
export const urgencies = ['critical', 'high', 'medium', 'low'] as const;
export const UrgencySchema = z.enum(urgencies);
export type Urgency = z.infer<typeof UrgencySchema>;

export const AttentionKindSchema = z.enum([
  'expired',
  'expiring',
  'never-used',
  'idle',
  /** The service deactivates idle tokens (Bodhi: after 30 days without use). */
  'idle-deactivation',
  /** The date the user chose to be reminded about a token (guided services have no expiry). */
  'reminder',
  /** A guided token that never expires and has no reminder: nothing would ever warn. */
  'no-reminder',
  /** The "rotate every N days" policy is due. */
  'rotation-due',
  /** Something still uses the token after a rotation replaced it. */
  'used-after-rotation',
  /**
   * The service reports no use (guided services), but TokenDesk found the token still working
   * after a rotation replaced it: whatever still holds it keeps working unseen.
   */
  'works-after-rotation',
  /** A publish target no longer holds the token's current secret, or holds none. */
  'target-drift',
  /** A publish target holds this token, and the token no longer works. */
  'target-dead',
]);
export type AttentionKind = z.infer<typeof AttentionKindSchema>;

export const AttentionFixSchema = z.enum([
  'rotate',
  'revoke',
  'snooze-day',
  'snooze-week',
  'set-reminder',
  /** The token's current secret to its drifted targets again. */
  'publish-again',
]);
export type AttentionFix = z.infer<typeof AttentionFixSchema>;

export const AttentionReasonSchema = z.object({
  kind: AttentionKindSchema,
  urgency: UrgencySchema,
  /** The threshold crossed, in days (30, 7, 1 before expiry), when the kind has thresholds. */
  thresholdDays: z.number().int().nullable(),
  /** The date the reason is about: the expiry, the reminder, the last use. */
  at: isoDate.nullable(),
  /** One sentence for the user. */
  message: longText,
});
export type AttentionReason = z.infer<typeof AttentionReasonSchema>;

export const AttentionItemSchema = z.object({
  accountId: id,
  tokenId: id,
  tokenName: shortText,
  accountLabel: shortText,
  provider: ProviderKindSchema,
  project: shortText.nullable(),
  urgency: UrgencySchema,
  reasons: z.array(AttentionReasonSchema),
  fixes: z.array(AttentionFixSchema),
  reminderAt: isoDate.nullable(),
});
export type AttentionItem = z.infer<typeof AttentionItemSchema>;

export const AttentionListSchema = z.object({
  /** Main's clock: the renderer measures "in 3 days" from here, not from its own clock. */
  now: isoDate,
  items: z.array(AttentionItemSchema),
  /** Tokens whose every reason is snoozed. */
  snoozedCount: z.number().int().nonnegative(),
});
export type AttentionList = z.infer<typeof AttentionListSchema>;

// Worded for the user: the rules form shows these messages next to the field they are about.
const days = z
  .number({ error: 'Enter a number of days.' })
  .int('Use whole days.')
  .min(1, 'Use at least 1 day.')
  .max(3650, 'Use at most 3650 days (10 years).');

export const AttentionRulesSchema = z.object({
  /** Days before expiry at which to warn, e.g. [30, 7, 1]. */
  expiryThresholdsDays: z
    .array(days)
    .min(1, 'Keep at least one warning before expiry.')
    .max(6, 'Use at most 6 warnings before expiry.'),
  neverUsedDays: days,
  idleDays: days,
  /** null: no rotation policy. */
  rotateEveryDays: days.nullable(),
});
export type AttentionRules = z.infer<typeof AttentionRulesSchema>;

export const AttentionSettingsSchema = z.object({
  global: AttentionRulesSchema,
  /** Per account: only the rules that differ from the global ones. */
  accounts: z.record(id, AttentionRulesSchema.partial()),
});
export type AttentionSettings = z.infer<typeof AttentionSettingsSchema>;

export const TimelineEntrySchema = z.object({
  accountId: id,
  tokenId: id,
  tokenName: shortText,
  accountLabel: shortText,
  /** What the date is: the service's expiry, the user's reminder, or the rotation policy's. */
  kind: z.enum(['expiry', 'reminder', 'rotation']),
  at: isoDate,
  urgency: UrgencySchema.nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const TimelineSchema = z.object({
  from: isoDate,
  to: isoDate,
  entries: z.array(TimelineEntrySchema),
});
export type Timeline = z.infer<typeof TimelineSchema>;

export const AuditRowSchema = z.object({
  accountId: id,
  tokenId: id,
  tokenName: shortText,
  project: shortText.nullable(),
  createdAt: isoDate.nullable(),
  /** The last use the service reports, else the last successful verification by TokenDesk. */
  lastActivityAt: isoDate.nullable(),
  lastActivitySource: z.enum(['service', 'verified']).nullable(),
  finding: z.enum(['never-used', 'idle']),
  /** Whole days since the last activity (or since creation, for a never-used token). */
  days: z.number().int().nonnegative().nullable(),
  canRevoke: z.boolean(),
});
export type AuditRow = z.infer<typeof AuditRowSchema>;

export const AuditGroupSchema = z.object({
  accountId: id,
  accountLabel: shortText,
  provider: ProviderKindSchema,
  project: shortText.nullable(),
  rows: z.array(AuditRowSchema),
});
export type AuditGroup = z.infer<typeof AuditGroupSchema>;

/** A reminder as it is announced: desktop notification, tray and in-page banner. */
export const ReminderSchema = z.object({
  accountId: id,
  tokenId: id,
  title: shortText,
  body: longText,
  urgency: UrgencySchema,
});
export type Reminder = z.infer<typeof ReminderSchema>;
