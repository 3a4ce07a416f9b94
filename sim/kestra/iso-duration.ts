const UNIT_MS = {
  W: 7 * 24 * 3600_000,
  D: 24 * 3600_000,
  H: 3600_000,
  M: 60_000,
  S: 1000,
} as const;

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

/**
 * ISO-8601 durations as Kestra's maxAge takes them: weeks, days, and a time part of hours,
 * minutes and seconds (`P30D`, `PT1H`, `P2W`, `P1DT12H`). Years and months are refused: their
 * length depends on the calendar, so they cannot be an exact token lifetime. Returns
 * milliseconds, or null when the text is not such a duration or is zero.
 */
export function parseIsoDurationMs(text: string): number | null {
  const match = DURATION.exec(text);
  if (match === null || text === 'P' || text.endsWith('T')) return null;
  const [, weeks, days, hours, minutes, seconds] = match;
  const ms =
    Number(weeks ?? 0) * UNIT_MS.W +
    Number(days ?? 0) * UNIT_MS.D +
    Number(hours ?? 0) * UNIT_MS.H +
    Number(minutes ?? 0) * UNIT_MS.M +
    Math.round(Number(seconds ?? 0) * UNIT_MS.S);
  return ms > 0 ? ms : null;
}
