import type { WebServer } from '../../../src/main/web/web-server';
import { rawRequest, type RawResponse } from './raw-http';

/** The login nonce in the printed link. */
export function loginNonce(server: WebServer): string {
  const nonce = new URL(server.loginUrl).searchParams.get('login');
  if (nonce === null) throw new Error('the login link carries no nonce');
  return nonce;
}

/** What the web preload does with the link: POST /session from our page, nonce in the body. */
export function exchangeLogin(
  server: WebServer,
  nonce: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return rawRequest(`${server.origin}/session`, {
    method: 'POST',
    headers: {
      origin: server.origin,
      'content-type': 'application/json',
      'x-tokendesk-request': '1',
      ...headers,
    },
    body: JSON.stringify({ login: nonce }),
  });
}

/** Signs in as our page does and returns the `Authorization` header value it then sends. */
export async function signIn(server: WebServer): Promise<string> {
  const response = await exchangeLogin(server, loginNonce(server));
  if (response.status !== 200) throw new Error(`login failed with HTTP ${response.status}`);
  const { session } = JSON.parse(response.body) as { session: string };
  return `Bearer ${session}`;
}
