import { AppError } from '../../../shared/errors';
import type { ErrorCode, ErrorReason } from '../../../shared/errors';
import { redact } from '../log/redact';

/** What every message needs: whom to name, and which secrets must not appear. */
export interface FailureContext {
  /** `request.service`, or the host when the caller gave no name. */
  service: string;
  host: string;
  secrets: readonly string[];
}

const MAX_SERVICE_MESSAGE = 200;

/** Every AppError of the HTTP layer is built here, so none escapes redaction. */
export function httpError(
  code: ErrorCode,
  message: string,
  ctx: FailureContext,
  retryAfterMs?: number,
  reason?: ErrorReason,
): AppError {
  return new AppError(code, redact(message, ctx.secrets), retryAfterMs, reason);
}

/**
 * The service's own short explanation (`{"message": …}` or `{"error": …}`), if the body is JSON.
 * HTML and plain-text bodies are never shown: they are proxy pages, stack dumps or worse.
 */
export function serviceMessage(text: string, secrets: readonly string[]): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object') return null;
  const record = parsed as Record<string, unknown>;
  const nested = record.error;
  const candidate =
    typeof record.message === 'string'
      ? record.message
      : typeof nested === 'string'
        ? nested
        : nested !== null && typeof nested === 'object'
          ? (nested as Record<string, unknown>).message
          : undefined;
  if (typeof candidate !== 'string') return null;
  // Control characters could forge log lines; markup means it is not a message meant for people.
  const flat = withoutControlCharacters(candidate).trim();
  if (flat === '' || /<[a-z!/][^>]*>/i.test(flat)) return null;
  const safe = redact(flat, secrets);
  return safe.length > MAX_SERVICE_MESSAGE ? `${safe.slice(0, MAX_SERVICE_MESSAGE - 1)}…` : safe;
}

function withoutControlCharacters(text: string): string {
  let result = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    result += code < 0x20 || code === 0x7f ? ' ' : char;
  }
  return result;
}

function said(message: string | null): string {
  return message === null ? '' : ` It said: "${message}".`;
}

function seconds(ms: number): string {
  return `${Math.max(1, Math.ceil(ms / 1000))} s`;
}

export function statusError(
  status: number,
  bodyText: string,
  ctx: FailureContext,
  retryAfterMs: number | null,
): AppError {
  const { service } = ctx;
  const detail = said(serviceMessage(bodyText, ctx.secrets));
  const wait = retryAfterMs ?? undefined;
  if (status === 400 || status === 422) {
    return httpError(
      'REJECTED_BY_SERVICE',
      `${service} rejected the request (HTTP ${status}).${detail} Check the values you entered and try again.`,
      ctx,
    );
  }
  if (status === 401) {
    return httpError(
      'AUTH_FAILED',
      `${service} refused the credential (HTTP 401): it is wrong, expired or revoked.${detail} Update the token TokenDesk uses for this account.`,
      ctx,
    );
  }
  if (status === 403) {
    return httpError(
      'FORBIDDEN',
      `${service} denied access (HTTP 403): the credential works but is not allowed to do this.${detail} Use a token with the needed permissions.`,
      ctx,
    );
  }
  if (status === 404) {
    return httpError(
      'NOT_FOUND',
      `${service} could not find what was asked for (HTTP 404).${detail} It may have been deleted, or the account's address or ID is wrong.`,
      ctx,
    );
  }
  if (status === 409) {
    return httpError(
      'CONFLICT',
      `${service} reported a conflict (HTTP 409).${detail} Refresh and try again.`,
      ctx,
    );
  }
  if (status === 429) {
    const when = wait === undefined ? 'a minute' : seconds(wait);
    return httpError(
      'RATE_LIMITED',
      `${service} is limiting requests (HTTP 429).${detail} Wait ${when} and try again.`,
      ctx,
      wait,
    );
  }
  if (status === 503) {
    return httpError(
      'SERVICE_ERROR',
      `${service} is temporarily unavailable (HTTP 503).${detail} Try again later.`,
      ctx,
      wait,
    );
  }
  if (status >= 500) {
    return httpError(
      'SERVICE_ERROR',
      `${service} had a problem answering (HTTP ${status}).${detail} Try again later; if it keeps happening, check the service's status.`,
      ctx,
    );
  }
  if (status >= 400) {
    return httpError(
      'REJECTED_BY_SERVICE',
      `${service} rejected the request (HTTP ${status}).${detail} TokenDesk may not support this version of the service.`,
      ctx,
    );
  }
  return httpError(
    'BAD_RESPONSE',
    `${service} answered with an unexpected status (HTTP ${status}). Check the account's address.`,
    ctx,
  );
}

