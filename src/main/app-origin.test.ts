import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_URL, rendererFileFor } from './app-origin';

const RENDERER_DIR = resolve('/opt/TokenDesk/resources/app.asar/out/renderer');

describe('rendererFileFor', () => {
  it.each([
    [RENDERER_URL, 'index.html'],
    ['app://tokendesk/assets/index-1a2b.js', 'assets/index-1a2b.js'],
    ['app://tokendesk/assets/icon.svg?v=2#top', 'assets/icon.svg'],
    ['app://tokendesk/assets/with%20space.css', 'assets/with space.css'],
    // URL resolves the dots before the path is looked at: this stays inside.
    ['app://tokendesk/assets/../index.html', 'index.html'],
  ])('serves %s from the renderer directory', (url, file) => {
    expect(rendererFileFor(RENDERER_DIR, url)).toBe(join(RENDERER_DIR, file));
  });

  it.each(['app://tokendesk/../../main/index.js', 'app://tokendesk/%2e%2e/%2e%2e/main/index.js'])(
    'keeps the traversal %s inside the renderer directory',
    (url) => {
      expect(rendererFileFor(RENDERER_DIR, url)).toBe(join(RENDERER_DIR, 'main', 'index.js'));
    },
  );

  it.each([
    ['an encoded slash', 'app://tokendesk/..%2f..%2fmain/index.js'],
    ['an encoded backslash', 'app://tokendesk/..%5c..%5cmain%5cindex.js'],
    ['a NUL byte', 'app://tokendesk/index.html%00.png'],
    ['a malformed escape', 'app://tokendesk/%E0%A4%A'],
    ['another host', 'app://attacker.test/index.html'],
    ['another scheme', 'file:///opt/TokenDesk/resources/app.asar/out/renderer/index.html'],
    ['the directory itself', 'app://tokendesk/'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_what, url) => {
    expect(rendererFileFor(RENDERER_DIR, url)).toBeNull();
  });
});
