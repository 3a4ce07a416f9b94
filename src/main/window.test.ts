import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asWebContents, FakeWebContents } from './test-support/electron-fakes';
import { createMainWindow, lockDownWebContents } from './window';

const electron = await vi.hoisted(async () => {
  const fakes = await import('./test-support/electron-fakes');
  return fakes.createElectronFakes();
});
vi.mock('electron', () => electron);

const OWN_URL = 'file:///opt/TokenDesk/out/renderer/index.html';
const PRELOAD = '/opt/TokenDesk/out/preload/index.js';
const ICON = '/opt/TokenDesk/resources/app.asar/out/renderer/icon.png';

const openLink = vi.fn<(url: string) => void>();

beforeEach(() => {
  openLink.mockClear();
});

describe('createMainWindow', () => {
  it('builds a hidden window with every isolation Electron offers and our preload', () => {
    createMainWindow({ preload: PRELOAD, icon: ICON, devTools: false });

    const window = electron.windows.at(-1);
    expect(window?.options.show).toBe(false);
    expect(window?.options.icon).toBe(ICON);
    expect(window?.options.webPreferences).toEqual({
      preload: PRELOAD,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: false,
    });
  });

  it.each([true, false])('passes devTools=%s through', (devTools) => {
    createMainWindow({ preload: PRELOAD, icon: ICON, devTools });

    expect(electron.windows.at(-1)?.options.webPreferences?.devTools).toBe(devTools);
  });
});

describe('lockDownWebContents', () => {
  function lockedDown(): FakeWebContents {
    const contents = new FakeWebContents();
    lockDownWebContents(asWebContents(contents), {
      isOwnUrl: (url) => url === OWN_URL,
      openLink,
    });
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
    lockDownWebContents(asWebContents(contents), { isOwnUrl, openLink });

    contents.navigate('will-navigate', 'https://attacker.test/phish');

    expect(isOwnUrl).toHaveBeenCalledExactlyOnceWith('https://attacker.test/phish');
  });

  it('lets the main frame navigate to our own page only', () => {
    const contents = lockedDown();

    expect(contents.navigateFrame(OWN_URL, true)).toBe(false);
    expect(contents.navigateFrame('https://attacker.test/', true)).toBe(true);
  });

  it.each([OWN_URL, 'https://attacker.test/', 'about:blank'])(
    'stops every sub-frame navigation, even to %s',
    (url) => {
      expect(lockedDown().navigateFrame(url, false)).toBe(true);
    },
  );

  it('prevents every webview', () => {
    expect(lockedDown().attachWebview()).toBe(true);
  });

  it('installs exactly one window open handler', () => {
    expect(lockedDown().setWindowOpenHandler).toHaveBeenCalledOnce();
  });

  it.each([
    'https://kestra.example.com/docs',
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    OWN_URL,
  ])('denies a new window for %s and leaves the link to the external opener', (url) => {
    const contents = lockedDown();

    expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    expect(openLink).toHaveBeenCalledExactlyOnceWith(url);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});
