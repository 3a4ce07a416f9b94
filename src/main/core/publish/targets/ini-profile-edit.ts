import { AppError } from '../../../../shared/errors';
import { insertLines, joinLines, splitLines, type Line } from './text-lines';

const SECTION = /^\s*\[([^\]]+)\]\s*$/;
/** configparser accepts `=` or `:` and matches option names case-insensitively. */
const OPTION = /^(\s*)([^\s=:#;][^=:]*?)(\s*[=:][ \t]*)(.*)$/;
const COMMENT = /^\s*[#;]/;

/**
 * Sets `option` of `[profile]` in an INI file (the format of ~/.podstack/credentials, read by
 * Python's configparser). Every other line stays byte for byte; the option's line keeps its
 * indentation, spelling and separator. A missing option is added at the end of the profile; a
 * missing profile is appended.
 */
export function setIniValue(
  content: string,
  profile: string,
  option: string,
  value: string,
): string {
  if (value !== value.trim() || /[\r\n]/.test(value)) {
    throw new AppError(
      'VALIDATION',
      'A secret with surrounding spaces or a line break cannot be stored in an INI profile.',
    );
  }
  const lines = splitLines(content);
  const wanted = option.toLowerCase();
  const result: Line[] = [];
  let section: string | null = null;
  let found = false;
  /** Where a missing option goes: after the profile's last option (or its header). */
  let insertAt = -1;
  for (const [index, line] of lines.entries()) {
    const header = SECTION.exec(line.text);
    if (header !== null) {
      section = (header[1] ?? '').trim();
      result.push(line);
      if (section === profile) insertAt = result.length;
      continue;
    }
    const match = section === profile && !COMMENT.test(line.text) ? OPTION.exec(line.text) : null;
    if (match !== null && (match[2] ?? '').trim().toLowerCase() === wanted) {
      const [, indent = '', name = '', separator = ''] = match;
      refuseContinuation(lines[index + 1], indent.length, option);
      result.push({ text: `${indent}${name}${separator}${value}`, eol: line.eol });
      found = true;
    } else {
      result.push(line);
    }
    if (section === profile && line.text.trim() !== '' && !COMMENT.test(line.text)) {
      insertAt = result.length;
    }
  }
  if (found) return joinLines(result);
  if (insertAt >= 0) return joinLines(insertLines(result, insertAt, [`${option} = ${value}`]));
  const separator = result.length > 0 && (result.at(-1) as Line).text.trim() !== '' ? [''] : [];
  return joinLines(
    insertLines(result, result.length, [...separator, `[${profile}]`, `${option} = ${value}`]),
  );
}

/**
 * configparser joins a line indented deeper than the option to its value; replacing only the
 * first line would leave the rest glued to the new secret.
 */
function refuseContinuation(next: Line | undefined, indent: number, option: string): void {
  if (next === undefined || next.text.trim() === '' || COMMENT.test(next.text)) return;
  const nextIndent = (/^\s*/.exec(next.text) as RegExpExecArray)[0].length;
  if (nextIndent > indent) {
    throw new AppError(
      'VALIDATION',
      `The ${option} value in this profile continues on the next line; fix the file first.`,
    );
  }
}

/** The value configparser would read for `option` of `[profile]` (the last one wins), or null. */
export function readIniValue(content: string, profile: string, option: string): string | null {
  const wanted = option.toLowerCase();
  let section: string | null = null;
  let value: string | null = null;
  for (const line of splitLines(content)) {
    const header = SECTION.exec(line.text);
    if (header !== null) {
      section = (header[1] ?? '').trim();
      continue;
    }
    if (section !== profile || COMMENT.test(line.text)) continue;
    const match = OPTION.exec(line.text);
    if (match !== null && (match[2] ?? '').trim().toLowerCase() === wanted) {
      value = (match[4] ?? '').trim();
    }
  }
  return value;
}
