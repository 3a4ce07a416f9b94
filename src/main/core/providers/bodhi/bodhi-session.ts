import { AppError } from '../../../../shared/errors';
import { BODHI_TOKEN_PREFIX } from './bodhi.info';

/** tower-sessions' cookie in Bodhi App. */
export const BODHI_SESSION_COOKIE = 'bodhiapp_session_id';

/** RFC 6265 cookie-octet: no space, quote, comma, semicolon or backslash, so no header injection. */
const COOKIE_VALUE = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]{8,4096}$/;

/**
 * The session id from what the user pasted: the bare cookie value, `bodhiapp_session_id=…`, or
 * a whole Cookie header copied from the browser's developer tools.
 */
export function sessionIdFrom(credential: string): string {
  const text = credential.trim();
  if (text.startsWith(BODHI_TOKEN_PREFIX)) {
    throw new AppError(
      'VALIDATION',
      'That is a Bodhi API token. Bodhi lets only a logged-in browser session manage tokens: paste the value of its bodhiapp_session_id cookie instead, or leave the field empty to track tokens yourself.',
    );
  }
  const named = text
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${BODHI_SESSION_COOKIE}=`));
  const value = named === undefined ? text : named.slice(BODHI_SESSION_COOKIE.length + 1);
  if (!COOKIE_VALUE.test(value)) {
    throw new AppError(
      'VALIDATION',
      `That does not look like Bodhi's session cookie. Paste the value of the ${BODHI_SESSION_COOKIE} cookie from your browser, while logged in to Bodhi.`,
    );
  }
  return value;
}

/** The Cookie header that authenticates a token-management request as the user's session. */
export function sessionCookieHeader(credential: string): string {
  return `${BODHI_SESSION_COOKIE}=${sessionIdFrom(credential)}`;
}
