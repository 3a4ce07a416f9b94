import { AppError } from '../../../../shared/errors';
import { insertLines, joinLines, splitLines, type Line } from './text-lines';

/** `KEY=`, `export KEY =`, indented: the part before the value, kept as the user wrote it. */
const ASSIGNMENT = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)(\s*=[ \t]*)(.*)$/;
/** Values that need no quotes in any dotenv dialect (and no expansion by dotenv-expand). */
const BARE = /^[A-Za-z0-9_\-.,:/+=@%^]+$/;

/**
 * Sets `key` to `secret` in a .env file's text. Every other line stays byte for byte; each line
 * assigning `key` keeps its indentation, `export`, spacing, trailing comment and line ending,
 * and only its value changes. Without such a line, one is appended.
 */
export function setDotenvValue(content: string, key: string, secret: string): string {
  const value = quoteDotenvValue(secret);
  const lines = splitLines(content);
  const result: Line[] = [];
  let found = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as Line;
    const match = ASSIGNMENT.exec(line.text);
    if (match === null || match[2] !== key) {
      result.push(line);
      continue;
    }
    const [, lead = '', name = '', equals = '', rest = ''] = match;
    const span = valueSpan(lines, index, rest, key);
    const last = lines[span.endLine] as Line;
    result.push({ text: `${lead}${name}${equals}${value}${span.tail}`, eol: last.eol });
    index = span.endLine;
    found = true;
  }
  return joinLines(found ? result : insertLines(result, result.length, [`${key}=${value}`]));
}

/** Unquoted when safe; single quotes (literal everywhere) otherwise; double quotes as a last resort. */
export function quoteDotenvValue(secret: string): string {
  if (/[\r\n]/.test(secret)) {
    throw new AppError(
      'VALIDATION',
      'A secret with a line break cannot be written to a .env file.',
    );
  }
  if (BARE.test(secret)) return secret;
  if (!secret.includes("'")) return `'${secret}'`;
  if (!/["\\$`]/.test(secret)) return `"${secret}"`;
  throw new AppError(
    'VALIDATION',
    'This secret contains both kinds of quotes and characters a .env file would interpret, so it cannot be written there safely.',
  );
}

interface ValueSpan {
  /** The last line the old value occupies (a quoted value may span lines). */
  endLine: number;
  /** What followed the old value on its last line: kept only if it is a comment. */
  tail: string;
}

function valueSpan(lines: readonly Line[], start: number, rest: string, key: string): ValueSpan {
  const quote = rest.charAt(0);
  if (quote !== '"' && quote !== "'" && quote !== '`') {
    const comment = /\s+#.*$/.exec(rest);
    return { endLine: start, tail: comment === null ? '' : comment[0] };
  }
  // A quoted value may continue on the next lines (dotenv's multi-line values): all of it goes.
  let text = rest;
  let from = 1;
  for (let index = start; index < lines.length; index += 1) {
    if (index > start) text = (lines[index] as Line).text;
    const close = closingQuote(text, quote, from);
    if (close >= 0) return { endLine: index, tail: commentOnly(text.slice(close + 1)) };
    from = 0;
  }
  throw new AppError(
    'VALIDATION',
    `The value of ${key} in this file opens a quote that is never closed; fix the file first.`,
  );
}

function closingQuote(text: string, quote: string, from: number): number {
  for (let index = from; index < text.length; index += 1) {
    if (quote === '"' && text.charAt(index) === '\\') {
      index += 1;
      continue;
    }
    if (text.charAt(index) === quote) return index;
  }
  return -1;
}

function commentOnly(tail: string): string {
  return /^\s+#/.test(tail) ? tail : '';
}
