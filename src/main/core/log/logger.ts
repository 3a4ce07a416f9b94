import { closeSync, fchmodSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Clock } from '../clock';
import { systemClock } from '../clock';
import { REDACTED, redact } from './redact';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface LogWriter {
  write(line: string): void;
}

export interface Logger {
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  clock?: Clock;
  /** Secrets known at the time of writing (e.g. those held in memory for a running rotation). */
  knownSecrets?: () => readonly string[];
}

/** A field under one of these names is a secret whatever its value looks like. */
const SECRET_KEY = /^(?:authorization|password|passphrase|secret|token|credential|cookie)$/i;
const MAX_DEPTH = 6;

function clean(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) {
    // Only what helps diagnose: a stack can hold request bodies in some libraries' messages.
    const code = value instanceof AppError ? value.code : (value as { code?: unknown }).code;
    return {
      name: value.name,
      message: redact(value.message, secrets),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((item) => clean(item, secrets, depth + 1));
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] = SECRET_KEY.test(key) ? REDACTED : clean(item, secrets, depth + 1);
  }
  return result;
}

/** JSON lines: one object per line with time, level, msg and (when given) fields. */
export function createLogger(writer: LogWriter, options: LoggerOptions = {}): Logger {
  const clock = options.clock ?? systemClock;
  const log = (level: LogLevel, msg: string, fields?: LogFields): void => {
    const secrets = options.knownSecrets?.() ?? [];
    const entry: Record<string, unknown> = {
      time: clock.now().toISOString(),
      level,
      msg: redact(msg, secrets),
    };
    if (fields !== undefined && Object.keys(fields).length > 0) {
      entry.fields = clean(fields, secrets, 0);
    }
    writer.write(JSON.stringify(entry));
  };
  return {
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
  };
}

export interface FileLogWriter extends LogWriter {
  close(): void;
}

/**
 * Appends lines to `path` (directory created, file mode 0600). Writes are synchronous so the
 * lines before a crash are on disk, which matters when diagnosing an interrupted rotation.
 */
export function fileLogWriter(path: string): FileLogWriter {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let fd: number | null = openSync(path, 'a', 0o600);
  // `mode` only applies to a new file; an older log may have been created with wider rights.
  fchmodSync(fd, 0o600);
  return {
    write(line) {
      if (fd === null) return;
      writeSync(fd, `${line}\n`);
    },
    close() {
      if (fd === null) return;
      closeSync(fd);
      fd = null;
    },
  };
}

/** A logger that drops everything, for code paths and tests that do not care. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
