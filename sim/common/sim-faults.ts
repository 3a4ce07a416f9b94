import { STATUS_CODES } from 'node:http';
import type { ServerResponse } from 'node:http';
import { sendJson, sendText } from './sim-json';
import type { FailureSpec, RateLimitSpec } from './sim-types';

const ALL_ROUTES = '*';

interface Window {
  startMs: number;
  count: number;
}

/** Injected failures and the rate limiter: the knobs that make a service misbehave. */
export class SimFaults {
  private failures: FailureSpec[] = [];
  private limit: RateLimitSpec | null = null;
  private readonly windows = new Map<string, Window>();

  list(): FailureSpec[] {
    return this.failures.map((failure) => ({ ...failure }));
  }

  add(failure: FailureSpec): void {
    this.failures.push({ ...failure });
  }

  clear(): void {
    this.failures = [];
  }

  rateLimit(): RateLimitSpec | null {
    return this.limit === null ? null : { ...this.limit };
  }

  setRateLimit(limit: RateLimitSpec | null): void {
    this.limit = limit === null ? null : { ...limit };
    this.windows.clear();
  }

  /** The failure this request suffers, if any; a counted failure is used up here. */
  take(routeKey: string): FailureSpec | null {
    const index = this.failures.findIndex(
      (failure) => failure.route === routeKey || failure.route === ALL_ROUTES,
    );
    if (index === -1) return null;
    const failure = this.failures[index];
    if (failure === undefined) return null;
    if (failure.times !== undefined) {
      failure.times -= 1;
      if (failure.times <= 0) this.failures.splice(index, 1);
    }
    return failure;
  }

  /** Counts the request; returns the Retry-After seconds when it is over the limit. */
  overLimit(routeKey: string, nowMs: number): number | null {
    const limit = this.limit;
    if (limit === null) return null;
    if (limit.route !== undefined && limit.route !== routeKey) return null;
    const key = limit.route ?? ALL_ROUTES;
    let window = this.windows.get(key);
    if (window === undefined || nowMs >= window.startMs + limit.windowMs) {
      window = { startMs: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= limit.limit) return null;
    return Math.max(1, Math.ceil((window.startMs + limit.windowMs - nowMs) / 1000));
  }
}

function htmlPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return (
    `<!DOCTYPE html>\n<html><head><title>${title}</title></head>\n` +
    `<body><h1>${title}</h1><hr><center>nginx</center></body></html>\n`
  );
}

/** The headers a service adds to a 429 besides Retry-After (GitLab's RateLimit-*), if any. */
export type ThrottleHeaders = (retryAfterSeconds: number) => Record<string, string>;

const noThrottleHeaders: ThrottleHeaders = () => ({});

/** Faults where the service does the work before things go wrong. */
export function commitsFirst(failure: FailureSpec): boolean {
  return (
    failure.kind === 'commit-then-status' ||
    failure.kind === 'commit-then-close' ||
    failure.kind === 'commit-late'
  );
}

/** How long a commit-late failure holds the work back. */
export function commitDelayMs(failure: FailureSpec): number {
  return failure.kind === 'commit-late' ? (failure.delayMs ?? 2_000) : 0;
}

function sendStatus(
  response: ServerResponse,
  failure: FailureSpec,
  fallback: number,
  throttleHeaders: ThrottleHeaders,
): void {
  const status = failure.status ?? fallback;
  const headers: Record<string, string> = {};
  if (failure.retryAfter !== undefined) {
    headers['retry-after'] = failure.retryAfter;
    const seconds = Number(failure.retryAfter);
    if (status === 429 && Number.isInteger(seconds))
      Object.assign(headers, throttleHeaders(seconds));
  }
  sendJson(
    response,
    status,
    { message: failure.message ?? `Injected failure (HTTP ${status})` },
    headers,
  );
}

/**
 * What happens once the service did the work (commit-then-*, commit-late): the answer is replaced
 * by an error or a dropped connection; a late commit answers normally if anyone still listens.
 */
export function actOutAfterCommit(
  response: ServerResponse,
  failure: FailureSpec,
  answer: () => void,
): void {
  switch (failure.kind) {
    case 'commit-then-status':
      sendStatus(response, failure, 503, noThrottleHeaders);
      return;
    case 'commit-then-close':
      response.socket?.resetAndDestroy();
      return;
    default:
      if (!response.destroyed && response.socket?.destroyed !== true) answer();
  }
}

/**
 * Acts out a failure before any work. Returns true when the response was left open on purpose
 * ("timeout"): the server then owns ending it.
 */
export function actOutFailure(
  response: ServerResponse,
  failure: FailureSpec,
  throttleHeaders: ThrottleHeaders = noThrottleHeaders,
): boolean {
  switch (failure.kind) {
    case 'status':
      sendStatus(response, failure, 500, throttleHeaders);
      return false;
    case 'commit-then-status':
    case 'commit-then-close':
    case 'commit-late':
      throw new Error(`"${failure.kind}" is acted out after the commit`);
    case 'timeout':
      return true;
    case 'reset':
      // A TCP RST, so the client sees ECONNRESET rather than a clean end of stream.
      response.socket?.resetAndDestroy();
      return false;
    case 'malformed':
      sendText(response, 200, 'application/json', '{"results":[{"id":"4wjtkzwVG","name":"ci-');
      return false;
    case 'html': {
      const status = failure.status ?? 502;
      sendText(response, status, 'text/html; charset=utf-8', htmlPage(status));
      return false;
    }
  }
}
