import { AppError, type ErrorCode, type ErrorInfo } from '../../../shared/errors';
import type { Logger } from '../log/logger';

/**
 * Failures the engine must tell apart to choose its next move (roll back, go forward, ask the
 * user). Each is still an AppError with a stable code and a message fit for the user.
 */
export type FailureKind =
  /** The roll went out and no answer came back: whether the service rolled is unknown. */
  | 'roll-uncertain'
  /** The service definitely refused the roll (a 4xx): nothing changed. */
  | 'roll-refused'
  /** The service definitely refused the create: nothing was created. */
  | 'create-refused'
  /** The create got no clear answer (timeout, 5xx, reset): the token may exist. */
  | 'create-uncertain'
  /** The new secret is in neither the keychain nor memory. */
  | 'secret-lost'
  /** Guided: the pasted secret is not a working new token. */
  | 'pasted-rejected'
  /** Some publish targets took the new secret and some did not. */
  | 'publish-partial'
  /** The old token still works although it should be revoked. */
  | 'old-still-works';

export class RotationFailure extends AppError {
  constructor(
    readonly kind: FailureKind,
    code: ErrorCode,
    message: string,
  ) {
    super(code, message);
  }
}

export function failureKind(error: unknown): FailureKind | null {
  return error instanceof RotationFailure ? error.kind : null;
}

export function codeOf(error: unknown): ErrorCode {
  return error instanceof AppError ? error.code : 'INTERNAL';
}

/** What is journaled and shown: an AppError's own words, or a generic line (details to the log). */
export function toErrorInfo(error: unknown, log: Logger): ErrorInfo {
  if (error instanceof AppError) return error.toInfo();
  log.error('rotation step failed unexpectedly', { error });
  return { code: 'INTERNAL', message: 'Something went wrong. The details are in the log.' };
}
