import { app, BrowserWindow, powerMonitor, session, shell } from 'electron';
import { join } from 'node:path';
import { isDevelopmentBuild } from './build-flavor';
import { composeApp, type App } from './compose';
import { resolveDataDir } from './core/storage/data-dir';
import type { SendEvent } from './ipc/checked-events';
import { bindIpc } from './ipc/electron-binding';
import { electronClipboard } from './platform/electron-clipboard';
import { createElectronReminders } from './platform/electron-reminders';
import { KeytarSecretStore } from './platform/keytar-secret-store';
import { waitForCleanupOnQuit } from './quit';
import { RENDERER_URL } from './app-origin';
import { registerAppScheme, serveRenderer } from './renderer-protocol';
import { createExternalOpener, createOriginPolicy } from './security';
import { createMainWindow, lockDownWebContents } from './window';

/** Long enough for a clipboard clear and a journal fsync; short enough that quitting still feels like quitting. */
const QUIT_CLEANUP_TIMEOUT_MS = 5_000;
// Only a development build reads the dev server's address: in a production build no variable in
// the environment can point the window, and with it the trusted IPC sender, at another page.
const devServerUrl = isDevelopmentBuild ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const policy = createOriginPolicy(devServerUrl);
let mainWindow: BrowserWindow | null = null;
let tokenDesk: App | null = null;
const openExternal = createExternalOpener(
  () => (tokenDesk === null ? Promise.resolve([]) : tokenDesk.core.accounts.list()),
  (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK: https, known origins only
);

/** The raw push to the windows; composeApp puts the contract check in front of it. */
const sendToWindows: SendEvent = (event, payload) => {
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
};
const reminders = createElectronReminders({
  openToken: (ref) => {
    showMainWindow();
    tokenDesk?.emit('attention:open', ref);
  },
  showWindow: showMainWindow,
});

function showMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('web-contents-created', (_event, contents) =>
    lockDownWebContents(contents, {
      isOwnUrl: policy.isOwnUrl,
      openLink: (url) => {
        openExternal(url).catch((error: unknown) => {
          tokenDesk?.log.warn('opening a link in the browser failed', { error });
        });
      },
    }),
  );
  app.on('window-all-closed', () => app.quit());
  waitForCleanupOnQuit(app, {
    run: async () => {
      reminders.dispose();
      if (tokenDesk !== null) await tokenDesk.close();
    },
    timeoutMs: QUIT_CLEANUP_TIMEOUT_MS,
    onProblem: (error) => tokenDesk?.log.warn('cleanup on quit did not finish', { error }),
  });
  // A failure in start() too: otherwise the process would live on without a window, holding
  // the single-instance lock so that every later launch silently does nothing.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error(error);
      app.exit(1);
    });
}

async function start(): Promise<void> {
  // Nothing the page asks for (camera, notifications, clipboard-read, …) is granted.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  // No remote content: the page loads its own bundle and talks to main over IPC, nothing else.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !policy.isOwnResource(details.url) }),
  );
  serveRenderer(join(__dirname, '../renderer'));

  tokenDesk = await composeApp({
    target: 'electron',
    version: app.getVersion(),
    dataDir: resolveDataDir(),
    secrets: new KeytarSecretStore(),
    clipboard: electronClipboard,
    emit: sendToWindows,
    isTrustedSender: policy.isTrustedSender,
    reminderPort: reminders,
  });
  bindIpc(tokenDesk.dispatch);
  // The scheduler's timer stood still while the machine slept: what fell due overnight is
  // announced on waking, not at the scheduler's next hourly look.
  const { core } = tokenDesk;
  powerMonitor.on('resume', () => void core.reminders.wake());

  mainWindow = createMainWindow({
    preload: join(__dirname, '../preload/index.js'),
    icon: join(__dirname, '../renderer/icon.png'),
    devTools: isDevelopmentBuild,
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(devServerUrl ?? RENDERER_URL);
}
