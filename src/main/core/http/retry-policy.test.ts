import { describe, expect, it } from 'vitest';
import type { AttemptEnd } from './retry-policy';
import { retryDelayMs } from './retry-policy';

const end = (overrides: Partial<AttemptEnd>): AttemptEnd => ({
  policy: 'idempotent',
  attempts: 1,
  maxAttempts: 3,
  status: null,
  retryAfterMs: null,
  transientFailure: false,
  reached: true,
  remainingMs: 60_000,
  maxRetryAfterMs: 60_000,
  backoffMs: 250,
  ...overrides,
});

describe('retryDelayMs', () => {
  it('never repeats a request whose policy is never, not even after a 429', () => {
    expect(retryDelayMs(end({ policy: 'never', status: 429 }))).toBeNull();
    expect(
      retryDelayMs(end({ policy: 'never', transientFailure: true, reached: false })),
    ).toBeNull();
  });

  it('repeats a throttled request only after a 429 or a connection that never opened', () => {
    expect(retryDelayMs(end({ policy: 'throttled', status: 429, retryAfterMs: 2000 }))).toBe(2000);
    expect(retryDelayMs(end({ policy: 'throttled', transientFailure: true, reached: false }))).toBe(
      250,
    );
    for (const status of [500, 502, 503, 504]) {
      expect(retryDelayMs(end({ policy: 'throttled', status }))).toBeNull();
    }
    expect(retryDelayMs(end({ policy: 'throttled', transientFailure: true }))).toBeNull();
  });

  it('repeats an idempotent request after 429/502/503/504 and transient failures, not after 500', () => {
    for (const status of [429, 502, 503, 504]) expect(retryDelayMs(end({ status }))).toBe(250);
    expect(retryDelayMs(end({ status: 500 }))).toBeNull();
    expect(retryDelayMs(end({ status: 404 }))).toBeNull();
    expect(retryDelayMs(end({ transientFailure: true }))).toBe(250);
    expect(retryDelayMs(end({ transientFailure: false }))).toBeNull();
  });

  it('stops at the last attempt, at a Retry-After over the cap, and at the deadline', () => {
    expect(retryDelayMs(end({ status: 503, attempts: 3 }))).toBeNull();
    expect(retryDelayMs(end({ status: 429, retryAfterMs: 61_000 }))).toBeNull();
    expect(retryDelayMs(end({ status: 429, retryAfterMs: 5_000, remainingMs: 4_000 }))).toBeNull();
    expect(retryDelayMs(end({ status: 503, remainingMs: 100 }))).toBeNull();
  });
});
