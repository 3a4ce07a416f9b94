import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { channels, type Envelope, type EventName } from '../shared/contract';
import type { Account } from '../shared/model';
import type { App, AppOptions } from './compose';
import type { Dispatch, SenderFacts } from './ipc/handle';
import {
  createElectronFakes,
  fakeEvent,
  FakeWebContents,
  flushPromises,
  type ElectronFakes,
  type FakeFrame,
} from './test-support/electron-fakes';

/** Where a production build loads the renderer from: its own privileged scheme. */
const OWN_URL = 'app://tokendesk/index.html';
const DEV_SERVER = 'http://localhost:5173';
const DATA_DIR = '/nonexistent/tokendesk-test-data';
const REFUSED: Envelope<unknown> = {
  ok: false,
  error: { code: 'SENDER_REJECTED', message: 'refused' },
};

const KESTRA_ACCOUNT: Account = {
  id: 'acc-1',
  provider: 'kestra',
  label: 'Kestra',
  baseUrl: 'https://kestra.example.com',
  settings: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  mode: 'api',
  tokenPageUrl: 'https://console.example.com/settings/tokens',
};

class FakeKeytarSecretStore {}

let electron: ElectronFakes;
let dispatch: Mock<Dispatch>;
let closeApp: Mock<() => Promise<void>>;
let composeApp: Mock<(options: AppOptions) => Promise<App>>;
let listAccounts: Mock<() => Promise<Account[]>>;
let wakeReminders: Mock<() => Promise<void>>;
/** What electron-vite's define makes of the build: `npm run dev` or a production build. */
let developmentBuild: boolean;

