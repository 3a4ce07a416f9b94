/**
 * Reads KEY=VALUE lines the way dotenv tools do: `export ` prefixes, single or double quotes,
 * `#` comments on their own line or after an unquoted value. Lines that are not assignments
 * are skipped, never guessed at.
 */
export function parseDotenv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(raw);
    if (!match) continue;
    const [, key = '', rest = ''] = match;
    values.set(key, unquote(rest));
  }
  return values;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quote = trimmed.charAt(0);
  if ((quote === '"' || quote === "'") && trimmed.indexOf(quote, 1) > 0) {
    return trimmed.slice(1, trimmed.indexOf(quote, 1));
  }
  return trimmed.replace(/\s+#.*$/, '');
}
