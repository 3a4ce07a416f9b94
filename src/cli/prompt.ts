import { createInterface } from 'node:readline';
import { isTerminal, type Terminal } from './output';

/**
 * Answers typed by the user, or piped in by a script one per line. On a terminal a secret is
 * read with echo off (raw mode, nothing written back), as `ssh` and `sudo` read passwords.
 * Null means the input ended (Ctrl+D, Ctrl+C, end of the pipe): the user stopped.
 */
export class Prompt {
  private lines: AsyncIterator<string> | null = null;

  constructor(private readonly term: Terminal) {}

  async ask(question: string, options: { hidden: boolean }): Promise<string | null> {
    this.term.stderr.write(question);
    const { stdin } = this.term;
    if (isTerminal(stdin) && stdin.setRawMode !== undefined) {
      const answer = await this.readRaw(options.hidden);
      this.term.stderr.write('\n');
      return answer;
    }
    return this.readPiped();
  }

  async confirm(question: string): Promise<boolean> {
    const answer = await this.ask(`${question} [y/N] `, { hidden: false });
    return answer !== null && /^y(es)?$/i.test(answer.trim());
  }

  close(): void {
    if (this.lines !== null) void this.lines.return?.();
  }

  private async readPiped(): Promise<string | null> {
    this.lines ??= createInterface({ input: this.term.stdin, terminal: false })[
      Symbol.asyncIterator
    ]();
    const next = await this.lines.next();
    return next.done === true ? null : next.value;
  }

  private readRaw(hidden: boolean): Promise<string | null> {
    const { stdin, stderr } = this.term;
    return new Promise((resolve) => {
      let value = '';
      const finish = (answer: string | null): void => {
        stdin.removeListener('data', onData);
        stdin.setRawMode?.(false);
        stdin.pause();
        resolve(answer);
      };
      const onData = (chunk: Buffer | string): void => {
        for (const char of chunk.toString()) {
          if (char === '\r' || char === '\n') return finish(value);
          // Ctrl+C and Ctrl+D: raw mode turns off the signal, so they are read as characters.
          if (char === '\u0003' || (char === '\u0004' && value === '')) return finish(null);
          if (char === '\u007f' || char === '\b') {
            if (value.length > 0 && !hidden) stderr.write('\b \b');
            value = value.slice(0, -1);
          } else if (char >= ' ') {
            value += char;
            if (!hidden) stderr.write(char);
          }
        }
      };
      stdin.setRawMode?.(true);
      stdin.on('data', onData);
      stdin.resume();
    });
  }
}
