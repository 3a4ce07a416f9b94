import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Clock } from '../clock';
import { REDACTED } from '../log/redact';

export interface AuditEntry {
  /** e.g. `rotation.started`, `rotation.step`, `rotation.done`. */
  action: string;
  rotationId?: string;
  accountId?: string;
  oldTokenId?: string;
  newTokenId?: string | null;
  step?: string;
  outcome?: string;
  errorCode?: string | null;
}

/** What may end up in an audit line: ids, names of steps and outcomes, error codes. */
type AuditLine = Record<string, string | null>;

const ERROR_CODE = /^[A-Z_]{1,40}$/;
const MIN_SECRET_LENGTH = 4;

/**
 * The local record of what TokenDesk did to the user's tokens: one JSON object per line,
 * appended (never rewritten), file mode 0600, each line fsynced before the next action, so the
 * trail survives the crash it may be needed to explain.
 *
 * Entries carry ids, step names, outcomes and error codes, never a message or a secret. The
 * logger's token-shape heuristic is not applied: it would erase UUIDs (account and rotation
 * ids), which is all an audit trail is made of. Instead every secret the caller holds at the
 * time is removed by value, and an error code that is not a code is replaced.
 */
export class AuditLog {
  private readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly clock: Clock,
    private readonly knownSecrets: () => readonly string[] = () => [],
  ) {
    this.path = join(dataDir, 'audit', 'audit.jsonl');
  }

  get file(): string {
    return this.path;
  }

  append(entry: AuditEntry): Promise<void> {
    const secrets = this.knownSecrets().filter((s) => s.length >= MIN_SECRET_LENGTH);
    const line: AuditLine = { time: this.clock.now().toISOString() };
    for (const [key, value] of Object.entries(entry)) {
      if (value === undefined) continue;
      if (typeof value !== 'string') {
        line[key] = null;
      } else if (key === 'errorCode') {
        line[key] = ERROR_CODE.test(value) ? value : 'INTERNAL';
      } else {
        line[key] = secrets.reduce((text, secret) => text.split(secret).join(REDACTED), value);
      }
    }
    const run = async (): Promise<void> => {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      const handle = await open(this.path, 'a', 0o600);
      try {
        // `mode` applies only when the file is created; an older file may have wider rights.
        await handle.chmod(0o600);
        await handle.write(`${JSON.stringify(line)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every line appended so far is on disk (or has failed): quitting waits for it. */
  async flush(): Promise<void> {
    await this.queue;
  }
}
