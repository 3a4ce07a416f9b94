import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The content type of a file the renderer build emits; undefined for any other kind of file. */
export const contentTypeOf = (path: string): string | undefined => contentTypes[extname(path)];

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Files of the built renderer, never anything outside its folder. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  if (!path.startsWith(root + sep)) return null;
  const contentType = contentTypeOf(path);
  if (contentType === undefined) return null;
  try {
    return { body: await readFile(path), contentType };
  } catch {
    return null;
  }
}

/** The renderer's page with the web preload loaded before the app's own module. */
export function injectWebPreload(html: string): string {
  const tag = '<script type="module" src="/web-preload.js"></script>';
  const firstScript = html.indexOf('<script');
  if (firstScript === -1) return html.replace('</head>', `  ${tag}\n</head>`);
  return `${html.slice(0, firstScript)}${tag}\n    ${html.slice(firstScript)}`;
}
