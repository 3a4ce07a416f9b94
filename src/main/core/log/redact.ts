/**
 * Removes secrets from text that may reach a user, a log file or an IPC payload.
 *
 * Three layers, because no single one is enough: the secrets we know about (the credential and
 * the token a request carries), the places secrets sit by convention (auth headers, Bearer and
 * Basic values, well-known token prefixes), and anything shaped like a random token. The last
 * layer is a heuristic tuned to keep prose, hosts, ISO dates, paths and short ids readable.
 */

export const REDACTED = '[redacted]';

/** Shorter "secrets" would turn ordinary words into `[redacted]` and protect nothing real. */
const MIN_KNOWN_SECRET_LENGTH = 4;
const MIN_TOKEN_LENGTH = 24;

const SECRET_HEADERS = [
  'authorization',
  'proxy-authorization',
  'private-token',
  'job-token',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'cookie',
  'set-cookie',
].join('|');

/** `Authorization: Bearer x`, `"private-token":"x"`, `PRIVATE-TOKEN=x`: the value up to the line end. */
const HEADER_VALUE = new RegExp(
  `\\b(${SECRET_HEADERS})(["']?\\s*[:=]\\s*["']?)([^\\r\\n"']+)`,
  'gi',
);

const SCHEME_VALUE = /\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/=:-]{4,})/gi;

/** Prefixes that services put on their tokens so that scanners can find them. */
const PREFIXED_TOKEN =
  /\b(?:glpat-|glptt-|gldt-|glrt-|ghp_|gho_|ghs_|ghu_|ghr_|github_pat_|sk-|podstack_|xox[abpr]-)[A-Za-z0-9_.-]{6,}/g;

/** Candidate runs of base64 / base64url / hex characters; '/' splits them (see looksLikeToken). */
const CANDIDATE_RUN = /[A-Za-z0-9+_=-]{24,}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function redactKnown(text: string, knownSecrets: readonly string[]): string {
  const variants = new Set<string>();
  for (const secret of knownSecrets) {
    if (secret.length < MIN_KNOWN_SECRET_LENGTH) continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
    variants.add(JSON.stringify(secret).slice(1, -1));
  }
  // Longest first, so that a secret containing another is removed whole.
  const ordered = [...variants].sort((a, b) => b.length - a.length);
  let result = text;
  for (const variant of ordered) {
    result = result.replace(new RegExp(escapeRegExp(variant), 'g'), REDACTED);
  }
  return result;
}

/** A plain word such as "authentication": `Bearer authentication` is prose, not a credential. */
function isPlainWord(value: string): boolean {
  return /^[A-Za-z][a-z]+$/.test(value);
}

function classesOf(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(value)).length;
}

/**
 * - one unbroken alphanumeric run with letters and digits (hex digests, lowercase tokens);
 * - random mixed-case letters without digits (see looksLikeRandomLetters);
 * - hex with dashes (UUIDs included: some services use them as secrets, so they go too);
 * - mixed case and digits with at least one long random-looking segment (base64url). The
 *   segment rule keeps kebab-case names such as `Deploy-Bot-2024-CI-Runner` readable.
 */
export function looksLikeToken(run: string): boolean {
  if (run.length < MIN_TOKEN_LENGTH) return false;
  if (!/[A-Za-z]/.test(run)) return false;
  if (!/[0-9]/.test(run)) return looksLikeRandomLetters(run);
  if (!/[-_]/.test(run)) return true;
  if (/^[0-9a-fA-F]+(?:-[0-9a-fA-F]+)+$/.test(run)) return true;
  if (classesOf(run) < 3) return false;
  return run.split(/[-_]/).some(isRandomSegment);
}

/**
 * About 1 in 1,500 random base64url tokens of 43 characters has no digit. Random letters switch
 * case all the time and often pair capitals; CamelCase identifiers and prose rarely do both.
 */
function looksLikeRandomLetters(run: string): boolean {
  const count = (re: RegExp) => (run.match(re) ?? []).length;
  return count(/[A-Z](?=[A-Z])/g) >= 3 && count(/[a-z](?=[A-Z])/g) >= 3;
}

/** Letters mixed with digits, or a capital inside lowercase: random, not a (Capitalized) word. */
function isRandomSegment(segment: string): boolean {
  if (segment.length < 8) return false;
  return (/[0-9]/.test(segment) && /[A-Za-z]/.test(segment)) || /[a-z][A-Z]/.test(segment);
}

function redactTokenShaped(text: string): string {
  // URL paths share base64's '/', so each path segment is judged on its own; a standard-base64
  // secret split by '/' into short pieces is the known gap, covered by the known-secrets layer.
  return text.replace(CANDIDATE_RUN, (run) => (looksLikeToken(run) ? REDACTED : run));
}

export function redact(text: string, knownSecrets: readonly string[] = []): string {
  let result = redactKnown(text, knownSecrets);
  result = result.replace(HEADER_VALUE, (_match, name: string, separator: string) => {
    return `${name}${separator}${REDACTED}`;
  });
  result = result.replace(SCHEME_VALUE, (match, scheme: string, space: string, value: string) =>
    isPlainWord(value) || value === REDACTED ? match : `${scheme}${space}${REDACTED}`,
  );
  result = result.replace(PREFIXED_TOKEN, REDACTED);
  return redactTokenShaped(result);
}
