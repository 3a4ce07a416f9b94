import { request, type Agent } from 'node:http';
import { rawRequest, type RawResponse } from '../../integration/support/raw-http';
import type { WebServer } from '../../../src/main/web/web-server';

/** A browser signed in to the browser target: the Authorization header its page sends. */
export { signIn } from '../../integration/support/web-login';

/** What the web preload sends for one call: POST /api/<channel> with our origin and header. */
export function apiCall(
  server: WebServer,
  authorization: string,
  channel: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return rawRequest(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: {
      authorization,
      origin: server.origin,
      'content-type': 'application/json',
      'x-tokendesk-request': '1',
      ...headers,
    },
    body,
  });
}

/**
 * The same call over a kept-alive connection, as a browser makes it: the next call through
 * `agent` reuses the socket unless the server said `connection: close`. A reset rejects.
 */
export function pooledApiCall(
  server: WebServer,
  authorization: string,
  channel: string,
  body: string,
  agent: Agent,
): Promise<RawResponse & { socketReused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.origin}/api/${channel}`,
      {
        method: 'POST',
        agent,
        headers: {
          authorization,
          origin: server.origin,
          'content-type': 'application/json',
          'x-tokendesk-request': '1',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            socketReused: req.reusedSocket,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
