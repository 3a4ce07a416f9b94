import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Absolute URL. */
  url: string;
  headers?: Record<string, string>;
  /** Sent as a JSON body with content-type application/json. */
  json?: unknown;
  /** Secret values this request carries (credential, created token): redacted from every error. */
  secrets?: readonly string[];
  /**
   * Safe to send again after a connection failure or timeout (GET, DELETE of a known id).
   * 429 and 503 are retried for every request: the service says it did not do the work.
   */
  idempotent?: boolean;
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
