import { describe, expect, it } from 'vitest';
import { capabilities } from '../test/fixtures';
import { expiresAtFrom, trackExpiryChoices } from './track-expiry';

describe('trackExpiryChoices', () => {
  const today = new Date(2026, 0, 30, 15, 0);

  it('turns a service’s fixed lifetimes into dates counted from today', () => {
    const choices = trackExpiryChoices(
      capabilities({ expiryDays: [7, 30], neverExpires: true }),
      today,
    );
    expect(choices).toEqual([
      { value: '', label: 'Not set', expiresAt: null },
      { value: 'days:7', label: '7 days', expiresAt: '2026-02-06' },
      { value: 'days:30', label: '30 days', expiresAt: '2026-03-01' },
      { value: 'never', label: 'Never', expiresAt: null },
    ]);
  });

  it('asks for a date when the service takes any expiry', () => {
    expect(trackExpiryChoices(capabilities({ expiryDays: null }), today)).toBeNull();
  });
});

describe('expiresAtFrom', () => {
  const choices = trackExpiryChoices(capabilities({ expiryDays: [7] }), new Date(2026, 0, 30));

  it('reads a choice’s date, or sends none for Not set and Never', () => {
    expect(expiresAtFrom(choices, 'days:7')).toBe('2026-02-06');
    expect(expiresAtFrom(choices, 'never')).toBeNull();
    expect(expiresAtFrom(choices, '')).toBeNull();
  });

  it('passes a typed date through', () => {
    expect(expiresAtFrom(null, '2026-12-31')).toBe('2026-12-31');
    expect(expiresAtFrom(null, '')).toBeNull();
  });
});
