import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, rendererFileFor } from './app-origin';
import { contentTypeOf } from './web/static-files';

/** Must run before the app is ready: Chromium fixes the scheme table at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origins and relative URLs; secure: a secure context like https.
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    },
  ]);
}

/**
 * Answers every app:// request with a file of the built renderer, or 404. The file is read here
 * rather than fetched from file://, so the session's request filter never has to admit file://.
 */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(rendererDir, request.url);
    const type = file === null ? undefined : contentTypeOf(file);
    if (file === null || type === undefined) return notFound();
    try {
      return new Response(await readFile(file), {
        headers: { 'content-type': type, 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return notFound();
    }
  });
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
}
