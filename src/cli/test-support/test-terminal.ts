import { PassThrough } from 'node:stream';
import type { Terminal } from '../output';

/** A terminal for unit tests: pipes (not TTYs) whose output is kept as text. */
export function testTerminal(): Terminal & { stdin: PassThrough; out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { stdout, stderr, stdin: new PassThrough(), out: () => out, err: () => err };
}
