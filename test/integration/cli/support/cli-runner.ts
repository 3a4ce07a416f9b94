import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { encodingsOf } from '../../../../e2e/support/secret-scan';

const root = resolve(__dirname, '..', '..', '..', '..');
/** The built command line, as `npx tokendesk` runs it (npm test builds before this project). */
export const cliPath = resolve(
  root,
  process.env['TOKENDESK_BUILD_DIR'] ?? 'out',
  'main',
  'tokendesk.js',
);

export interface CliResult {
  args: readonly string[];
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running `tokendesk` child: its output so far, and a way to answer its prompts. */
export interface CliChild {
  child: ChildProcessWithoutNullStreams;
  /** Resolves once stderr contains `text` (the child's own prompt or progress line). */
  waitForStderr(text: string): Promise<void>;
  answer(line: string): void;
  endInput(): void;
  done: Promise<CliResult>;
}

/**
 * Runs the built CLI against one data dir, with the test's keyring and simulators, and records
 * every byte it printed so the test can scan them all for secrets at the end.
 */
export class CliRunner {
  readonly transcript: CliResult[] = [];

  constructor(private readonly dataDir: string) {
    if (!existsSync(cliPath)) {
      throw new Error(`${cliPath} is missing: run \`npx electron-vite build\` first.`);
    }
  }

  start(args: readonly string[]): CliChild {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { ...process.env, TOKENDESK_DATA_DIR: this.dataDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const waiters: Array<{ text: string; resolve: () => void }> = [];
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      for (const waiter of waiters.filter((w) => stderr.includes(w.text))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
    const done = new Promise<CliResult>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => {
        const result = { args, code, stdout, stderr };
        this.transcript.push(result);
        resolve(result);
      });
    });
    return {
      child,
      done,
      waitForStderr: (text) =>
        stderr.includes(text)
          ? Promise.resolve()
          : new Promise<void>((resolve, reject) => {
              waiters.push({ text, resolve });
              void done.then(() =>
                reject(new Error(`tokendesk exited before printing "${text}":\n${stderr}`)),
              );
            }),
      answer: (line) => child.stdin.write(`${line}\n`),
      endInput: () => child.stdin.end(),
    };
  }

  /** One non-interactive run: stdin is empty (a pipe at its end), as under cron or CI. */
  async run(args: readonly string[], input = ''): Promise<CliResult> {
    const running = this.start(args);
    running.child.stdin.end(input);
    return running.done;
  }

  /** Runs whose output holds any of the secrets, in any encoding (plain, JSON, URL). */
  leaks(secrets: readonly string[], except: readonly CliResult[] = []): string[] {
    const hits: string[] = [];
    for (const result of this.transcript.filter((r) => !except.includes(r))) {
      for (const secret of secrets) {
        const printed = encodingsOf(secret).some(
          (needle) => result.stdout.includes(needle) || result.stderr.includes(needle),
        );
        if (printed) hits.push(`tokendesk ${result.args.join(' ')}`);
      }
    }
    return hits;
  }
}
