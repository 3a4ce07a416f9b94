import { describe, expect, it } from 'vitest';
import { capabilities } from '../test/fixtures';
import { defaultExpiryValue, expiryOptions } from './expiry-options';

describe('expiryOptions', () => {
  it('offers common choices when the service takes any number of days', () => {
    const options = expiryOptions(capabilities({ expiryDays: null, neverExpires: false }));
    expect(options.map((o) => o.label)).toEqual([
      '7 days',
      '30 days',
      '90 days',
      '180 days',
      '365 days',
    ]);
    expect(defaultExpiryValue(options)).toBe('days:30');
  });

  it('offers exactly the service’s choices, and Never when allowed', () => {
    const options = expiryOptions(capabilities({ expiryDays: [1, 14], neverExpires: true }));
    expect(options.map((o) => o.label)).toEqual(['1 day', '14 days', 'Never']);
    expect(options[2] === undefined ? null : options[2].expiry).toEqual({ kind: 'never' });
    // Without a 30-day choice the first one is the default.
    expect(defaultExpiryValue(options)).toBe('days:1');
  });
});
