import { describe, expect, it } from 'vitest';
import {
  CLEAR_SECONDS_VARIABLE,
  clearDelayFrom,
  DEFAULT_CLIPBOARD_CLEAR_SECONDS,
} from './clear-delay';

const withValue = (value: string) => clearDelayFrom({ [CLEAR_SECONDS_VARIABLE]: value });

describe('clipboard clear delay', () => {
  it('is 20 seconds unless the user sets it', () => {
    expect(clearDelayFrom({})).toEqual({ seconds: 20, problem: null });
    expect(DEFAULT_CLIPBOARD_CLEAR_SECONDS).toBe(20);
  });

  it.each([
    ['5', 5],
    [' 45 ', 45],
    ['600', 600],
  ])('takes %j as %i seconds', (value, seconds) => {
    expect(withValue(value)).toEqual({ seconds, problem: null });
  });

  it.each(['0', '4', '601', '-10', '1.5', '20s', 'soon', '1e3'])(
    'refuses %j, keeps the default and says why',
    (value) => {
      const delay = withValue(value);
      expect(delay.seconds).toBe(20);
      expect(delay.problem).toContain('whole number of seconds from 5 to 600');
    },
  );
});
