import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOnly,
  isExpired,
  parseDateOnly,
  parseDateTime,
  startOfDay,
} from './gitlab-dates';

describe('GitLab dates', () => {
  it('takes the UTC calendar date and adds whole days across month ends', () => {
    expect(dateOnly(new Date('2025-01-31T23:59:59.999Z'))).toBe('2025-01-31');
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('expires a token at 00:00 UTC on its expires_at date', () => {
    const day = '2025-06-10';
    expect(isExpired(day, new Date(startOfDay(day) - 1))).toBe(false);
    expect(isExpired(day, new Date(startOfDay(day)))).toBe(true);
    expect(isExpired(null, new Date())).toBe(false);
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(parseDateOnly('2025-02-28')).toBe('2025-02-28');
    for (const text of ['2025-02-30', '2025-2-1', '20250201', '2025-02-01T00:00:00Z', '']) {
      expect(parseDateOnly(text)).toBeNull();
    }
  });

  it('reads a filter value as a date (00:00 UTC) or an ISO date-time', () => {
    expect(parseDateTime('2025-01-02')?.toISOString()).toBe('2025-01-02T00:00:00.000Z');
    expect(parseDateTime('2025-01-02T03:04:05+01:00')?.toISOString()).toBe(
      '2025-01-02T02:04:05.000Z',
    );
    expect(parseDateTime('yesterday')).toBeNull();
    expect(parseDateTime('2025-13-01')).toBeNull();
  });
});
