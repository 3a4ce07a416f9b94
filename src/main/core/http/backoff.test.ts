import { describe, expect, it } from 'vitest';
import { backoffDelayMs, parseRetryAfterMs } from './backoff';

const now = new Date('2025-06-01T12:00:00Z');

describe('backoffDelayMs', () => {
  const options = { baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 };

  it('doubles the ceiling each attempt, up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelayMs(attempt, options))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
  });

  it('draws the whole range (full jitter)', () => {
    expect(backoffDelayMs(3, { ...options, random: () => 0 })).toBe(0);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('12', now)).toBe(12_000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfterMs('Sun, 01 Jun 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Sun, 01 Jun 2025 11:00:00 GMT', now)).toBe(0);
  });

  it('returns null for absent or unreadable values', () => {
    expect(parseRetryAfterMs(undefined, now)).toBeNull();
    expect(parseRetryAfterMs('soon', now)).toBeNull();
    expect(parseRetryAfterMs('-5', now)).toBeNull();
    expect(parseRetryAfterMs('2025-06-01', now)).toBeNull();
  });
});
