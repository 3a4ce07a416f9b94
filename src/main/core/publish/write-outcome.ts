import type { ErrorCode } from '../../../shared/errors';

/**
 * Failures that come before anything is written: the target (or its service) refused with a
 * reason, or TokenDesk could not even start (no credential, a path it will not touch). The
 * target still holds what it held. Every other failure — a lost answer, a 5xx, a timeout, a
 * read-back that did not match, a file write that broke off — may have left the new value there.
 */
const refusedBeforeWriting = new Set<string>([
  'VALIDATION',
  'NOT_FOUND',
  'AUTH_FAILED',
  'FORBIDDEN',
  'REJECTED_BY_SERVICE',
  'RATE_LIMITED',
  'UNSUPPORTED',
  'KEYCHAIN_UNAVAILABLE',
] satisfies ErrorCode[]);

export function mayHaveChanged(code: string): boolean {
  return !refusedBeforeWriting.has(code);
}