beforeEach(() => {
  vi.resetModules();
  developmentBuild = false;
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  vi.stubEnv('TOKENDESK_DATA_DIR', DATA_DIR);
  electron = createElectronFakes();
  dispatch = vi.fn<Dispatch>(() => Promise.resolve(REFUSED));
  closeApp = vi.fn(() => Promise.resolve());
  listAccounts = vi.fn(() => Promise.resolve([KESTRA_ACCOUNT]));
  wakeReminders = vi.fn(() => Promise.resolve());
  // The core is proven elsewhere; here a stand-in App shows what the shell does around it.
  const app = {
    dispatch,
    // The real App checks the payload first (compose.ts); the stand-in passes it on.
    emit: (event: EventName, payload: unknown) => composeOptions().emit(event, payload),
    close: closeApp,
    core: { accounts: { list: listAccounts }, reminders: { wake: wakeReminders } },
    log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
  } as unknown as App;
  composeApp = vi.fn<(options: AppOptions) => Promise<App>>(() => Promise.resolve(app));
  vi.doMock('electron', () => electron);
  vi.doMock('./compose', () => ({ composeApp }));
  vi.doMock('./build-flavor', () => ({
    get isDevelopmentBuild() {
      return developmentBuild;
    },
  }));
  vi.doMock('./platform/keytar-secret-store', () => ({
    KeytarSecretStore: FakeKeytarSecretStore,
  }));
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Runs src/main/index.ts from the top, as Electron does on launch. */
async function launch(): Promise<void> {
  await import('./index');
}

/** Launches and lets Electron become ready; resolves once the window has loaded. */
async function launchReady(): Promise<void> {
  await launch();
  electron.app.becomeReady();
  await flushPromises();
}

function composeOptions(): AppOptions {
  const options = composeApp.mock.lastCall?.[0];
  if (options === undefined) throw new Error('composeApp was not called');
  return options;
}

function mainWindow() {
  const [window, ...others] = electron.windows;
  if (window === undefined || others.length > 0) {
    throw new Error(`expected one window, got ${electron.windows.length}`);
  }
  return window;
}

describe('launch', () => {
  it('turns on the sandbox for every renderer', async () => {
    await launch();

    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
  });

  it('takes the single-instance lock', async () => {
    await launchReady();

    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(electron.app.quit).not.toHaveBeenCalled();
    expect(electron.windows).toHaveLength(1);
  });

  it('quits without a window when another instance holds the lock', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(false);

    await launchReady();

    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(composeApp).not.toHaveBeenCalled();
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
  });

  it('does nothing before Electron is ready', async () => {
    await launch();
    await flushPromises();

    expect(electron.session.defaultSession.setPermissionRequestHandler).not.toHaveBeenCalled();
    expect(composeApp).not.toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
  });

  it('exits with an error when Electron fails to start', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    await launch();

    electron.app.failToBecomeReady(new Error('GPU process crashed'));
    await flushPromises();

    expect(electron.app.exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(electron.windows).toHaveLength(0);
    consoleError.mockRestore();
  });

  it('exits with an error when the app cannot be composed, rather than live on without a window', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    composeApp.mockRejectedValueOnce(new Error('data dir is not writable'));

    await launchReady();

    expect(electron.app.exit).toHaveBeenCalledExactlyOnceWith(1);
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});

describe('permissions', () => {
  it('denies every permission request', async () => {
    await launchReady();
    const handler = electron.session.defaultSession.setPermissionRequestHandler.mock.lastCall?.[0];
    if (typeof handler !== 'function') throw new Error('no permission request handler');

    for (const permission of [
      'media',
      'notifications',
      'clipboard-read',
      'openExternal',
    ] as const) {
      const callback = vi.fn<(granted: boolean) => void>();
      handler(
        new FakeWebContents() as unknown as Parameters<typeof handler>[0],
        permission,
        callback,
        {} as Parameters<typeof handler>[3],
      );
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check with false', async () => {
    await launchReady();
    const handler = electron.session.defaultSession.setPermissionCheckHandler.mock.lastCall?.[0];
    if (typeof handler !== 'function') throw new Error('no permission check handler');

    for (const permission of ['media', 'geolocation', 'clipboard-read', 'hid'] as const) {
      expect(handler(null, permission, OWN_URL, {} as Parameters<typeof handler>[3])).toBe(false);
    }
  });

  it('installs both handlers before the page loads', async () => {
    await launchReady();
    const { setPermissionRequestHandler, setPermissionCheckHandler } =
      electron.session.defaultSession;
    const loaded = mainWindow().loadURL.mock.invocationCallOrder[0] ?? 0;

    expect(setPermissionRequestHandler.mock.invocationCallOrder[0]).toBeLessThan(loaded);
    expect(setPermissionCheckHandler.mock.invocationCallOrder[0]).toBeLessThan(loaded);
  });
});

describe('IPC', () => {
  it('registers every contract channel through the dispatcher, and nothing else', async () => {
    await launchReady();

    expect([...electron.ipcMain.channels()].sort()).toEqual([...channels].sort());
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(channels.length);
  });

  it('registers the channels before the page loads', async () => {
    await launchReady();
    const registered = electron.ipcMain.handle.mock.invocationCallOrder.at(-1) ?? Infinity;

    expect(registered).toBeLessThan(mainWindow().loadURL.mock.invocationCallOrder[0] ?? 0);
  });

  it("passes a call from our page's main frame on with what is known of the sender", async () => {
    await launchReady();
    const ok: Envelope<unknown> = { ok: true, result: [] };
    dispatch.mockResolvedValueOnce(ok);

    const reply = await electron.ipcMain.invoke(
      'accounts:list',
      { url: OWN_URL, parent: null },
      {},
    );

    expect(dispatch).toHaveBeenCalledExactlyOnceWith(
      'accounts:list',
      { url: OWN_URL, isMainFrame: true },
      {},
    );
    expect(reply).toBe(ok);
    expect(composeOptions().isTrustedSender({ url: OWN_URL, isMainFrame: true })).toBe(true);
  });

  it.each<[string, FakeFrame | null, SenderFacts]>([
    [
      'a sub-frame of our page',
      { url: OWN_URL, parent: { url: OWN_URL, parent: null } },
      { url: OWN_URL, isMainFrame: false },
    ],
    [
      'a foreign page',
      { url: 'https://attacker.test/', parent: null },
      { url: 'https://attacker.test/', isMainFrame: true },
    ],
    ['a frame that is gone', null, { url: null, isMainFrame: false }],
  ])('hands a call from %s to the dispatcher as untrusted', async (_who, frame, facts) => {
    await launchReady();

    const reply = await electron.ipcMain.invoke('tokens:revoke', frame, { tokenId: 't' });

    expect(dispatch).toHaveBeenCalledExactlyOnceWith('tokens:revoke', facts, { tokenId: 't' });
    expect(composeOptions().isTrustedSender(facts)).toBe(false);
    expect(reply).toBe(REFUSED);
  });

  it('pushes events to every window', async () => {
    await launchReady();
    const payload = {
      accountId: 'acc-1',
      state: 'ok' as const,
      asOf: null,
      stale: false,
      refreshing: false,
      error: null,
      leasedBy: null,
      tokens: [],
    };

    composeOptions().emit('inventory:changed', payload);

    expect(mainWindow().webContents.send).toHaveBeenCalledExactlyOnceWith(
      'inventory:changed',
      payload,
    );
  });
});

describe('composition', () => {
  it('composes the electron target with the keychain and the data dir', async () => {
    await launchReady();

    expect(composeApp).toHaveBeenCalledOnce();
    expect(composeOptions()).toMatchObject({ target: 'electron', dataDir: DATA_DIR });
    expect(composeOptions().secrets).toBeInstanceOf(FakeKeytarSecretStore);
    expect(composeOptions().clipboard).not.toBeNull();
  });

  it('holds the quit until the app has closed (clipboard cleared, journals flushed)', async () => {
    await launchReady();
    let finishClosing: () => void = () => undefined;
    closeApp.mockImplementationOnce(
      () => new Promise<void>((resolve) => (finishClosing = resolve)),
    );
    const firstQuit = fakeEvent();

    electron.app.emit('before-quit', firstQuit);
    await flushPromises();

    expect(firstQuit.defaultPrevented).toBe(true);
    expect(closeApp).toHaveBeenCalledOnce();
    expect(electron.app.quit).not.toHaveBeenCalled();

    finishClosing();
    await flushPromises();

    expect(electron.app.quit).toHaveBeenCalledOnce();
    const secondQuit = fakeEvent();
    electron.app.emit('before-quit', secondQuit);
    expect(secondQuit.defaultPrevented).toBe(false);
    expect(closeApp).toHaveBeenCalledOnce();
  });

  it('quits when the last window closes', async () => {
    await launchReady();

    electron.app.emit('window-all-closed');

    expect(electron.app.quit).toHaveBeenCalledOnce();
  });
});

describe('the window', () => {
  it('is built with the hardened preferences and the bundled preload, without devtools', async () => {
    await launchReady();
    const preferences = mainWindow().options.webPreferences;

    expect(preferences?.preload?.replace(/\\/g, '/')).toMatch(/\/preload\/index\.js$/);
    expect(preferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('has devtools in a development build only', async () => {
    developmentBuild = true;

    await launchReady();

    expect(mainWindow().options.webPreferences?.devTools).toBe(true);
  });

  it('registers its scheme as privileged before Electron is ready', async () => {
    await launch();

    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true },
      },
    ]);
    expect(electron.protocol.handle).not.toHaveBeenCalled();
  });

  it('loads the renderer from app://tokendesk, served before the page loads, and shows the window when it is ready', async () => {
    await launchReady();
    const window = mainWindow();

    expect(electron.protocol.handle).toHaveBeenCalledOnce();
    expect(electron.protocol.handle.mock.calls[0]?.[0]).toBe('app');
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(OWN_URL);
    expect(electron.protocol.handle.mock.invocationCallOrder[0]).toBeLessThan(
      window.loadURL.mock.invocationCallOrder[0] ?? 0,
    );
    expect(window.loadFile).not.toHaveBeenCalled();
    expect(window.show).not.toHaveBeenCalled();

    window.emit('ready-to-show');

    expect(window.show).toHaveBeenCalledOnce();
  });

  it('ignores ELECTRON_RENDERER_URL in a production build', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');

    await launchReady();

    expect(mainWindow().loadURL).toHaveBeenCalledExactlyOnceWith(OWN_URL);
    const { isTrustedSender } = composeOptions();
    expect(isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: OWN_URL, isMainFrame: true })).toBe(true);
  });

  it('loads the dev server in a development build, and trusts only it', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', DEV_SERVER);
    developmentBuild = true;

    await launchReady();

    expect(mainWindow().loadURL).toHaveBeenCalledExactlyOnceWith(DEV_SERVER);
    const { isTrustedSender } = composeOptions();
    expect(isTrustedSender({ url: `${DEV_SERVER}/`, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: OWN_URL, isMainFrame: true })).toBe(false);
  });

  it('brings the window back when a second instance starts', async () => {
    await launchReady();
    const window = mainWindow();
    window.isMinimized.mockReturnValue(true);

    electron.app.emit('second-instance');

    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });
});

