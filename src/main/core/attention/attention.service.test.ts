import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccountInventory, TokenInfo } from '../../../shared/model';
import { addFakeAccount, createTestCore, type TestCore } from '../test-support/test-core';
import { defaultRules } from './attention-store';
import { serviceAheadMs } from './service-clock';

beforeAll(() => {
  vi.stubEnv('TZ', 'UTC');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const NOW = '2026-03-01T12:00:00.000Z';
const DAY = 24 * 3600_000;
const ago = (days: number): string => new Date(Date.parse(NOW) - days * DAY).toISOString();
const ahead = (days: number): string => new Date(Date.parse(NOW) + days * DAY).toISOString();

let t: TestCore;
let accountId: string;
const ids: Record<string, string> = {};

async function setUp(): Promise<void> {
  t = await createTestCore({ clock: { now: () => new Date(NOW) } });
  ({ accountId } = await addFakeAccount(t));
  const seed = (name: string, fields: Partial<TokenInfo>): void => {
    ids[name] = t.provider.seed(name, { createdAt: ago(60), lastUsedAt: ago(1), ...fields }).id;
  };
  seed('expired', { expiresAt: ago(2) });
  seed('in-3-days', { expiresAt: ahead(3) });
  seed('in-60-days', { expiresAt: ahead(60) });
  seed('in-120-days', { expiresAt: ahead(120) });
  seed('never-used', { lastUsedAt: null, createdAt: ago(40) });
  seed('idle', { lastUsedAt: ago(45) });
  // The management token itself counts as used: the list call just used it.
  for (const token of t.provider.tokens.values()) {
    if (token.name === 'management') token.lastUsedAt = NOW;
  }
  await t.core.inventory.refresh(accountId);
}

afterEach(async () => {
  await t.cleanup();
});

describe('the attention service', () => {
  it('lists the tokens that need attention, most urgent first', async () => {
    await setUp();

    const { items, now } = await t.core.attention.list();

    expect(now).toBe(NOW);
    expect(items.map((i) => [i.tokenName, i.urgency])).toEqual([
      ['expired', 'critical'],
      ['in-3-days', 'high'],
      // Equally urgent: the older finding first.
      ['idle', 'medium'],
      ['never-used', 'medium'],
    ]);
    expect(items[0]?.fixes).toEqual(['rotate', 'revoke']);
  });

  it('applies an account’s own rules over the global ones', async () => {
    await setUp();

    await t.core.attention.setSettings({
      global: defaultRules,
      accounts: { [accountId]: { expiryThresholdsDays: [90], idleDays: 60 } },
    });
    const names = (await t.core.attention.list()).items.map((i) => i.tokenName);

    expect(names).toContain('in-60-days');
    expect(names).not.toContain('idle');
    expect(await t.core.attention.settings()).toMatchObject({
      accounts: { [accountId]: { idleDays: 60 } },
    });
  });

  it('refuses rules for an account it does not know, and a reminder date it cannot read', async () => {
    await setUp();

    await expect(
      t.core.attention.setSettings({ global: defaultRules, accounts: { 'acc-gone': {} } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      t.core.attention.setReminder(accountId, ids['idle'] ?? '', 'next tuesday'),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(t.core.attention.snooze(accountId, 'tok-gone', 1)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses a warning day given twice, globally or for an account, and keeps the saved rules', async () => {
    await setUp();
    const twice = { ...defaultRules, expiryThresholdsDays: [30, 7, 7] };

    await expect(t.core.attention.setSettings({ global: twice, accounts: {} })).rejects.toThrow(
      /given twice/,
    );
    await expect(
      t.core.attention.setSettings({
        global: defaultRules,
        accounts: { [accountId]: { expiryThresholdsDays: [1, 1] } },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await t.core.attention.settings()).toEqual({ global: defaultRules, accounts: {} });
  });

  it('audits never-used and idle tokens, with how long', async () => {
    await setUp();

    const [group, ...others] = await t.core.attention.audit();

    expect(others).toEqual([]);
    expect(group?.rows.map((r) => [r.tokenName, r.finding, r.days, r.lastActivitySource])).toEqual([
      ['idle', 'idle', 45, 'service'],
      ['never-used', 'never-used', 40, null],
    ]);
  });

  it('puts the next 90 days on the timeline, reminders included', async () => {
    await setUp();
    await t.core.attention.setReminder(accountId, ids['idle'] ?? '', ahead(10));

    const timeline = await t.core.attention.timeline(90);

    expect(timeline.entries.map((e) => [e.tokenName, e.kind, e.urgency])).toEqual([
      ['in-3-days', 'expiry', 'high'],
      ['idle', 'reminder', null],
      ['in-60-days', 'expiry', null],
    ]);
  });
});

describe('the service clock estimate', () => {
  const inventory = (usedAt: string | null): AccountInventory => ({
    accountId: 'acc-1',
    state: 'ok',
    asOf: NOW,
    stale: false,
    refreshing: false,
    error: null,
    leasedBy: null,
    tokens: [
      {
        id: 'tok-1',
        accountId: 'acc-1',
        name: 'tokendesk',
        prefix: null,
        description: null,
        project: null,
        role: null,
        scopes: [],
        createdAt: null,
        expiresAt: null,
        lastUsedAt: usedAt,
        status: 'active',
        extended: false,
        hasSecret: false,
        isManagementCredential: true,
        source: 'service',
        lastVerifiedAt: null,
        leasedBy: null,
      },
    ],
  });

  it('reads a clock ahead from the management token stamped "used" by the list call', () => {
    expect(serviceAheadMs(inventory(ahead(2)))).toBe(2 * DAY);
  });

  it('ignores small differences, lazy stamps that look old, and a token never stamped', () => {
    expect(serviceAheadMs(inventory(new Date(Date.parse(NOW) + 60_000).toISOString()))).toBe(0);
    expect(serviceAheadMs(inventory(ago(3)))).toBe(0);
    expect(serviceAheadMs(inventory(null))).toBe(0);
  });
});
