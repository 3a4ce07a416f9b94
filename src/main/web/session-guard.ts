import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'tokendesk_session';

/**
 * The checks that make a loopback HTTP server safe to hold secrets behind: the Host header
 * must name this server (a DNS-rebinding page sends its own host name), the caller must hold
 * the per-launch session, and writes must come from our own origin.
 */
export class SessionGuard {
  private readonly allowedHosts: Set<string>;

  constructor(
    private readonly session: string,
    private readonly port: number,
  ) {
    this.allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
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

  hasSession(request: IncomingMessage): boolean {
    const cookie = readCookie(request.headers.cookie, SESSION_COOKIE);
    return cookie !== null && this.matches(cookie);
  }

  matches(candidate: string): boolean {
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.session);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  sessionCookie(): string {
    return `${SESSION_COOKIE}=${this.session}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

function readCookie(header: string | undefined, name: string): string | null {
  if (header === undefined) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}
