import { UsageError } from './cli-errors';

const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };

/**
 * A length of time as users type it on a command line: `14d`, `2w`, `3m` (30 days), `1y`, or a
 * bare number of days. Whole days only: that is the grain of every expiry TokenDesk shows.
 */
export function parseDays(text: string, option: string): number {
  const match = /^(\d{1,5})([dwmy]?)$/i.exec(text.trim());
  if (match === null || match[1] === undefined) {
    throw new UsageError(
      `${option} takes a number of days such as 14d, 2w, 3m or 1y; "${text}" is not one.`,
    );
  }
  const unit = (match[2] ?? '').toLowerCase() || 'd';
  const days = Number(match[1]) * (UNIT_DAYS[unit] ?? 1);
  if (days < 1) throw new UsageError(`${option} must be at least one day.`);
  return days;
}

/** A short wait as users type it: `30s`, `2m`, or a bare number of seconds. */
export function parseSeconds(text: string, option: string): number {
  const match = /^(\d{1,5})([sm]?)$/i.exec(text.trim());
  if (match === null || match[1] === undefined) {
    throw new UsageError(`${option} takes a time such as 30s or 2m; "${text}" is not one.`);
  }
  return Number(match[1]) * ((match[2] ?? '').toLowerCase() === 'm' ? 60 : 1);
}
