import { join } from 'node:path';
import { z } from 'zod';
import {
  AttentionSettingsSchema,
  type AttentionRules,
  type AttentionSettings,
} from '../../../shared/attention-model';
import { JsonDocument, type RecoveryNotice } from '../storage/json-document';

export const defaultRules: AttentionRules = {
  expiryThresholdsDays: [30, 7, 1],
  neverUsedDays: 14,
  idleDays: 30,
  rotateEveryDays: null,
};

const TokenKeySchema = z.object({ accountId: z.string(), tokenId: z.string() });

const SnoozeSchema = TokenKeySchema.extend({
  until: z.string(),
  /** The reasons shown when the user snoozed; a new reason or threshold is not hidden. */
  reasons: z.array(z.string()),
});
export type Snooze = z.infer<typeof SnoozeSchema>;

const ReminderDateSchema = TokenKeySchema.extend({ at: z.string() });
const ShownSchema = TokenKeySchema.extend({ reason: z.string(), at: z.string() });
export type ShownReminder = z.infer<typeof ShownSchema>;

const AttentionFileSchema = z.object({
  version: z.literal(1),
  settings: AttentionSettingsSchema,
  snoozes: z.array(SnoozeSchema),
  reminderDates: z.array(ReminderDateSchema),
  /** Reminders already announced, so a restart does not announce them again. */
  shown: z.array(ShownSchema),
});
export type AttentionFile = z.infer<typeof AttentionFileSchema>;

const sameToken =
  (accountId: string, tokenId: string) =>
  (entry: { accountId: string; tokenId: string }): boolean =>
    entry.accountId === accountId && entry.tokenId === tokenId;

/** `attention.json`: the user's rules, snoozes, reminder dates and the reminders shown. */
export class AttentionStore {
  private readonly file: JsonDocument<AttentionFile>;

  constructor(dataDir: string, onRecovered?: (notice: RecoveryNotice) => void) {
    this.file = new JsonDocument(
      join(dataDir, 'attention.json'),
      AttentionFileSchema,
      () => ({
        version: 1,
        settings: { global: defaultRules, accounts: {} },
        snoozes: [],
        reminderDates: [],
        shown: [],
      }),
      onRecovered,
    );
  }

  read(): Promise<AttentionFile> {
    return this.file.read();
  }

  async setSettings(settings: AttentionSettings): Promise<AttentionSettings> {
    const next = await this.file.update((current) => ({ ...current, settings }));
    return next.settings;
  }

  /** Replaces the token's snooze; the reminders it hides will be announced again when it ends. */
  async snooze(snooze: Snooze): Promise<void> {
    const same = sameToken(snooze.accountId, snooze.tokenId);
    await this.file.update((current) => ({
      ...current,
      snoozes: [...current.snoozes.filter((s) => !same(s)), snooze],
      shown: current.shown.filter((s) => !(same(s) && snooze.reasons.includes(s.reason))),
    }));
  }

  async setReminderDate(accountId: string, tokenId: string, at: string | null): Promise<void> {
    const same = sameToken(accountId, tokenId);
    await this.file.update((current) => ({
      ...current,
      reminderDates: [
        ...current.reminderDates.filter((r) => !same(r)),
        ...(at === null ? [] : [{ accountId, tokenId, at }]),
      ],
      // A new date is a new reminder: announce it when it comes.
      shown: current.shown.filter((s) => !(same(s) && s.reason === 'reminder')),
    }));
  }

  /**
   * Records what was announced now and forgets what is no longer due (so a reason that goes
   * away and comes back later, like an idle token used once, is announced again), along with
   * snoozes that ended.
   */
  async recordShown(
    announced: ShownReminder[],
    stillDue: (entry: ShownReminder) => boolean,
    now: Date,
  ): Promise<void> {
    await this.file.update((current) => ({
      ...current,
      shown: [...current.shown.filter(stillDue), ...announced],
      snoozes: current.snoozes.filter((s) => Date.parse(s.until) > now.getTime()),
    }));
  }
}

/** The rules for one account: the global ones with the account's own changes on top. */
export function rulesFor(settings: AttentionSettings, accountId: string): AttentionRules {
  return { ...settings.global, ...settings.accounts[accountId] };
}
