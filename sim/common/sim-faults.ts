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

/**
 * Acts out a failure. Returns true when the response was left open on purpose ("timeout"):
 * the server then owns ending it.
 */
export function actOutFailure(response: ServerResponse, failure: FailureSpec): boolean {
  switch (failure.kind) {
    case 'status': {
      const status = failure.status ?? 500;
      const headers: Record<string, string> =
        failure.retryAfter === undefined ? {} : { 'retry-after': failure.retryAfter };
      sendJson(response, status, { message: `Injected failure (HTTP ${status})` }, headers);
      return false;
    }
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
