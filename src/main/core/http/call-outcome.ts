import { AppError, type ErrorCode } from '../../../shared/errors';

/**
 * How a failed call to a service ended, for a call that changes something there:
 * `refused` — the service said no (a 4xx with its reason) or the request never left: nothing
 * changed; `uncertain` — a timeout, 5xx, reset or unreadable answer: the service may have done it,
 * and only looking (list, find by marker or name) tells.
 */
export type FailedCallOutcome = 'refused' | 'uncertain';

const REFUSALS = new Set<ErrorCode>([
  'VALIDATION',
  'NOT_FOUND',
  'AUTH_FAILED',
  'FORBIDDEN',
  'CONFLICT',
  'REJECTED_BY_SERVICE',
  'RATE_LIMITED',
  'UNSUPPORTED',
]);

export function failedCallOutcome(error: unknown): FailedCallOutcome {
  if (!(error instanceof AppError)) return 'uncertain';
  if (error.reason === 'not_sent') return 'refused';
  return REFUSALS.has(error.code) ? 'refused' : 'uncertain';
}

/** The same judgement from a journaled error code (after a restart only the code is left). */
export function isRefusalCode(code: string): boolean {
  return (REFUSALS as Set<string>).has(code);
}
