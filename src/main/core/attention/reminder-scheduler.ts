import type { Reminder } from '../../../shared/attention-model';
import type { Clock } from '../clock';
import type { EmitEvent } from '../events';
import type { Logger } from '../log/logger';
import type { EvaluatedToken, Evaluation } from './attention-evaluation';
import { reasonKey } from './attention-policy';
import type { AttentionStore, ShownReminder } from './attention-store';
import { topUrgency, type AttentionService } from './attention.service';

/** The timer the scheduler sleeps on; tests drive a fake one. */
export interface TimerPort {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const systemTimer: TimerPort = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending reminder must not keep a process (tests, the browser target) alive.
    handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Where reminders go besides the windows: desktop notifications and the tray (Electron). */
export interface ReminderPort {
  remind(reminder: Reminder): void;
  /** How many tokens need attention now. */
  count(count: number): void;
}

/**
 * Timers count the time the machine is awake, not the calendar: after a night asleep a timer set
 * for the morning would fire hours late. So the scheduler never sleeps longer than this; each
 * wake-up is one evaluation of the cached lists, with no network.
 */
export const MAX_SLEEP_MS = 3600_000;

export interface SchedulerDeps {
  attention: AttentionService;
  store: AttentionStore;
  clock: Clock;
  timer: TimerPort;
  emit: EmitEvent;
  port: ReminderPort | null;
  log: Logger;
}

/**
 * Announces each reason a token needs attention once (per threshold: 30, 7 and 1 days before
 * expiry are three reminders), remembered in attention.json so a restart repeats none, then
 * sleeps until the next moment something becomes due. Changes to the lists or to the user's
 * snoozes wake it early.
 */
export class ReminderScheduler {
  private handle: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  /** The judged tokens of the last run: the same array means nothing new can be due. */
  private lastTokens: EvaluatedToken[] | null = null;

  constructor(private readonly deps: SchedulerDeps) {}

  start(): Promise<void> {
    this.started = true;
    return this.wake();
  }

  /** Resolves once a run under way has finished writing. */
  stop(): Promise<void> {
    this.started = false;
    this.cancelTimer();
    return this.running ?? Promise.resolve();
  }

  /** Something changed (a refresh, a snooze): look again; runs are never concurrent. */
  wake(): Promise<void> {
    if (!this.started) return Promise.resolve();
    if (this.running !== null) {
      this.again = true;
      return this.running;
    }
    this.running = this.runUntilSettled().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runUntilSettled(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.runOnce();
      } catch (error) {
        this.deps.log.error('checking for due reminders failed', { error });
        this.sleep(MAX_SLEEP_MS);
      }
    } while (this.again && this.started);
  }

  private async runOnce(): Promise<void> {
    const evaluation = await this.deps.attention.evaluate();
    if (evaluation.tokens !== this.lastTokens) await this.announceDue(evaluation);
    this.lastTokens = evaluation.tokens;
    const count = evaluation.tokens.filter((t) => t.visible.length > 0).length;
    this.deps.emit('attention:changed', { count });
    if (this.deps.port !== null) this.deps.port.count(count);

    const next = evaluation.nextChangeAt;
    const untilNext =
      next === null ? MAX_SLEEP_MS : next.getTime() - this.deps.clock.now().getTime();
    this.sleep(Math.min(MAX_SLEEP_MS, Math.max(0, untilNext)));
  }

  private async announceDue(evaluation: Evaluation): Promise<void> {
    const { shown } = await this.deps.store.read();
    const wasShown = new Set(shown.map(keyOf));
    const now = evaluation.now.toISOString();

    const announced: ShownReminder[] = [];
    const reminders: Reminder[] = [];
    for (const evaluated of evaluation.tokens) {
      // Low urgency ("set a reminder") is listed in the view but worth no interruption.
      const due = evaluated.visible.filter(
        (r) =>
          r.urgency !== 'low' &&
          !wasShown.has(keyOf({ ...refOf(evaluated), reason: reasonKey(r) })),
      );
      if (due.length === 0) continue;
      announced.push(...due.map((r) => ({ ...refOf(evaluated), reason: reasonKey(r), at: now })));
      reminders.push({
        ...refOf(evaluated),
        title: `${evaluated.token.name} (${evaluated.account.label})`,
        body: due.map((r) => r.message).join(' '),
        urgency: topUrgency(due),
      });
    }

    const current = new Set(
      evaluation.tokens.flatMap((t) =>
        t.assessment.reasons.map((r) => keyOf({ ...refOf(t), reason: reasonKey(r) })),
      ),
    );
    // Recorded before anything is shown: a crash in between loses a reminder, never repeats one.
    await this.deps.store.recordShown(announced, (s) => current.has(keyOf(s)), evaluation.now);

    for (const reminder of reminders) {
      this.deps.emit('attention:reminder', reminder);
      if (this.deps.port !== null) this.deps.port.remind(reminder);
    }
  }

  private sleep(ms: number): void {
    this.cancelTimer();
    if (!this.started) return;
    this.handle = this.deps.timer.set(() => {
      this.handle = null;
      void this.wake();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.handle !== null) this.deps.timer.clear(this.handle);
    this.handle = null;
  }
}

function refOf(evaluated: EvaluatedToken): { accountId: string; tokenId: string } {
  return { accountId: evaluated.account.id, tokenId: evaluated.token.id };
}

function keyOf(entry: { accountId: string; tokenId: string; reason: string }): string {
  return `${entry.accountId}/${entry.tokenId}/${entry.reason}`;
}
