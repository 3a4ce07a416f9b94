import { afterEach, beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import type { Reminder } from '../../../shared/attention-model';
import type { Clock } from '../clock';
import type { FakeProvider } from '../test-support/fake-provider';
import { addFakeAccount, createTestCore, type TestCore } from '../test-support/test-core';
import { MAX_SLEEP_MS, type ReminderPort, type TimerPort } from './reminder-scheduler';

beforeAll(() => {
  vi.stubEnv('TZ', 'UTC');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const HOUR = 3600_000;
const DAY = 24 * HOUR;

class FakeClock implements Clock {
  constructor(private current: number) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = Date.parse(iso);
  }
}

/** Holds the one pending wake-up the scheduler asked for, so the test decides when it fires. */
class FakeTimer implements TimerPort {
  pending: { callback: () => void; ms: number } | null = null;
  set(callback: () => void, ms: number): unknown {
    this.pending = { callback, ms };
    return this.pending;
  }
  clear(handle: unknown): void {
    if (handle === this.pending) this.pending = null;
  }
  get delay(): number | null {
    return this.pending === null ? null : this.pending.ms;
  }
}

class RecordingPort implements ReminderPort {
  readonly reminders: Reminder[] = [];
  readonly counts: number[] = [];
  remind(reminder: Reminder): void {
    this.reminders.push(reminder);
  }
  count(count: number): void {
    this.counts.push(count);
  }
}

const EXPIRES_AT = '2026-01-15T12:00:00.000Z';
const SEVEN_DAYS_BEFORE = '2026-01-08T12:00:00.000Z';

let cores: TestCore[] = [];

afterEach(async () => {
  for (const t of cores) await t.core.reminders.stop();
  if (cores[0] !== undefined) await cores[0].cleanup();
  cores = [];
});

interface Running {
  t: TestCore;
  timer: FakeTimer;
  port: RecordingPort;
}

async function startApp(
  clock: FakeClock,
  reuse?: { dataDir: string; provider: FakeProvider },
): Promise<Running> {
  const timer = new FakeTimer();
  const port = new RecordingPort();
  const t = await createTestCore({ clock, timer, reminderPort: port, ...reuse });
  cores.push(t);
  await t.core.reminders.start();
  return { t, timer, port };
}

/** An account with one token expiring on 15 January, in daily use. */
async function setUp(clock: FakeClock): Promise<Running & { accountId: string; tokenId: string }> {
  const running = await startApp(clock);
  const { accountId } = await addFakeAccount(running.t);
  const { id: tokenId } = running.t.provider.seed('ci-deploy', {
    expiresAt: EXPIRES_AT,
    lastUsedAt: '2026-01-04T00:00:00.000Z',
  });
  await running.t.core.inventory.refresh(accountId);
  await running.t.core.reminders.wake();
  return { ...running, accountId, tokenId };
}

/** The timer fires, as it would after `delay` ms. */
async function fire(running: Running): Promise<void> {
  const pending = running.timer.pending;
  if (pending === null) throw new Error('the scheduler is not sleeping');
  pending.callback();
  await running.t.core.reminders.wake();
}

describe('the reminder scheduler', () => {
  it('announces a due token once per threshold and sleeps until the next one', async () => {
    const clock = new FakeClock(Date.parse('2026-01-08T11:30:00.000Z'));
    const app = await setUp(clock);

    expect(app.port.reminders).toEqual([
      expect.objectContaining({ tokenId: app.tokenId, urgency: 'medium' }),
    ]);
    expect(app.port.reminders[0]?.body).toContain('Expires in 7 days');
    // Half an hour to the 7-day threshold: that is all it sleeps.
    expect(app.timer.delay).toBe(30 * 60_000);
    expect(app.t.events.filter((e) => e.event === 'attention:reminder')).toHaveLength(1);

    clock.set(SEVEN_DAYS_BEFORE);
    await fire(app);
    expect(app.port.reminders.map((r) => r.urgency)).toEqual(['medium', 'high']);

    await fire(app);
    await app.t.core.inventory.refresh(app.accountId);
    expect(app.port.reminders).toHaveLength(2);
    expect(app.port.counts.at(-1)).toBe(1);
  });

  it('never sleeps longer than an hour, since timers stop while the machine sleeps', async () => {
    const app = await setUp(new FakeClock(Date.parse('2026-01-05T00:00:00.000Z')));

    expect(app.timer.delay).toBe(MAX_SLEEP_MS);
  });

  it('repeats nothing after a restart on the same data', async () => {
    const clock = new FakeClock(Date.parse(SEVEN_DAYS_BEFORE));
    const first = await setUp(clock);
    expect(first.port.reminders).toHaveLength(1);
    await first.t.core.reminders.stop();

    const second = await startApp(clock, { dataDir: first.t.dataDir, provider: first.t.provider });

    expect(second.port.reminders).toEqual([]);
    expect(second.port.counts).toEqual([1]);

    clock.set('2026-01-14T12:00:00.000Z');
    await fire(second);
    expect(second.port.reminders.map((r) => r.urgency)).toEqual(['critical']);
  });

  it('keeps a snooze across a restart and reminds again when it ends', async () => {
    const clock = new FakeClock(Date.parse(SEVEN_DAYS_BEFORE));
    const first = await setUp(clock);

    await first.t.core.attention.snooze(first.accountId, first.tokenId, 1);
    await first.t.core.reminders.wake();
    expect(first.port.counts.at(-1)).toBe(0);
    expect((await first.t.core.attention.list()).items).toEqual([]);
    await first.t.core.reminders.stop();

    clock.set('2026-01-09T11:00:00.000Z');
    const second = await startApp(clock, { dataDir: first.t.dataDir, provider: first.t.provider });
    expect(await second.t.core.attention.list()).toMatchObject({ items: [], snoozedCount: 1 });
    expect(second.port.reminders).toEqual([]);
    // It wakes when the snooze ends, an hour from now.
    expect(second.timer.delay).toBe(HOUR);

    clock.set('2026-01-09T12:00:00.000Z');
    await fire(second);
    expect(second.port.reminders).toEqual([
      expect.objectContaining({ tokenId: first.tokenId, urgency: 'high' }),
    ]);
    expect((await second.t.core.attention.list()).items).toHaveLength(1);
  });

  it('shows a new threshold through a snooze', async () => {
    const clock = new FakeClock(Date.parse(SEVEN_DAYS_BEFORE));
    const app = await setUp(clock);
    await app.t.core.attention.snooze(app.accountId, app.tokenId, 7);

    clock.set(new Date(Date.parse(EXPIRES_AT) - DAY).toISOString());
    await fire(app);

    const { items } = await app.t.core.attention.list();
    expect(items.map((i) => i.reasons.map((r) => r.thresholdDays))).toEqual([[1]]);
    expect(app.port.reminders.at(-1)).toMatchObject({ urgency: 'critical' });
  });
});
