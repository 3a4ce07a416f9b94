import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const WORKER = fileURLToPath(new URL('./rotation-worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface WorkerEnv {
  dataDir: string;
  keychainService: string;
  simUrl: string;
  action: 'rotate' | 'recover';
  accountId: string;
  tokenId: string;
  /** `<checkpoint>#<n>`. */
  pauseAt?: string;
  trace?: boolean;
  /** Guided: what the user does in the dashboard (guided-user.ts), as JSON. */
  guidedUser?: string;
}

export type WorkerMessage =
  | { checkpoint: string; nth: number }
  | { paused: string }
  | { settled: Array<{ rotationId: string; status: string }> }
  | { failed: string };

/** How a worker run ended: it paused where told, or it exited by itself. */
export type WorkerStop =
  | { kind: 'paused'; point: string }
  | { kind: 'exited'; code: number | null; signal: string | null };

/** One run of the core in a child process, driven over stdin/stdout, killable at any moment. */
export class WorkerProcess {
  readonly messages: WorkerMessage[] = [];
  private readonly child: ChildProcess;
  private readonly exit: Promise<{ code: number | null; signal: string | null }>;
  private readonly stderr: string[] = [];
  private onMessage: (message: WorkerMessage) => void = () => undefined;

  constructor(options: WorkerEnv) {
    this.child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TD_DATA_DIR: options.dataDir,
        TD_KEYCHAIN_SERVICE: options.keychainService,
        TD_SIM_URL: options.simUrl,
        TD_ACTION: options.action,
        TD_ACCOUNT_ID: options.accountId,
        TD_TOKEN_ID: options.tokenId,
        TD_PAUSE_AT: options.pauseAt ?? '',
        TD_TRACE: options.trace === true ? '1' : '',
        TD_USER: options.guidedUser ?? '',
      },
    });
    const { stdout, stderr } = this.child;
    if (stdout === null || stderr === null) throw new Error('worker without pipes');
    createInterface({ input: stdout }).on('line', (line) => {
      const message = JSON.parse(line) as WorkerMessage;
      this.messages.push(message);
      this.onMessage(message);
    });
    stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')));
    this.exit = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => resolve({ code, signal }));
    });
  }

  /** Resolves when the worker paused at its point or exited. */
  stopped(): Promise<WorkerStop> {
    const paused = this.messages.find((m): m is { paused: string } => 'paused' in m);
    if (paused !== undefined) return Promise.resolve({ kind: 'paused', point: paused.paused });
    return new Promise((resolve) => {
      this.onMessage = (message) => {
        if ('paused' in message) resolve({ kind: 'paused', point: message.paused });
      };
      void this.exit.then(({ code, signal }) => resolve({ kind: 'exited', code, signal }));
    });
  }

  resume(): void {
    this.child.stdin?.write('continue\n');
  }

  /** SIGKILL: no handler, no flush, no cleanup — the hardest way an app can stop. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exit;
  }

  exited(): Promise<{ code: number | null; signal: string | null }> {
    return this.exit;
  }

  /** What the worker wrote to stderr (for a failure report; it carries no secret). */
  errors(): string {
    return this.stderr.join('').slice(-2000);
  }
}
