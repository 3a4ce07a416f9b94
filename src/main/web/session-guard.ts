import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** How long the printed sign-in link stays good if nobody opens it. */
export const LOGIN_LINK_LIFETIME_MS = 10 * 60_000;

const newSecret = (): string => randomBytes(32).toString('base64url');

function sameSecret(candidate: string, secret: string): boolean {
  const a = Buffer.from(candidate);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The checks that make a loopback HTTP server safe to hold secrets behind: the Host header
 * must name this server (a DNS-rebinding page sends its own host name), writes must come from
 * our own origin, and the caller must hold the session.
 *
 * The session is not a cookie: browsers isolate cookies by host, not by port, so a page served
 * from any other port of 127.0.0.1 would have it sent along. Instead the printed link carries a
 * one-time login nonce; our page trades it for the session token (POST /session, our origin
 * only) and keeps the token in sessionStorage, which is isolated by scheme, host and port, and
 * sends it as a header that no other page can make a browser add.
 */
export class SessionGuard {
  private readonly allowedHosts: Set<string>;
  private loginNonce: string | null = newSecret();
  private readonly loginIssuedAt: number;
  private sessionToken: string | null = null;

  constructor(
    private readonly port: number,
    private readonly now: () => number = Date.now,
  ) {
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.loginIssuedAt = now();
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The address to open once; it signs that one browser tab in. */
  get loginUrl(): string {
    return `${this.origin}/?login=${this.loginNonce ?? ''}`;
  }

  hostAllowed(request: IncomingMessage): boolean {
    const host = request.headers.host;
    return host !== undefined && this.allowedHosts.has(host.toLowerCase());
  }

  /** A request for a page or an event stream: the browser sends no Origin there, or ours. */
  originAllowed(request: IncomingMessage, required: boolean): boolean {
    const origin = request.headers.origin;
    if (origin === undefined) return !required;
    return this.allowedHosts.has(origin.replace(/^http:\/\//, '').toLowerCase());
  }

  /** Whether a login nonce can still be exchanged: unused, of this launch, and not too old. */
  loginIsFresh(candidate: string): boolean {
    return (
      this.loginNonce !== null &&
      this.now() - this.loginIssuedAt <= LOGIN_LINK_LIFETIME_MS &&
      sameSecret(candidate, this.loginNonce)
    );
  }

  /** Trades the login nonce for the session token, once; null for a used, stale or wrong nonce. */
  exchange(candidate: string): string | null {
    if (!this.loginIsFresh(candidate)) return null;
    this.loginNonce = null;
    this.sessionToken = newSecret();
    return this.sessionToken;
  }

  /** The token our page sends as `Authorization: Bearer …`; cookies are ignored. */
  hasSession(request: IncomingMessage): boolean {
    const header = request.headers.authorization;
    if (this.sessionToken === null || header === undefined) return false;
    const match = /^Bearer (\S+)$/.exec(header);
    return match?.[1] !== undefined && sameSecret(match[1], this.sessionToken);
  }
}
