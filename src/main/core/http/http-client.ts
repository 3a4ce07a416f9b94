import { setTimeout as wait } from 'node:timers/promises';
import { Agent, interceptors, request as undiciRequest } from 'undici';
import type { Dispatcher, RetryHandler } from 'undici';
import { AppError } from '../../../shared/errors';
import type { Clock } from '../clock';
import { systemClock } from '../clock';
import type { Logger } from '../log/logger';
import { silentLogger } from '../log/logger';
import { redact } from '../log/redact';
import { backoffDelayMs, parseRetryAfterMs } from './backoff';
import type { HttpClient, HttpRequest, HttpResponse } from './http-client.types';
import type { FailureContext } from './http-errors';
import { httpError, networkFailure, redirectError, statusError } from './http-errors';
import { createHttpResponse } from './http-response';
import { BodyTooLargeError, readBodyText } from './read-body';
import { retryDelayMs } from './retry-policy';

export interface HttpClientOptions {
  /** Time to open the TCP/TLS connection. Default 5 s. */
  connectTimeoutMs?: number;
  /** Per attempt: time to the response headers, and the longest pause within the body. Default 15 s. */
  requestTimeoutMs?: number;
  /** Overall time per request across attempts and waits, unless the request sets its own. Default 60 s. */
  deadlineMs?: number;
  /** Attempts per request, the first included, where its retry policy allows more than one. Default 3. */
  maxAttempts?: number;
  /** Backoff base and ceiling for retries without a usable Retry-After. Defaults 500 ms, 8 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this ends the request with RATE_LIMITED. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Bodies over this many bytes are aborted. Default 2 MiB. */
  maxBodyBytes?: number;
  random?: () => number;
  /** The wait between attempts; it ends early (without error) when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  clock?: Clock;
  /** Replaces the client's own pooled Agent (undici MockAgent in tests); the caller closes it. */
  dispatcher?: Dispatcher;
  logger?: Logger;
  userAgent?: string;
}

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

/** Waits `ms`, or less when the request is aborted meanwhile (the next dispatch then fails at once). */
function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return wait(ms, undefined, { signal }).catch(() => undefined);
}

interface SendContext {
  request: HttpRequest;
  ctx: FailureContext;
  where: string;
  signal: AbortSignal;
  deadlineAt: number;
  /** The headers arrived: a failure now is in the body, and undici would resume it by Range. */
  responded: boolean;
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  const defaultDeadlineMs = options.deadlineMs ?? 60_000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const backoff = {
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 8_000,
    random: options.random ?? Math.random,
  };
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const sleep = options.sleep ?? abortableDelay;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const userAgent = options.userAgent ?? 'TokenDesk';
  const ownsDispatcher = options.dispatcher === undefined;
  // One Agent per client: connections are pooled and kept alive per origin.
  const base: Dispatcher =
    options.dispatcher ??
    new Agent({
      connect: { timeout: connectTimeoutMs },
      headersTimeout: requestTimeoutMs,
      bodyTimeout: requestTimeoutMs,
      maxResponseSize: maxBodyBytes,
    });
  // undici's retry interceptor sends the attempts; each request's own policy decides (retryFor).
  const dispatcher = base.compose(interceptors.retry({ throwOnError: false }));

  /** undici asks this after every failed attempt; its answer follows the request's policy. */
  function retryFor(send: SendContext): RetryHandler.RetryCallback {
    return (error, { state }, next) => {
      const failure = error as Error & { statusCode?: number; headers?: Record<string, unknown> };
      const status = typeof failure.statusCode === 'number' ? failure.statusCode : null;
      const header = failure.headers?.['retry-after'];
      const network = status === null ? classify(error, send) : null;
      const delayMs = retryDelayMs({
        policy: send.request.retry,
        attempts: state.counter,
        maxAttempts,
        status,
        retryAfterMs: typeof header === 'string' ? parseRetryAfterMs(header, clock.now()) : null,
        transientFailure: network?.transient ?? false,
        reached: network?.reached ?? true,
        remainingMs: send.deadlineAt - performance.now(),
        maxRetryAfterMs,
        backoffMs: backoffDelayMs(state.counter, backoff),
      });
      logger.warn('http attempt failed', {
        method: send.request.method,
        url: send.where,
        attempt: state.counter,
        ...(status === null ? { code: network?.error.code } : { status }),
        retry: delayMs !== null,
      });
      if (delayMs === null || send.responded || send.signal.aborted) {
        next(error);
        return;
      }
      void sleep(delayMs, send.signal).then(() => next(null));
    };
  }

