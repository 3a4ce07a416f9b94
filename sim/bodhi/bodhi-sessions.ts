import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** tower-sessions' cookie in Bodhi: `bodhiapp_session_id`, HttpOnly, SameSite=Strict, Path=/. */
export const SESSION_COOKIE = 'bodhiapp_session_id';

export interface BodhiSession {
  id: string;
  userId: string;
  createdAt: Date;
  /** The login behind it can no longer be refreshed: the session answers 401 from now on. */
  expired: boolean;
}

/** The value of `name` in a Cookie header, if present. */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

/**
 * Bodhi only trusts the session cookie on same-origin requests: a browser marks cross-site
 * ones with Sec-Fetch-Site, while non-browser clients send no such header and are let through.
 */
function sameOrigin(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'same-site';
}

/** The browser sessions of logged-in users: what the token routes authenticate with. */
export class BodhiSessions {
  private readonly sessions = new Map<string, BodhiSession>();

  create(userId: string, now: Date): BodhiSession {
    const session: BodhiSession = {
      id: randomBytes(16).toString('hex'),
      userId,
      createdAt: now,
      expired: false,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The session a request's cookie names, or null when it names none we know. */
  fromRequest(headers: IncomingHttpHeaders): BodhiSession | null {
    if (!sameOrigin(headers)) return null;
    const id = cookieValue(headers.cookie, SESSION_COOKIE);
    return id === null ? null : (this.sessions.get(id) ?? null);
  }

  /** Expires one session, or every session of a user, or all; returns how many. */
  expire(filter: { sessionId?: string; userId?: string }): number {
    let count = 0;
    for (const session of this.sessions.values()) {
      const matches =
        (filter.sessionId === undefined || session.id === filter.sessionId) &&
        (filter.userId === undefined || session.userId === filter.userId);
      if (matches && !session.expired) {
        session.expired = true;
        count += 1;
      }
    }
    return count;
  }

  list(): BodhiSession[] {
    return [...this.sessions.values()].map((session) => ({ ...session }));
  }
}

/** The Set-Cookie header for a new session. */
export function sessionCookieHeader(sessionId: string): string {
  return `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Strict`;
}
