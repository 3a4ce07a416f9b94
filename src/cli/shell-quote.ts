/** A word a POSIX shell reads back as exactly `text` (for commands we suggest the user runs). */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
