import { describe, expect, it } from 'vitest';
import {
  describeKeptLifetime,
  keptLifetime,
  lifetimeProblem,
  type LifetimeFacts,
} from './lifetime';
import type { Capabilities } from './model';

const NOW = new Date('2026-06-01T00:00:00.000Z');
const anyDays = { expiryDays: null, neverExpires: true } as Capabilities;
const podstack = { expiryDays: [7, 30, 90, 180, 365], neverExpires: true } as Capabilities;
const mustExpire = { expiryDays: [7, 30, 60, 90, 180, 365], neverExpires: false } as Capabilities;

function facts(fields: Partial<LifetimeFacts>): LifetimeFacts {
  return {
    createdAt: '2026-01-01T00:00:00.000Z',
    expiresAt: null,
    lastUsedAt: null,
    extended: false,
    ...fields,
  };
}

describe('the lifetime a replacement keeps', () => {
  it('gives the same duration from now: created → expires of the old token', () => {
    const old = facts({ expiresAt: '2026-03-26T00:00:00.000Z' });
    expect(keptLifetime(old, anyDays, NOW)).toEqual({
      expiry: { kind: 'days', days: 84 },
      oldDays: 84,
      fitted: false,
    });
    expect(describeKeptLifetime(keptLifetime(old, anyDays, NOW), 'Kestra')).toBe(
      'The new token gets the old one’s lifetime: 84 days from now.',
    );
  });

  it('keeps never-expiring as never', () => {
    const kept = keptLifetime(facts({}), podstack, NOW);
    expect(kept.expiry).toEqual({ kind: 'never' });
    expect(describeKeptLifetime(kept, 'Podstack')).toBe(
      'The new token never expires, like the old one.',
    );
  });

  it('gets the nearest allowed choice where the service has fixed ones, and says so', () => {
    const kept = keptLifetime(facts({ expiresAt: '2026-03-26T00:00:00.000Z' }), podstack, NOW);
    expect(kept).toEqual({ expiry: { kind: 'days', days: 90 }, oldDays: 84, fitted: true });
    expect(describeKeptLifetime(kept, 'Podstack')).toBe(
      'The old token had a lifetime of 84 days, which Podstack does not offer, so the new token gets 90 days, the nearest it offers.',
    );
  });

  it('prefers the longer choice on a tie', () => {
    // 60 days: as far from 30 as from 90.
    const kept = keptLifetime(facts({ expiresAt: '2026-03-02T00:00:00.000Z' }), podstack, NOW);
    expect(kept.expiry).toEqual({ kind: 'days', days: 90 });
  });

  it('gives the longest choice where the service needs an expiry and the old token had none', () => {
    const kept = keptLifetime(facts({}), mustExpire, NOW);
    expect(kept.expiry).toEqual({ kind: 'days', days: 365 });
    expect(describeKeptLifetime(kept, 'GitLab')).toContain('GitLab tokens must expire');
  });

  it('reads what was left when the creation date is unknown', () => {
    const old = facts({ createdAt: null, expiresAt: '2026-08-30T00:00:00.000Z' });
    expect(keptLifetime(old, anyDays, NOW).expiry).toEqual({ kind: 'days', days: 90 });
  });

  it('names the choices a service refuses', () => {
    expect(lifetimeProblem({ kind: 'days', days: 84 }, podstack)).toContain('7, 30, 90, 180, 365');
    expect(lifetimeProblem({ kind: 'never' }, mustExpire)).toContain('needs an expiry');
    expect(lifetimeProblem({ kind: 'days', days: 84 }, anyDays)).toBeNull();
  });
});
