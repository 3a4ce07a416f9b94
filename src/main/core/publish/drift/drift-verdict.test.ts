import { describe, expect, it } from 'vitest';
import { driftOf } from './drift-verdict';

const live = { status: 'active', createdAt: '2026-03-01T10:00:00.400Z' } as const;

describe('whether a target still holds the token’s current secret', () => {
  it('compares a value read back with the current secret', () => {
    expect(driftOf(live, 'current', { kind: 'value', value: 'current' })).toBeNull();
    expect(driftOf(live, 'current', { kind: 'value', value: 'older' })).toBe('stale');
    expect(driftOf(live, 'current', { kind: 'value', value: null })).toBe('missing');
  });

  it('judges a GitHub secret by when it was written, at GitHub’s whole seconds', () => {
    const at = (updatedAt: string | null) => ({ kind: 'updated-at', at: updatedAt }) as const;
    expect(driftOf(live, 's', at('2026-03-01T10:00:00Z'))).toBeNull();
    expect(driftOf(live, 's', at('2026-02-28T09:00:00Z'))).toBe('stale');
    expect(driftOf(live, 's', at(null))).toBe('missing');
  });

  it('calls a target of an expired or revoked token dead, whatever it holds', () => {
    for (const status of ['expired', 'revoked'] as const) {
      expect(driftOf({ ...live, status }, 's', { kind: 'value', value: 's' })).toBe('dead');
    }
  });
});
