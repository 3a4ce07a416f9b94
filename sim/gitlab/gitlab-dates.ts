/**
 * GitLab stores `expires_at` as a date and checks `expires_at <= Time.current`
 * (PersonalAccessToken / Expirable), so a token dies at 00:00 UTC on its expiry date, not at
 * the end of it.
 */

const DAY_MS = 24 * 3600_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC calendar date of `at`, as `YYYY-MM-DD`. */
export function dateOnly(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return dateOnly(new Date(startOfDay(date) + days * DAY_MS));
}

/** Milliseconds at 00:00 UTC of `date` (YYYY-MM-DD). */
export function startOfDay(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

export function isExpired(expiresAt: string | null, now: Date): boolean {
  return expiresAt !== null && now.getTime() >= startOfDay(expiresAt);
}

/** A real calendar date in `YYYY-MM-DD` form, or null (so "2025-02-30" is refused). */
export function parseDateOnly(text: string): string | null {
  const match = DATE_ONLY.exec(text);
  if (match === null) return null;
  const parsed = new Date(startOfDay(text));
  return Number.isNaN(parsed.getTime()) || dateOnly(parsed) !== text ? null : text;
}

/** A date or date-time filter value (Grape's DateTime coercion); a bare date means 00:00 UTC. */
export function parseDateTime(text: string): Date | null {
  const date = parseDateOnly(text);
  if (date !== null) return new Date(startOfDay(date));
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return null;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}
