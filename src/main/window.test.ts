import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asWebContents, FakeWebContents } from './test-support/electron-fakes';
import { createMainWindow, hardenedWebPreferences, lockDownWebContents } from './window';

const electron = await vi.hoisted(async () => {
  const fakes = await import('./test-support/electron-fakes');
  return fakes.createElectronFakes();
});
vi.mock('electron', () => electron);

const OWN_URL = 'file:///opt/TokenDesk/out/renderer/index.html';
const PRELOAD = '/opt/TokenDesk/out/preload/index.js';

beforeEach(() => {
  electron.shell.openExternal.mockClear();
});

describe('hardenedWebPreferences', () => {
  it('turns on every isolation Electron offers and names our preload', () => {
    expect(hardenedWebPreferences(PRELOAD)).toMatchObject({
      preload: PRELOAD,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });
});

describe('createMainWindow', () => {
  it('builds a hidden window with the hardened preferences', () => {
    createMainWindow(PRELOAD);

    const window = electron.windows.at(-1);
    expect(window?.options.show).toBe(false);
    expect(window?.options.webPreferences).toEqual(hardenedWebPreferences(PRELOAD));
  });
});

describe('lockDownWebContents', () => {
  function lockedDown(): FakeWebContents {
    const contents = new FakeWebContents();
    lockDownWebContents(asWebContents(contents), (url) => url === OWN_URL);
    return contents;
  }

  it.each(['will-navigate', 'will-redirect'] as const)(
    'lets %s go to our own page only',
    (kind) => {
      const contents = lockedDown();

      expect(contents.navigate(kind, OWN_URL)).toBe(false);
      expect(contents.navigate(kind, 'https://attacker.test/')).toBe(true);
      expect(contents.navigate(kind, 'file:///etc/passwd')).toBe(true);
    },
  );

  it('asks the origin policy about the URL being navigated to', () => {
    const contents = new FakeWebContents();
    const isOwnUrl = vi.fn((_url: string) => false);
    lockDownWebContents(asWebContents(contents), isOwnUrl);

    contents.navigate('will-navigate', 'https://attacker.test/phish');

    expect(isOwnUrl).toHaveBeenCalledExactlyOnceWith('https://attacker.test/phish');
  });

  it('prevents every webview', () => {
    expect(lockedDown().attachWebview()).toBe(true);
  });

  it('installs exactly one window open handler', () => {
    expect(lockedDown().setWindowOpenHandler).toHaveBeenCalledOnce();
  });

  it('denies a new window for an https link and opens it in the browser instead', () => {
    const contents = lockedDown();

    expect(contents.openWindow('https://kestra.example.com/docs')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(
      'https://kestra.example.com/docs',
    );
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'tokendesk://open',
    'https://user:password@example.com/',
    OWN_URL,
  ])('denies a new window for %s and opens nothing', (url) => {
    const contents = lockedDown();

    expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});
