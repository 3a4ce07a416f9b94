/** Stable error codes: the renderer branches on these, never on message text. */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'AUTH_FAILED',
  'FORBIDDEN',
  'CONFLICT',
  /** The token or account belongs to an unfinished rotation (see src/shared/lease.ts). */
  'ROTATION_UNFINISHED',
  'REJECTED_BY_SERVICE',
  'RATE_LIMITED',
  'SERVICE_ERROR',
  'BAD_RESPONSE',
  'UNREACHABLE',
  'TIMEOUT',
  'CANCELLED',
  'KEYCHAIN_UNAVAILABLE',
  'STORAGE_FAILED',
  'UNSUPPORTED',
  'SENDER_REJECTED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/**
 * A finer cause within a code, for the core's own decisions. `token_inactive`: the service
 * knows the token but it is switched off (it can be switched on again), so it is not revoked.
 * `not_sent`: the connection never opened (refused, unknown host, connect timeout, certificate),
 * so the service cannot have acted on the request.
 */
export type ErrorReason = 'token_inactive' | 'not_sent';

/**
 * The one error type that crosses layers. `message` is written for the user and must never
 * carry a secret or a stack trace: it is shown in the UI and sent over IPC as is.
 */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterMs?: number,
    readonly reason?: ErrorReason,
  ) {
    super(message);
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

/** A refusal of a token the service still holds but has switched off. */
export function tokenInactiveError(message: string): AppError {
  return new AppError('AUTH_FAILED', message, undefined, 'token_inactive');
}

export function isTokenInactive(error: unknown): boolean {
  return error instanceof AppError && error.reason === 'token_inactive';
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/**
 * Errors lose their class and extra fields when they cross Electron's contextBridge, so the
 * preloads reject with `CODE: message` and the renderer reads the code back from the text.
 */
export function encodeErrorMessage(info: ErrorInfo): string {
  return `${info.code}: ${info.message}`;
}

export function decodeError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const match = /^(?:Error: )?([A-Z_]+): ([\s\S]*)$/.exec(text);
  if (match && isErrorCode(match[1])) return new AppError(match[1], match[2] ?? '');
  return new AppError('INTERNAL', 'Something went wrong. See the log for details.');
}