describe('every web contents', () => {
  it('is locked down as soon as it is created', async () => {
    await launch();
    const contents = new FakeWebContents();

    electron.app.emit('web-contents-created', {}, contents);

    expect(contents.navigate('will-navigate', 'https://attacker.test/')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://attacker.test/')).toBe(true);
    expect(contents.navigate('will-navigate', `${OWN_URL}#/tokens`)).toBe(false);
    expect(contents.navigateFrame('https://attacker.test/', false)).toBe(true);
    expect(contents.attachWebview()).toBe(true);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });

  async function openFromPage(url: string): Promise<void> {
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.openWindow(url)).toEqual({ action: 'deny' });
    await flushPromises();
  }

  it.each([
    'https://kestra.example.com/ui/settings',
    'https://console.example.com/settings/tokens',
  ])("opens %s, a page of the user's services, in the browser", async (url) => {
    await launchReady();

    await openFromPage(url);

    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(url);
  });

  it.each([
    ['an unknown host', 'https://attacker.test/'],
    ['a host that starts like a known one', 'https://kestra.example.com.attacker.test/'],
    ['a known host over http', 'http://kestra.example.com/'],
    ['a known host on another port', 'https://kestra.example.com:8443/'],
    ['credentials in the link', 'https://user:pw@kestra.example.com/'],
    ['a file', 'file:///etc/passwd'],
    ['a script', 'javascript:alert(1)'],
    ['another protocol handler', 'smb://kestra.example.com/share'],
  ])('opens nothing for %s', async (_what, url) => {
    await launchReady();

    await openFromPage(url);

    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens nothing before the app knows its accounts', async () => {
    await launch();

    await openFromPage('https://kestra.example.com/');

    expect(listAccounts).not.toHaveBeenCalled();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('remote content', () => {
  async function allowed(url: string): Promise<boolean> {
    const listener = electron.session.defaultSession.webRequest.onBeforeRequest.mock.lastCall?.[0];
    if (listener === undefined) throw new Error('no request filter was installed');
    const callback = vi.fn<(response: { cancel?: boolean }) => void>();
    listener({ url }, callback);
    await flushPromises();
    const [response] = callback.mock.lastCall ?? [];
    if (response === undefined) throw new Error('the filter did not answer');
    return response.cancel !== true;
  }

  it('lets the page load its own bundle', async () => {
    await launchReady();

    expect(await allowed(OWN_URL)).toBe(true);
    expect(await allowed(new URL('assets/index-abc.js', OWN_URL).href)).toBe(true);
    expect(await allowed('data:image/png;base64,AAAA')).toBe(true);
  });

  it.each([
    'https://cdn.attacker.test/x.js',
    'http://127.0.0.1:8080/',
    'wss://attacker.test/socket',
    'file:///etc/passwd',
    'app://attacker.test/index.html',
    'http://localhost:5173/',
  ])('cancels a request for %s', async (url) => {
    await launchReady();

    expect(await allowed(url)).toBe(false);
  });

  it('is in place before the page loads', async () => {
    await launchReady();
    const { onBeforeRequest } = electron.session.defaultSession.webRequest;

    expect(onBeforeRequest.mock.invocationCallOrder[0]).toBeLessThan(
      mainWindow().loadURL.mock.invocationCallOrder[0] ?? 0,
    );
  });
});

describe('reminders', () => {
  const reminder = {
    accountId: 'acc-1',
    tokenId: 'tok-1',
    title: 'ci-deploy (Kestra production)',
    body: 'Expires in 3 days (12 May 2025).',
    urgency: 'high' as const,
  };

  function reminderPort() {
    const port = composeOptions().reminderPort;
    if (port === undefined || port === null) throw new Error('no reminder port was given');
    return port;
  }

  it('shows a due reminder as a desktop notification', async () => {
    await launchReady();

    reminderPort().remind(reminder);

    expect(electron.notifications).toHaveLength(1);
    expect(electron.notifications[0]?.options).toMatchObject({
      title: reminder.title,
      body: reminder.body,
    });
    expect(electron.notifications[0]?.show).toHaveBeenCalledOnce();
  });

  it('opens the token when the notification is clicked: the window comes forward and is told which', async () => {
    await launchReady();
    const window = mainWindow();
    window.isMinimized.mockReturnValue(true);
    reminderPort().remind(reminder);

    electron.notifications[0]?.emit('click');

    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith('attention:open', {
      accountId: 'acc-1',
      tokenId: 'tok-1',
    });
  });

  it('shows the count in the tray tooltip and the badge, and the tray brings the window back', async () => {
    await launchReady();

    reminderPort().count(3);
    reminderPort().count(0);

    expect(electron.trays).toHaveLength(1);
    const tray = electron.trays[0];
    expect(tray?.setToolTip.mock.calls).toEqual([
      ['TokenDesk: 3 tokens need attention'],
      ['TokenDesk'],
    ]);
    expect(electron.app.setBadgeCount.mock.calls).toEqual([[3], [0]]);
    tray?.emit('click');
    expect(mainWindow().focus).toHaveBeenCalledOnce();
  });

  it('removes the tray when the app quits', async () => {
    await launchReady();
    reminderPort().count(1);

    electron.app.emit('before-quit', fakeEvent());
    await flushPromises();

    expect(electron.trays[0]?.destroy).toHaveBeenCalledOnce();
  });
});

describe('waking from sleep', () => {
  it('has the reminder scheduler look again when the machine resumes', async () => {
    await launchReady();
    expect(wakeReminders).not.toHaveBeenCalled();

    electron.powerMonitor.emit('suspend');
    expect(wakeReminders).not.toHaveBeenCalled();
    electron.powerMonitor.emit('resume');

    expect(wakeReminders).toHaveBeenCalledOnce();
  });

  it('listens only once the app is composed: powerMonitor is not usable before Electron is ready', async () => {
    await launch();

    expect(electron.powerMonitor.listenerCount('resume')).toBe(0);
    electron.app.becomeReady();
    await flushPromises();
    expect(electron.powerMonitor.listenerCount('resume')).toBe(1);
  });
});
