/**
 * Where a command writes: results on stdout (what scripts capture), everything for the person on
 * stderr (progress, prompts, notes). Commands get this instead of touching `process` so their
 * tests can hand in a terminal or a pipe.
 */
export interface Terminal {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
}

export const processTerminal = (): Terminal => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});

export const isTerminal = (stream: { isTTY?: boolean }): boolean => stream.isTTY === true;

export function printLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}

export type OutputFormat = 'table' | 'json' | 'csv';

export function formatFrom(options: { json?: boolean; csv?: boolean }): OutputFormat {
  if (options.json === true) return 'json';
  if (options.csv === true) return 'csv';
  return 'table';
}
