import { Agent, request as undiciRequest } from 'undici';
import type { Dispatcher } from 'undici';
import { AppError } from '../../../shared/errors';
import type { Clock } from '../clock';
import { systemClock } from '../clock';
import type { Logger } from '../log/logger';
import { silentLogger } from '../log/logger';
import { redact } from '../log/redact';
import { backoffDelayMs, delay, parseRetryAfterMs } from './backoff';
import type { HttpClient, HttpRequest, HttpResponse } from './http-client.types';
import type { ClassifiedFailure, FailureContext } from './http-errors';
import { httpError, networkFailure, redirectError, statusError } from './http-errors';
import { createHttpResponse } from './http-response';
import { BodyTooLargeError, readBodyText } from './read-body';

export interface HttpClientOptions {
  /** Time to open the TCP/TLS connection. Default 5 s. */
  connectTimeoutMs?: number;
  /** Time for the whole exchange once connected: headers and body. Default 15 s. */
  requestTimeoutMs?: number;
  /** Attempts per request, the first included. Default 3. */
  maxAttempts?: number;
  /** Backoff base and ceiling for retries without a usable Retry-After. Defaults 500 ms, 8 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this ends the request with RATE_LIMITED. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Bodies over this many bytes are aborted. Default 2 MiB. */
  maxBodyBytes?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  clock?: Clock;
  /** Replaces the client's own pooled Agent (undici MockAgent in tests); the caller closes it. */
  dispatcher?: Dispatcher;
  logger?: Logger;
  userAgent?: string;
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

type Attempt = { ok: true; raw: RawResponse } | { ok: false; failure: ClassifiedFailure };

const RETRY_STATUSES = new Set([429, 503]);
/** Header values that are credentials: also redacted when the caller forgot to list them. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'private-token', 'job-token', 'x-api-key']);

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}

function secretsOf(request: HttpRequest): string[] {
  const secrets = [...(request.secrets ?? [])];
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (!CREDENTIAL_HEADERS.has(name.toLowerCase())) continue;
    secrets.push(value);
    const credential = /^\S+\s+(\S+)$/.exec(value)?.[1];
    if (credential !== undefined) secrets.push(credential);
  }
  return secrets;
}

function parseUrl(request: HttpRequest): URL {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new AppError(
      'VALIDATION',
      `"${redact(request.url, request.secrets)}" is not a valid address. Check the account's address.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError(
      'VALIDATION',
      `TokenDesk only talks to http:// and https:// addresses, not ${url.protocol}//. Check the account's address.`,
    );
  }
  return url;
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const backoff = {
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8_000,
    random: options.random ?? Math.random,
  };
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const sleep = options.sleep ?? delay;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const userAgent = options.userAgent ?? 'TokenDesk';
  const ownsDispatcher = options.dispatcher === undefined;
  // One Agent per client: connections are pooled and kept alive per origin.
  const dispatcher: Dispatcher =
    options.dispatcher ??
    new Agent({
      connect: { timeout: connectTimeoutMs },
      headersTimeout: requestTimeoutMs,
      bodyTimeout: requestTimeoutMs,
    });

  async function attempt(request: HttpRequest, url: URL, ctx: FailureContext): Promise<Attempt> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), requestTimeoutMs);
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': userAgent };
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, request.headers);
    try {
      // undici's request() never follows redirects unless given a redirect interceptor.
      const response = await undiciRequest(url, {
        method: request.method,
        headers,
        body: request.json === undefined ? undefined : JSON.stringify(request.json),
        dispatcher,
        signal: controller.signal,
      });
      const responseHeaders = flattenHeaders(response.headers);
      if (response.statusCode >= 300 && response.statusCode < 400) {
        // dump(), not destroy(): destroying a finished body emits an 'error' nobody listens to,
        // which would take the process down on any redirect.
        await response.body.dump();
        return {
          ok: true,
          raw: { status: response.statusCode, headers: responseHeaders, text: '' },
        };
      }
      const text = await readBodyText(
        response.body,
        responseHeaders['content-length'],
        maxBodyBytes,
      );
      return { ok: true, raw: { status: response.statusCode, headers: responseHeaders, text } };
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        throw httpError(
          'BAD_RESPONSE',
          `${ctx.service} sent a response larger than ${Math.round(maxBodyBytes / 1024)} KiB; TokenDesk stopped reading it. Check that the account's address points at the service's API.`,
          ctx,
        );
      }
      const failure = networkFailure(error, ctx, {
        connectMs: connectTimeoutMs,
        requestMs: requestTimeoutMs,
        timedOut: controller.signal.aborted,
      });
      return { ok: false, failure };
    } finally {
      clearTimeout(timer);
    }
  }

  async function send(request: HttpRequest): Promise<HttpResponse> {
    const url = parseUrl(request);
    const ctx: FailureContext = {
      service: request.service ?? url.host,
      host: url.host,
      secrets: secretsOf(request),
    };
    const where = redact(`${url.origin}${url.pathname}${url.search}`, ctx.secrets);
    for (let attemptNo = 1; ; attemptNo += 1) {
      const last = attemptNo >= maxAttempts;
      const result = await attempt(request, url, ctx);
      if (!result.ok) {
        const { error, transient } = result.failure;
        const retry = transient && request.idempotent === true && !last;
        logger.warn('http request failed', {
          method: request.method,
          url: where,
          attempt: attemptNo,
          code: error.code,
          retry,
        });
        if (!retry) throw error;
        await sleep(backoffDelayMs(attemptNo, backoff));
        continue;
      }
      const { raw } = result;
      const { status } = raw;
      logger.info('http request', {
        method: request.method,
        url: where,
        status,
        attempt: attemptNo,
      });
      const accepted =
        (status >= 200 && status < 300) || (request.acceptStatus ?? []).includes(status);
      if (accepted) return createHttpResponse(status, raw.headers, raw.text, ctx);
      if (status >= 300 && status < 400) throw redirectError(status, raw.headers.location, ctx);
      if (RETRY_STATUSES.has(status)) {
        const retryAfterMs = parseRetryAfterMs(raw.headers['retry-after'], clock.now());
        if (retryAfterMs !== null && retryAfterMs > maxRetryAfterMs) {
          throw statusError(status, raw.text, ctx, retryAfterMs);
        }
        if (!last) {
          await sleep(retryAfterMs ?? backoffDelayMs(attemptNo, backoff));
          continue;
        }
        throw statusError(status, raw.text, ctx, retryAfterMs);
      }
      throw statusError(status, raw.text, ctx, null);
    }
  }

  return {
    request: send,
    async close() {
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}
