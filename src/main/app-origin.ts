import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * The production renderer is served from a privileged custom scheme rather than file://: the
 * page gets a real origin of its own (no reach into other local files, nothing for the file
 * protocol's extra privileges to grant, so that fuse stays off), and the handler in
 * renderer-protocol.ts decides exactly which files exist under it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tokendesk';
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The file an app:// URL names inside the built renderer directory, or null: another host, an
 * encoded separator, or a path that leaves the directory (URL resolves `..` already; the
 * relative-path test catches whatever remains, such as a drive letter on Windows).
 */
export function rendererFileFor(rendererDir: string, raw: string): string | null {
  let url: URL;
  let path: string;
  try {
    url = new URL(raw);
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (/%2f|%5c|%00/i.test(url.pathname)) return null;
  const root = resolve(rendererDir);
  const file = resolve(join(root, path));
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}
