import { describe, expect, it } from 'vitest';
import { parseIsoDurationMs } from './iso-duration';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('parseIsoDurationMs', () => {
  it.each([
    ['P30D', 30 * DAY],
    ['PT1H', HOUR],
    ['P2W', 14 * DAY],
    ['P1DT12H', DAY + 12 * HOUR],
    ['PT90M', 90 * 60_000],
    ['PT1.5S', 1500],
    ['P1W2DT3H4M5S', 9 * DAY + 3 * HOUR + 4 * 60_000 + 5000],
  ])('reads %s', (text, ms) => {
    expect(parseIsoDurationMs(text)).toBe(ms);
  });

  it.each([
    '',
    'P',
    'PT',
    'P1DT',
    '30D',
    'P1Y',
    'P1M',
    'P-1D',
    'PT0S',
    'P0D',
    'p1d',
    'P1.5D',
    'P1H',
  ])('refuses %j', (text) => {
    expect(parseIsoDurationMs(text)).toBeNull();
  });
});