/** Following a redirect could carry the Authorization header to another host. */
export function redirectError(
  status: number,
  location: string | undefined,
  ctx: FailureContext,
): AppError {
  let target = '';
  if (location !== undefined) {
    try {
      target = ` (${new URL(location, `https://${ctx.host}`).host})`;
    } catch {
      target = '';
    }
  }
  return httpError(
    'BAD_RESPONSE',
    `${ctx.service} redirected the request to another address${target} (HTTP ${status}); TokenDesk does not follow redirects with credentials. Check the account's address, e.g. https:// instead of http://.`,
    ctx,
  );
}

export interface ClassifiedFailure {
  error: AppError;
  /** Worth sending again if the request is idempotent. */
  transient: boolean;
  /** The request may have reached the service; false when the connection never opened. */
  reached: boolean;
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
]);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN']);
const TLS_CODE = /^(?:CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;

/** Node puts the code on the error, its cause, or the first error of an AggregateError. */
export function errorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== null && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR') return code;
    const inner: unknown = current instanceof AggregateError ? current.errors[0] : undefined;
    current = inner ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function networkFailure(
  error: unknown,
  ctx: FailureContext,
  timeouts: { connectMs: number; requestMs: number; timedOut: boolean },
): ClassifiedFailure {
  const { service, host } = ctx;
  const code = errorCode(error);
  if (timeouts.timedOut || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return {
      transient: true,
      reached: true,
      error: httpError(
        'TIMEOUT',
        `${service} did not answer within ${seconds(timeouts.requestMs)}. The service may be slow or unreachable; try again later.`,
        ctx,
      ),
    };
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return {
      transient: true,
      reached: false,
      error: httpError(
        'TIMEOUT',
        `Could not connect to ${service} at ${host} within ${seconds(timeouts.connectMs)}. Check the address and your network connection.`,
        ctx,
        undefined,
        'not_sent',
      ),
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      transient: true,
      reached: false,
      error: httpError(
        'UNREACHABLE',
        `Could not connect to ${service} at ${host}: the connection was refused. Check the address and that the service is running.`,
        ctx,
        undefined,
        'not_sent',
      ),
    };
  }
  if (code !== undefined && RESET_CODES.has(code)) {
    return {
      transient: true,
      reached: true,
      error: httpError(
        'UNREACHABLE',
        `The connection to ${service} (${host}) was closed before it answered. Try again; if it keeps happening, check your network or proxy.`,
        ctx,
      ),
    };
  }
  if (code !== undefined && DNS_CODES.has(code)) {
    return {
      transient: code === 'EAI_AGAIN',
      reached: false,
      error: httpError(
        'UNREACHABLE',
        `Could not find ${host}. Check the account's address and your network connection.`,
        ctx,
        undefined,
        'not_sent',
      ),
    };
  }
  if (code !== undefined && TLS_CODE.test(code)) {
    return {
      transient: false,
      reached: false,
      error: httpError(
        'UNREACHABLE',
        `Could not set up a trusted connection to ${service} (${host}): its certificate was not accepted (${code}). Check the address; TokenDesk never skips certificate checks.`,
        ctx,
        undefined,
        'not_sent',
      ),
    };
  }
  return {
    transient: false,
    reached: true,
    error: httpError(
      'UNREACHABLE',
      `Could not reach ${service} (${host}). Check the address and your network connection.`,
      ctx,
    ),
  };
}