  function classify(error: unknown, send: SendContext) {
    return networkFailure(error, send.ctx, {
      connectMs: connectTimeoutMs,
      requestMs: requestTimeoutMs,
      timedOut: false,
    });
  }

  function abortError(send: SendContext, deadlineMs: number): AppError {
    const callerSignal = send.request.signal;
    if (callerSignal?.aborted === true) {
      const reason: unknown = callerSignal.reason;
      if (reason instanceof AppError) return reason;
      return httpError(
        'CANCELLED',
        `The request to ${send.ctx.service} was stopped before it finished.`,
        send.ctx,
      );
    }
    return httpError(
      'TIMEOUT',
      `${send.ctx.service} did not answer within ${Math.max(1, Math.ceil(deadlineMs / 1000))} s. The service may be slow or unreachable; try again later.`,
      send.ctx,
    );
  }

  async function send(request: HttpRequest): Promise<HttpResponse> {
    const url = parseUrl(request);
    const ctx: FailureContext = {
      service: request.service ?? url.host,
      host: url.host,
      secrets: secretsOf(request),
    };
    const deadlineMs = request.deadlineMs ?? defaultDeadlineMs;
    const deadline = AbortSignal.timeout(deadlineMs);
    const signal =
      request.signal === undefined ? deadline : AbortSignal.any([request.signal, deadline]);
    const sendContext: SendContext = {
      request,
      ctx,
      where: redact(`${url.origin}${url.pathname}${url.search}`, ctx.secrets),
      signal,
      deadlineAt: performance.now() + deadlineMs,
      responded: false,
    };
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': userAgent };
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, request.headers);
    let status: number;
    let responseHeaders: Record<string, string>;
    let text: string;
    // Started once the headers are in: the whole body, not only each gap between its bytes, must
    // arrive within the request timeout.
    let bodyTime: AbortSignal | null = null;
    try {
      // undici's request() never follows redirects unless given a redirect interceptor.
      const options: Omit<Dispatcher.RequestOptions, 'origin' | 'path'> & {
        retryOptions: RetryHandler.RetryOptions;
      } = {
        method: request.method,
        headers,
        body: request.json === undefined ? undefined : JSON.stringify(request.json),
        signal,
        headersTimeout: requestTimeoutMs,
        bodyTimeout: requestTimeoutMs,
        retryOptions: { retry: retryFor(sendContext), maxRetries: maxAttempts },
      };
      const response = await undiciRequest(url, { ...options, dispatcher });
      sendContext.responded = true;
      status = response.statusCode;
      responseHeaders = flattenHeaders(response.headers);
      if (status >= 300 && status < 400) {
        // dump(), not destroy(): destroying a finished body emits an 'error' nobody listens to,
        // which would take the process down on any redirect.
        await response.body.dump();
        text = '';
      } else {
        bodyTime = AbortSignal.timeout(requestTimeoutMs);
        text = await readBodyText(
          response.body,
          responseHeaders['content-length'],
          maxBodyBytes,
          AbortSignal.any([signal, bodyTime]),
        );
      }
    } catch (error) {
      if (signal.aborted) throw abortError(sendContext, deadlineMs);
      if (bodyTime !== null && bodyTime.aborted) throw abortError(sendContext, requestTimeoutMs);
      if (
        error instanceof BodyTooLargeError ||
        errorCodeIs(error, 'UND_ERR_RES_EXCEEDED_MAX_SIZE')
      ) {
        throw httpError(
          'BAD_RESPONSE',
          `${ctx.service} sent a response larger than ${Math.round(maxBodyBytes / 1024)} KiB; TokenDesk stopped reading it. Check that the account's address points at the service's API.`,
          ctx,
        );
      }
      throw classify(error, sendContext).error;
    }
    logger.info('http request', { method: request.method, url: sendContext.where, status });
    const accepted =
      (status >= 200 && status < 300) || (request.acceptStatus ?? []).includes(status);
    if (accepted) return createHttpResponse(status, responseHeaders, text, ctx);
    if (status >= 300 && status < 400) throw redirectError(status, responseHeaders.location, ctx);
    const retryAfterMs =
      status === 429 || status === 503
        ? parseRetryAfterMs(responseHeaders['retry-after'], clock.now())
        : null;
    throw statusError(status, text, ctx, retryAfterMs);
  }

  return {
    request: send,
    async close() {
      if (ownsDispatcher) await base.close();
    },
  };
}

function errorCodeIs(error: unknown, code: string): boolean {
  return error !== null && typeof error === 'object' && (error as { code?: unknown }).code === code;
}
