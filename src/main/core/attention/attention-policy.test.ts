import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AttentionKind } from '../../../shared/attention-model';
import type { TokenInfo } from '../../../shared/model';
import { assessToken, type TokenFacts } from './attention-policy';
import { defaultRules } from './attention-store';

// Day counts follow the clock face of the machine's zone; Berlin has summer time.
beforeAll(() => {
  vi.stubEnv('TZ', 'Europe/Berlin');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

const HOUR = 3600_000;
const DAY = 24 * HOUR;

function token(overrides: Partial<TokenInfo> = {}): TokenInfo {
  return {
    id: 'tok-1',
    accountId: 'acc-1',
    name: 'ci-deploy',
    prefix: 'abcd',
    description: null,
    project: null,
    role: null,
    scopes: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    expiresAt: null,
    lastUsedAt: '2025-01-01T00:00:00.000Z',
    status: 'active',
    extended: false,
    hasSecret: false,
    isManagementCredential: false,
    source: 'service',
    lastVerifiedAt: null,
    leasedBy: null,
    ...overrides,
  };
}

function facts(
  tokenOverrides: Partial<TokenInfo>,
  overrides: Partial<TokenFacts> = {},
): TokenFacts {
  return {
    token: token(tokenOverrides),
    provider: 'kestra',
    guided: false,
    rules: defaultRules,
    reminderAt: null,
    rotatedOutAt: null,
    serviceAheadMs: 0,
    ...overrides,
  };
}

const at = (iso: string): Date => new Date(iso);
const plus = (date: Date, ms: number): string => new Date(date.getTime() + ms).toISOString();

function kinds(f: TokenFacts, now: Date): AttentionKind[] {
  return assessToken(f, now).reasons.map((r) => r.kind);
}

function expiring(f: TokenFacts, now: Date) {
  return assessToken(f, now).reasons.find((r) => r.kind === 'expiring');
}

describe('expiry thresholds', () => {
  // A winter day: no summer-time change within a week either side.
  const now = at('2025-01-20T10:00:00.000Z');
  const used = { lastUsedAt: plus(now, -HOUR) };

  it('warns at the 7-day threshold when the token expires exactly 7 days from now', () => {
    const reason = expiring(facts({ ...used, expiresAt: plus(now, 7 * DAY) }), now);

    expect(reason).toMatchObject({ thresholdDays: 7, urgency: 'high' });
    expect(reason?.message).toContain('in 7 days');
  });

  it('is still at the 30-day threshold one millisecond before that', () => {
    const reason = expiring(facts({ ...used, expiresAt: plus(now, 7 * DAY + 1) }), now);

    expect(reason).toMatchObject({ thresholdDays: 30, urgency: 'medium' });
  });

  it('says nothing more than 30 days ahead', () => {
    expect(kinds(facts({ ...used, expiresAt: plus(now, 30 * DAY + 1) }), now)).toEqual([]);
    expect(expiring(facts({ ...used, expiresAt: plus(now, 30 * DAY) }), now)).toMatchObject({
      thresholdDays: 30,
    });
  });

  it('is critical within the last day and calls the token expired at its expiry', () => {
    expect(expiring(facts({ ...used, expiresAt: plus(now, DAY) }), now)).toMatchObject({
      thresholdDays: 1,
      urgency: 'critical',
    });
    const expired = assessToken(facts({ ...used, expiresAt: now.toISOString() }), now);
    expect(expired.reasons).toEqual([
      expect.objectContaining({ kind: 'expired', urgency: 'critical' }),
    ]);
  });

  it('believes the service when it says expired before our clock gets there', () => {
    const f = facts({ ...used, status: 'expired', expiresAt: plus(now, 2 * HOUR) });

    expect(kinds(f, now)).toEqual(['expired']);
    expect(assessToken(f, now).reasons[0]?.message).toBe('Expired.');
  });

  it('follows thresholds set for the account', () => {
    const f = facts(
      { ...used, expiresAt: plus(now, 45 * DAY) },
      { rules: { ...defaultRules, expiryThresholdsDays: [60, 14] } },
    );

    expect(expiring(f, now)).toMatchObject({ thresholdDays: 60, urgency: 'medium' });
  });

  it('wakes next at the coming threshold', () => {
    const expiresAt = plus(now, 10 * DAY);

    expect(assessToken(facts({ ...used, expiresAt }), now).nextChangeAt).toEqual(
      at(plus(now, 3 * DAY)),
    );
  });
});

describe('a token with no expiry', () => {
  const now = at('2025-01-20T10:00:00.000Z');

  it('needs nothing while it is in use', () => {
    const assessment = assessToken(facts({ lastUsedAt: plus(now, -DAY) }), now);

    expect(assessment.reasons).toEqual([]);
    // It would become idle 30 days after its last use.
    expect(assessment.nextChangeAt).toEqual(at(plus(now, 29 * DAY)));
  });

  it('on a guided service asks for a reminder, and the reminder is due on its date', () => {
    const guided = { guided: true };
    const recent = { lastUsedAt: plus(now, -DAY) };

    expect(kinds(facts(recent, guided), now)).toEqual(['no-reminder']);
    const reminderAt = plus(now, 2 * DAY);
    expect(kinds(facts(recent, { ...guided, reminderAt }), now)).toEqual([]);
    expect(kinds(facts(recent, { ...guided, reminderAt }), at(reminderAt))).toEqual(['reminder']);
  });
});

describe('summer time', () => {
  // Berlin moves its clocks forward on 30 March 2025 at 02:00 (+01:00 → +02:00).
  const expiresAt = '2025-04-02T10:00:00+02:00';

  it('counts 7 days on the clock face: the threshold is 10:00 a week before, not 24 h × 7', () => {
    // 7 × 24 hours before the expiry is 09:00 local time on 26 March.
    const sevenTimes24h = at('2025-03-26T09:00:00+01:00');
    const sameClockTime = at('2025-03-26T10:00:00+01:00');
    const f = facts({ expiresAt, lastUsedAt: '2025-03-25T00:00:00Z' });

    expect(expiring(f, sevenTimes24h)).toMatchObject({ thresholdDays: 30 });
    expect(expiring(f, sameClockTime)).toMatchObject({ thresholdDays: 7 });
    expect(assessToken(f, sevenTimes24h).nextChangeAt).toEqual(sameClockTime);
  });

  it('across the autumn change too (27 October 2024, +02:00 → +01:00)', () => {
    const f = facts({ expiresAt: '2024-10-30T10:00:00+01:00', lastUsedAt: '2024-10-22T00:00Z' });

    expect(expiring(f, at('2024-10-23T09:30:00+02:00'))).toMatchObject({ thresholdDays: 30 });
    expect(expiring(f, at('2024-10-23T10:00:00+02:00'))).toMatchObject({ thresholdDays: 7 });
  });
});

describe('extended tokens (Kestra: each use moves the expiry forward by the lifetime)', () => {
  const now = at('2025-01-20T10:00:00.000Z');
  const maxAge = 30 * DAY;

  it('in daily use never warn, though the expiry is always under 30 days away', () => {
    const lastUsedAt = plus(now, -2 * HOUR);
    const f = facts({ extended: true, lastUsedAt, expiresAt: plus(at(lastUsedAt), maxAge) });

    expect(kinds(f, now)).toEqual([]);
  });

  it('left idle warn once only the shorter thresholds remain, and say why', () => {
    const lastUsedAt = plus(now, -24 * DAY);
    const f = facts({ extended: true, lastUsedAt, expiresAt: plus(at(lastUsedAt), maxAge) });
    const reason = expiring(f, now);

    expect(reason).toMatchObject({ thresholdDays: 7, urgency: 'high' });
    expect(reason?.message).toContain('unless it is used');
  });

  it('never used are judged from their creation', () => {
    const createdAt = plus(now, -29 * DAY - 12 * HOUR);
    const f = facts({
      extended: true,
      createdAt,
      lastUsedAt: null,
      expiresAt: plus(at(createdAt), maxAge),
    });

    expect(expiring(f, now)).toMatchObject({ thresholdDays: 1 });
    expect(kinds(f, now)).toContain('never-used');
  });
});

describe('use', () => {
  const now = at('2025-01-20T10:00:00.000Z');

  it('flags a token never used 14 days after its creation, not a day earlier', () => {
    const f = facts({ lastUsedAt: null, createdAt: plus(now, -14 * DAY) });

    expect(kinds(f, now)).toEqual(['never-used']);
    expect(kinds(f, at(plus(now, -1)))).toEqual([]);
  });

  it('counts a successful check as a sign of life where the service reports no use', () => {
    const f = facts({
      lastUsedAt: null,
      createdAt: plus(now, -100 * DAY),
      lastVerifiedAt: plus(now, -31 * DAY),
      leasedBy: null,
      source: 'tracked',
    });
    const reasons = assessToken(f, now).reasons;

    expect(reasons.map((r) => r.kind)).toEqual(['idle']);
    expect(reasons[0]?.message).toBe('Not used or checked for 31 days.');
  });

  it('flags a token idle for 30 days, with the idle days set per account', () => {
    expect(kinds(facts({ lastUsedAt: plus(now, -30 * DAY) }), now)).toEqual(['idle']);
    expect(kinds(facts({ lastUsedAt: plus(now, -29 * DAY) }), now)).toEqual([]);
    const strict = { rules: { ...defaultRules, idleDays: 10 } };
    expect(kinds(facts({ lastUsedAt: plus(now, -10 * DAY) }, strict), now)).toEqual(['idle']);
  });

  it('warns about Bodhi from day 25 of its 30-day idle rule', () => {
    const bodhi = { provider: 'bodhi' as const };

    expect(kinds(facts({ lastUsedAt: plus(now, -24 * DAY) }, bodhi), now)).toEqual([]);
    const warned = assessToken(facts({ lastUsedAt: plus(now, -25 * DAY) }, bodhi), now);
    expect(warned.reasons).toEqual([
      expect.objectContaining({ kind: 'idle-deactivation', urgency: 'high' }),
    ]);
    expect(warned.reasons[0]?.message).toContain('stops working in 5 days');
  });

  it('leaves switched-off and revoked tokens alone', () => {
    const old = { lastUsedAt: plus(now, -90 * DAY) };

    expect(kinds(facts({ ...old, status: 'inactive' }), now)).toEqual([]);
    expect(assessToken(facts({ ...old, status: 'revoked' }), now)).toEqual({
      reasons: [],
      nextChangeAt: null,
    });
  });
});

describe('rotation', () => {
  // Summer: the 90 days back contain no change of the clocks.
  const now = at('2025-07-20T10:00:00.000Z');

  it('is due under a "rotate every N days" policy', () => {
    const every90 = { rules: { ...defaultRules, rotateEveryDays: 90 } };
    const recent = { lastUsedAt: plus(now, -HOUR) };

    expect(kinds(facts({ ...recent, createdAt: plus(now, -89 * DAY) }, every90), now)).toEqual([]);
    expect(kinds(facts({ ...recent, createdAt: plus(now, -90 * DAY) }, every90), now)).toEqual([
      'rotation-due',
    ]);
  });

  it('flags a token still used after a rotation replaced it', () => {
    const rotatedOutAt = plus(now, -3 * DAY);
    const f = facts({ lastUsedAt: plus(now, -DAY) }, { guided: true, rotatedOutAt });
    const reason = assessToken(f, now).reasons.find((r) => r.kind === 'used-after-rotation');

    expect(reason).toMatchObject({ urgency: 'high' });
    expect(kinds(facts({ lastUsedAt: plus(now, -4 * DAY) }, { rotatedOutAt }), now)).toEqual([]);
  });

  describe('where the service reports no use (guided)', () => {
    const rotatedOutAt = plus(now, -3 * DAY);
    const guided = (tokenOverrides: Partial<TokenInfo>) =>
      facts(
        { lastUsedAt: null, source: 'tracked', ...tokenOverrides },
        { guided: true, rotatedOutAt },
      );

    it("flags an old token TokenDesk's own check found still working after the rotation", () => {
      const reason = assessToken(guided({ lastVerifiedAt: plus(now, -2 * DAY) }), now).reasons.find(
        (r) => r.kind === 'works-after-rotation',
      );

      expect(reason).toMatchObject({ urgency: 'high', at: plus(now, -2 * DAY) });
      expect(reason?.message).toContain('does not report when a token is used');
    });

    it('says nothing from a check made before the rotation, or of a token no longer active', () => {
      expect(kinds(guided({ lastVerifiedAt: plus(now, -4 * DAY) }), now)).not.toContain(
        'works-after-rotation',
      );
      expect(kinds(guided({ lastVerifiedAt: null }), now)).not.toContain('works-after-rotation');
      expect(
        kinds(guided({ lastVerifiedAt: plus(now, -2 * DAY), status: 'revoked' }), now),
      ).toEqual([]);
    });

    it('leaves services that report use to their own last use: a check is not a use', () => {
      const reported = facts(
        { lastUsedAt: plus(now, -4 * DAY), lastVerifiedAt: plus(now, -DAY) },
        { rotatedOutAt },
      );

      expect(kinds(reported, now)).toEqual([]);
    });
  });
});

describe('clock skew between the service and this machine', () => {
  const now = at('2025-01-20T10:00:00.000Z');

  it('warns earlier when the service clock runs ahead: its expiry comes sooner', () => {
    const f = facts(
      { lastUsedAt: plus(now, -HOUR), expiresAt: plus(now, 8 * DAY) },
      { serviceAheadMs: 2 * DAY },
    );

    expect(expiring(f, now)).toMatchObject({ thresholdDays: 7 });
  });

  it('does not read a last use stamped ahead of our clock as "never" or as negative idling', () => {
    const f = facts(
      { lastUsedAt: plus(now, 3 * HOUR), createdAt: plus(now, -60 * DAY) },
      { serviceAheadMs: 0 },
    );
    const assessment = assessToken(f, now);

    expect(assessment.reasons).toEqual([]);
    expect(assessment.nextChangeAt).toEqual(at(plus(now, 30 * DAY + 3 * HOUR)));
  });
});
