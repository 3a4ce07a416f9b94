import type { IncomingHttpHeaders } from 'node:http';

export type SimMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SimRequest {
  method: SimMethod;
  path: string;
  /** Path parameters from `:name` segments, URL-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
}

export interface SimReply {
  status: number;
  /** Sent as JSON; omitted for statuses such as 204. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface SimRoute {
  /** The name failures and rate limits target, e.g. "listUserTokens". */
  key: string;
  method: SimMethod;
  /** `/api/v1/users/:id/api-tokens`: `:name` matches one path segment. */
  path: string;
  handle(request: SimRequest): SimReply | Promise<SimReply>;
}

export type FailureKind =
  | 'status'
  | 'timeout'
  | 'reset'
  | 'malformed'
  | 'html'
  | 'commit-then-status'
  | 'commit-then-close'
  | 'commit-late';

export interface FailureSpec {
  /** A route key, or "*" for every service route. */
  route: string;
  /**
   * status: answer `status` (default 500) with a JSON message;
   * timeout: never answer (the client gives up; close() or hangMs end the connection);
   * reset: destroy the socket with a TCP reset;
   * malformed: 200 with truncated JSON;
   * html: an HTML error page with `status` (default 502), as a reverse proxy sends;
   * commit-then-status: the service does the work, then answers `status` (default 503), as a
   * proxy or a failing step after the commit would;
   * commit-then-close: the service does the work, then the connection drops before the answer;
   * commit-late: the service does the work only after `delayMs` (longer than the client waits),
   * then answers whoever is still listening.
   * The "status" kind refuses before any work: 401/422 with `message`, 500, or 429 with
   * `retryAfter` (plus the service's own rate-limit headers where it sends them).
   */
  kind: FailureKind;
  status?: number;
  /** The service's words in the error body (kinds "status", "commit-then-status"). */
  message?: string;
  /** commit-late: how long the work takes. Default 2 s. */
  delayMs?: number;
  /** How many requests fail before the route works again; absent = until cleared. */
  times?: number;
  /** A Retry-After header value for kind "status" (e.g. "2", or an HTTP-date). */
  retryAfter?: string;
}

export interface RateLimitSpec {
  /** Requests allowed per window; the next ones get 429 with Retry-After until it ends. */
  limit: number;
  windowMs: number;
  /** Only count and limit this route key; absent = all service routes together. */
  route?: string;
}

export interface SimKnobs {
  latencyMs?: number;
  rateLimit?: RateLimitSpec | null;
}

/** The part each service adds: what /__sim/state shows and the dashboard actions. */
export interface SimControl {
  state(): unknown;
  /** "Dashboard" actions, i.e. what the user does in the service's web page. */
  actions: Record<string, (body: unknown) => unknown>;
}

export interface SimServerState {
  name: string;
  url: string;
  now: string;
  clockOffsetMs: number;
  latencyMs: number;
  rateLimit: RateLimitSpec | null;
  failures: FailureSpec[];
  /** Requests held open by a "timeout" failure right now. */
  hanging: number;
  service: unknown;
}

export interface SimServer {
  readonly name: string;
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  now(): Date;
  setClockOffset(ms: number): void;
  advanceClock(ms: number): void;
  setKnobs(knobs: SimKnobs): void;
  injectFailure(failure: FailureSpec): void;
  clearFailures(): void;
  state(): SimServerState;
  /** Ends every open and hanging connection, then stops listening. */
  close(): Promise<void>;
}
