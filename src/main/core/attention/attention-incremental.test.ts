import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../clock';
import { storageMeter } from '../storage/storage-meter';
import { addFakeAccount, createTestCore, type TestCore } from '../test-support/test-core';
import type { TimerPort } from './reminder-scheduler';

class FakeClock implements Clock {
  constructor(public current: number) {}
  now(): Date {
    return new Date(this.current);
  }
}

const idleTimer: TimerPort = { set: () => null, clear: () => undefined };

let t: TestCore;
afterEach(async () => {
  await t.core.reminders.stop();
  await t.cleanup();
});

/** Two accounts of the fake service, each listing the same tokens; both refreshed. */
async function twoAccounts(clock: FakeClock) {
  t = await createTestCore({ clock, timer: idleTimer });
  for (let i = 0; i < 19; i += 1) {
    t.provider.seed(`token-${i}`, { expiresAt: '2026-02-01T00:00:00.000Z' });
  }
  const first = await addFakeAccount(t, 'First');
  const second = await addFakeAccount(t, 'Second');
  await t.core.inventory.refresh();
  await t.core.attention.evaluate();
  const [listed] = await t.core.inventory.snapshot();
  const perAccount = listed?.tokens.length ?? 0;
  expect(perAccount).toBeGreaterThan(19);
  return { first: first.accountId, second: second.accountId, perAccount };
}

describe('attention evaluation judges only what changed', () => {
  it('reuses every judgement when nothing changed', async () => {
    await twoAccounts(new FakeClock(Date.parse('2026-01-10T10:00:00.000Z')));
    const before = t.core.attention.assessedTokens;

    await t.core.attention.evaluate();
    await t.core.attention.list();

    expect(t.core.attention.assessedTokens).toBe(before);
  });

  it('judges nothing again after a refresh that brought the same lists', async () => {
    await twoAccounts(new FakeClock(Date.parse('2026-01-10T10:00:00.000Z')));
    const before = t.core.attention.assessedTokens;

    await t.core.inventory.refresh();
    await t.core.attention.evaluate();

    expect(t.core.attention.assessedTokens).toBe(before);
  });

  it('judges again only the account whose list changed', async () => {
    const world = await twoAccounts(new FakeClock(Date.parse('2026-01-10T10:00:00.000Z')));
    t.provider.seed('made-in-the-dashboard');
    const before = t.core.attention.assessedTokens;

    await t.core.inventory.refresh(world.first);
    await t.core.attention.evaluate();

    expect(t.core.attention.assessedTokens - before).toBe(1);
  });

  it("judges again only the snoozed token's account", async () => {
    const world = await twoAccounts(new FakeClock(Date.parse('2026-01-25T10:00:00.000Z')));
    const [item] = (await t.core.attention.list()).items;
    if (item === undefined) throw new Error('expected a token needing attention');
    const before = t.core.attention.assessedTokens;

    await t.core.attention.snooze(item.accountId, item.tokenId, 3);
    await t.core.attention.evaluate();

    expect(t.core.attention.assessedTokens - before).toBe(world.perAccount);
  });

  it('judges everything again on a new calendar day, when "in N days" changes', async () => {
    const clock = new FakeClock(Date.parse('2026-01-10T10:00:00.000Z'));
    const world = await twoAccounts(clock);
    const before = t.core.attention.assessedTokens;

    clock.current += 24 * 3600_000;
    await t.core.attention.evaluate();

    expect(t.core.attention.assessedTokens - before).toBe(2 * world.perAccount);
  });

  it('rewrites attention.json only when a reminder was announced', async () => {
    await twoAccounts(new FakeClock(Date.parse('2026-01-25T10:00:00.000Z')));
    await t.core.reminders.start();
    storageMeter.reset();

    await t.core.reminders.wake();
    await t.core.reminders.wake();

    expect(storageMeter.writesOf('attention.json')).toBe(0);
  });
});
