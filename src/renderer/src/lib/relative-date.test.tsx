import { describe, expect, it } from 'vitest';
import { asOfTime, expiresSoon, relativeDate } from './relative-date';

const now = new Date('2025-06-10T12:00:00.000Z');

describe('relativeDate', () => {
  it('says how far away a date is, keeping the exact value', () => {
    expect(relativeDate('2025-06-13T12:00:00.000Z', 'Never', now)).toEqual({
      text: 'in 3 days',
      iso: '2025-06-13T12:00:00.000Z',
    });
    expect(relativeDate('2025-06-08T12:00:00.000Z', 'Never', now).text).toBe('2 days ago');
  });

  it('uses the column’s word for a missing date and a dash for an unreadable one', () => {
    expect(relativeDate(null, 'Never', now)).toEqual({ text: 'Never', iso: null });
    expect(relativeDate('soon-ish', 'Never', now)).toEqual({ text: '—', iso: 'soon-ish' });
  });
});

describe('expiresSoon', () => {
  it('is true within a week, false after, before and for no date', () => {
    expect(expiresSoon('2025-06-15T00:00:00.000Z', now)).toBe(true);
    expect(expiresSoon('2025-07-15T00:00:00.000Z', now)).toBe(false);
    expect(expiresSoon('2025-06-01T00:00:00.000Z', now)).toBe(false);
    expect(expiresSoon(null, now)).toBe(false);
  });
});

describe('asOfTime', () => {
  it('shows the day only when it is not today', () => {
    const today = new Date(now.getTime() - 60_000).toISOString();
    expect(asOfTime(today, now)).toMatch(/^\d{2}:\d{2}$/);
    expect(asOfTime('2025-05-01T08:00:00.000Z', now)).toMatch(/^\d{1,2} May 2025, \d{2}:\d{2}$/);
  });
});
