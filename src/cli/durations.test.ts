import { describe, expect, it } from 'vitest';
import { UsageError } from './cli-errors';
import { parseDays, parseSeconds } from './durations';

describe('lengths of time typed on the command line', () => {
  it('reads days, weeks, months of 30 days, years and bare numbers of days', () => {
    expect(parseDays('14d', '--x')).toBe(14);
    expect(parseDays('2w', '--x')).toBe(14);
    expect(parseDays('3M', '--x')).toBe(90);
    expect(parseDays('1y', '--x')).toBe(365);
    expect(parseDays(' 30 ', '--x')).toBe(30);
  });

  it('refuses what is not a whole number of days, naming the option', () => {
    expect(() => parseDays('0d', '--expires')).toThrow(UsageError);
    expect(() => parseDays('1.5d', '--expires')).toThrow(/--expires takes a number of days/);
    expect(() => parseDays('soon', '--idle-over')).toThrow(/--idle-over/);
  });

  it('reads waits in seconds or minutes', () => {
    expect(parseSeconds('0', '--wait')).toBe(0);
    expect(parseSeconds('30s', '--wait')).toBe(30);
    expect(parseSeconds('2m', '--wait')).toBe(120);
    expect(() => parseSeconds('1h', '--wait')).toThrow(UsageError);
  });
});
