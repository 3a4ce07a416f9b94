/**
 * `podstack_<prefix>_<secret>`. The dashboard's Prefix column shows the `<prefix>` segment ("the
 * first 8 characters" in the docs; the first 8 of the whole token would read "podstack" for every
 * token). Segment lengths are not documented, so any non-empty alphanumeric segment is accepted.
 */
const PODSTACK_TOKEN = /^podstack_([A-Za-z0-9]+)_[A-Za-z0-9]+$/;

/** What the dashboard shows of a token, or null when the text is not a Podstack token. */
export function podstackPrefixOf(secret: string): string | null {
  const match = PODSTACK_TOKEN.exec(secret);
  return match === null ? null : (match[1] ?? null);
}
