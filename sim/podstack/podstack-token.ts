import { randomInt } from 'node:crypto';

/**
 * `podstack_<prefix>_<secret>`. The docs highlight the `<prefix>` segment as "Prefix shown in
 * UI" and call it the "first 8 characters"; the first 8 characters of the whole token would be
 * "podstack" for every token, so the 8 are the segment's. Segment lengths are not documented:
 * 8 for the prefix (as the dashboard says), 32 for the generated secret, 16–64 accepted.
 */
export const PODSTACK_TOKEN = /^podstack_([A-Za-z0-9]{8})_([A-Za-z0-9]{16,64})$/;
export const PODSTACK_PREFIX_LENGTH = 8;
const SECRET_LENGTH = 32;

const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const BASE62 = `ABCDEFGHIJKLMNOPQRSTUVWXYZ${LOWER}`;

function pick(alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) text += alphabet[randomInt(alphabet.length)];
  return text;
}

export function newPodstackPrefix(): string {
  return pick(LOWER, PODSTACK_PREFIX_LENGTH);
}

/** A fresh token; `prefix` is given when the caller must avoid one already in use. */
export function newPodstackToken(prefix = newPodstackPrefix()): string {
  return `podstack_${prefix}_${pick(BASE62, SECRET_LENGTH)}`;
}

/** The dashboard's Prefix column for a token, or null when the text is not a Podstack token. */
export function podstackPrefixOf(token: string): string | null {
  return PODSTACK_TOKEN.exec(token)?.[1] ?? null;
}
