import { describe, expect, it } from 'vitest';
import { clockFromEnvironment } from './clock-offset';

describe('the clock of end-to-end tests', () => {
  it('is not there unless TOKENDESK_CLOCK_OFFSET_MS is set', () => {
    expect(clockFromEnvironment({})).toBeUndefined();
    expect(clockFromEnvironment({ TOKENDESK_CLOCK_OFFSET_MS: ' ' })).toBeUndefined();
  });

  it('runs the given milliseconds ahead of the system clock', () => {
    const clock = clockFromEnvironment({ TOKENDESK_CLOCK_OFFSET_MS: '86400000' });
    if (clock === undefined) throw new Error('no clock');
    const before = Date.now();
    const moved = clock.now().getTime();

    expect(moved - before).toBeGreaterThanOrEqual(86_400_000);
    expect(moved - Date.now()).toBeLessThanOrEqual(86_400_000);
  });

  it('refuses an offset that is not a whole number', () => {
    expect(() => clockFromEnvironment({ TOKENDESK_CLOCK_OFFSET_MS: '1 day' })).toThrow(
      'whole number',
    );
  });
});
