import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const { protocol } = vi.hoisted(() => ({
  protocol: {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>(),
  },
}));
vi.mock('electron', () => ({ protocol }));

import { serveRenderer } from './renderer-protocol';

let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tokendesk-protocol-'));
  await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
  await mkdir(join(root, 'main'));
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>TokenDesk</title>');
  await writeFile(join(root, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'renderer', 'assets', 'notes.txt'), 'not a build output');
  await writeFile(join(root, 'main', 'index.js'), 'main process code');
  serveRenderer(join(root, 'renderer'));
  const [scheme, registered] = protocol.handle.mock.calls[0] ?? [];
  if (registered === undefined) throw new Error('no protocol handler');
  expect(scheme).toBe('app');
  handler = registered;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const get = (url: string) => handler(new Request(url));

describe('the app:// handler', () => {
  it('serves the page and its bundle with their content types', async () => {
    const page = await get('app://tokendesk/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>TokenDesk</title>');

    const script = await get('app://tokendesk/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    'app://tokendesk/%2e%2e/main/index.js',
    'app://tokendesk/..%2fmain/index.js',
    'app://tokendesk/missing.js',
    'app://tokendesk/assets/notes.txt',
    'app://elsewhere/index.html',
  ])('answers 404 for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('main process code');
  });
});
