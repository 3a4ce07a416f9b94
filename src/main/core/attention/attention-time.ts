import { addDays, differenceInCalendarDays, format, isValid, parseISO, subDays } from 'date-fns';

/** Dates already read, by their text: the same lists are judged again and again. */
const parsedTimes = new Map<string, number | null>();
const MAX_PARSED = 100_000;

/** Services report dates we cannot always read; an unreadable one counts as unknown. */
export function parseDate(iso: string | null): Date | null {
  if (iso === null) return null;
  let time = parsedTimes.get(iso);
  if (time === undefined) {
    const date = parseISO(iso);
    time = isValid(date) ? date.getTime() : null;
    if (parsedTimes.size >= MAX_PARSED) parsedTimes.clear();
    parsedTimes.set(iso, time);
  }
  // A fresh Date each time: callers may hold it, and a Date can be changed in place.
  return time === null ? null : new Date(time);
}

/**
 * "N days" are calendar days on the machine's own clock face, as the user counts them: a token
 * expiring next Wednesday at 10:00 is "7 days away" from this Wednesday at 10:00, also across a
 * change to or from summer time (when 7 × 24 hours would be an hour off).
 */
export function daysBefore(date: Date, days: number): Date {
  return subDays(date, days);
}

export function daysAfter(date: Date, days: number): Date {
  return addDays(date, days);
}

/** Whole days from `from` to `to`, never negative (a date from a clock ahead of ours is "now"). */
export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.max(0, differenceInCalendarDays(to, from));
}

export function dayLabel(date: Date): string {
  return format(date, 'd MMM yyyy');
}

/** "today", "in 1 day", "in 3 days"; the policy speaks in the days the thresholds count. */
export function inDays(from: Date, to: Date): string {
  const days = differenceInCalendarDays(to, from);
  if (days <= 0) return 'today';
  return days === 1 ? 'in 1 day' : `in ${days} days`;
}

export function daysAgo(from: Date, now: Date): string {
  const days = wholeDaysBetween(from, now);
  if (days === 0) return 'today';
  return days === 1 ? '1 day ago' : `${days} days ago`;
}
