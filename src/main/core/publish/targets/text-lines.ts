/** One line of a text file and the terminator it had, so that unchanged lines round-trip exactly. */
export interface Line {
  text: string;
  eol: '' | '\n' | '\r\n';
}

export function splitLines(content: string): Line[] {
  const lines: Line[] = [];
  for (const match of content.matchAll(/([^\n]*)(\n|$)/g)) {
    const [whole, body = '', newline = ''] = match;
    if (whole === '') break;
    if (newline === '\n' && body.endsWith('\r'))
      lines.push({ text: body.slice(0, -1), eol: '\r\n' });
    else lines.push({ text: body, eol: newline === '\n' ? '\n' : '' });
  }
  return lines;
}

export function joinLines(lines: readonly Line[]): string {
  return lines.map((line) => line.text + line.eol).join('');
}

/** The file's own line ending (its first one), so added lines match the lines around them. */
export function fileEol(lines: readonly Line[]): '\n' | '\r\n' {
  const first = lines.find((line) => line.eol !== '');
  return first === undefined ? '\n' : first.eol === '\r\n' ? '\r\n' : '\n';
}

/**
 * Inserts `texts` before `index`. At the end of a file without a final newline, the last line
 * gets a terminator and the inserted ones end without one: the file keeps its style.
 */
export function insertLines(
  lines: readonly Line[],
  index: number,
  texts: readonly string[],
): Line[] {
  const eol = fileEol(lines);
  const before = lines.slice(0, index).map((line) => ({ ...line }));
  const after = lines.slice(index);
  const inserted: Line[] = texts.map((text) => ({ text, eol }));
  const last = before.at(-1);
  if (after.length === 0 && last !== undefined && last.eol === '') {
    last.eol = eol;
    const tail = inserted.at(-1);
    if (tail !== undefined) tail.eol = '';
  }
  return [...before, ...inserted, ...after];
}
