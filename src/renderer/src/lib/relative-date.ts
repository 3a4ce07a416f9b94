import { differenceInCalendarDays, format, formatDistance, isValid, parseISO } from 'date-fns';

export interface DateLabel {
  text: string;
  /** The exact value, for a title tooltip; null when there is nothing more precise to show. */
  iso: string | null;
}

/** Services report dates we cannot always parse; an unreadable one is shown as unknown. */
function parse(iso: string): Date | null {
  const date = parseISO(iso);
  return isValid(date) ? date : null;
}

/** "in 3 days" / "2 days ago"; `missingText` says what a null date means in that column. */
export function relativeDate(iso: string | null, missingText: string, now = new Date()): DateLabel {
  if (iso === null) return { text: missingText, iso: null };
  const date = parse(iso);
  if (date === null) return { text: '—', iso };
  return { text: formatDistance(date, now, { addSuffix: true }), iso };
}

/** A clock time for "as of …": today shows only the time, older lists show the day too. */
export function asOfTime(iso: string, now = new Date()): string {
  const date = parse(iso);
  if (date === null) return iso;
  return differenceInCalendarDays(now, date) === 0
    ? format(date, 'HH:mm')
    : format(date, 'd MMM yyyy, HH:mm');
}

/** Within a week of expiry: early enough to rotate calmly. */
export function expiresSoon(iso: string | null, now = new Date()): boolean {
  if (iso === null) return false;
  const date = parse(iso);
  if (date === null) return false;
  const days = differenceInCalendarDays(date, now);
  return days >= 0 && days <= 7;
}
