import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Whether the HTTP layer may send a request again (see retry-policy.ts):
 * `never` once only; `throttled` again only after a 429, which a service sends before doing any
 * work (creates, rolls: a repeat after a 5xx or a lost answer could create or roll twice);
 * `idempotent` again after 429/5xx-unavailable and network failures (GET, full-value PUT,
 * DELETE of a known id).
 */
export type RetryPolicy = 'never' | 'throttled' | 'idempotent';

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL. */
  url: string;
  headers?: Record<string, string>;
  /** Sent as a JSON body with content-type application/json. */
  json?: unknown;
  /** Secret values this request carries (credential, created token): redacted from every error. */
  secrets?: readonly string[];
  /** Declared by every caller: whether a failed attempt may be sent again. */
  retry: RetryPolicy;
  /** The caller's way to stop the request, retries and waits included. */
  signal?: AbortSignal;
  /** Overall time for the request across all its attempts and waits; the client's default otherwise. */
  deadlineMs?: number;
  /** Statuses (besides 2xx) handed back to the caller instead of thrown, e.g. [404]. */
  acceptStatus?: readonly number[];
  /** A name for the service in error messages, e.g. "Kestra". */
  service?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Parses the body as JSON and validates it; throws AppError BAD_RESPONSE on mismatch. */
  json<T>(schema: z.ZodType<T>): T;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}
