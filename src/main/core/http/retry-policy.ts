import type { RetryPolicy } from './http-client.types';

/** Statuses a service sends for an idempotent request that is worth sending again. */
const IDEMPOTENT_RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** What the last attempt ended with, and how much of the caller's time is left. */
export interface AttemptEnd {
  policy: RetryPolicy;
  /** Attempts made so far, the first included. */
  attempts: number;
  maxAttempts: number;
  /** The answer's status, when there was one. */
  status: number | null;
  /** The service's Retry-After, read as a wait; null when absent or unreadable. */
  retryAfterMs: number | null;
  /** A network failure worth trying again (reset, timeout, refused, DNS hiccup). */
  transientFailure: boolean;
  /** Whether the failed attempt may have reached the service (false: the connection never opened). */
  reached: boolean;
  /** Time left before the request's overall deadline. */
  remainingMs: number;
  /** A Retry-After longer than this is not waited for. */
  maxRetryAfterMs: number;
  /** The wait when the service named none (backoff with jitter). */
  backoffMs: number;
}

/**
 * How long to wait before sending the request again, or null to stop here.
 *
 * - `never`: one attempt, whatever happens.
 * - `throttled`: again only after a 429 (the service refused before doing any work) or a
 *   connection that never opened; a 5xx, timeout or reset may come after the work was done.
 * - `idempotent`: again after 429/502/503/504 and transient network failures, because repeating
 *   it changes nothing more.
 *
 * Never beyond the overall deadline, never for a Retry-After over the cap.
 */
export function retryDelayMs(end: AttemptEnd): number | null {
  if (end.policy === 'never' || end.attempts >= end.maxAttempts) return null;
  if (!mayRepeat(end)) return null;
  if (end.retryAfterMs !== null && end.retryAfterMs > end.maxRetryAfterMs) return null;
  const wait = end.retryAfterMs ?? end.backoffMs;
  return wait < end.remainingMs ? wait : null;
}

function mayRepeat(end: AttemptEnd): boolean {
  if (end.status !== null) {
    if (end.status === 429) return true;
    return end.policy === 'idempotent' && IDEMPOTENT_RETRY_STATUSES.has(end.status);
  }
  if (!end.transientFailure) return false;
  return end.policy === 'idempotent' || !end.reached;
}
