import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { composeApp, type App } from './compose';
import { resolveDataDir } from './core/storage/data-dir';
import { bindIpc } from './ipc/electron-binding';
import { electronClipboard } from './platform/electron-clipboard';
import { KeytarSecretStore } from './platform/keytar-secret-store';
import { createOriginPolicy } from './security';
import { createMainWindow, lockDownWebContents } from './window';

const rendererIndex = join(__dirname, '../renderer/index.html');
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const policy = createOriginPolicy(rendererIndex, app.isPackaged ? undefined : devServerUrl);
let mainWindow: BrowserWindow | null = null;
let tokenDesk: App | null = null;

app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) =>
    lockDownWebContents(contents, policy.isOwnUrl),
  );
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void tokenDesk?.close();
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

  tokenDesk = await composeApp({
    target: 'electron',
    version: app.getVersion(),
    dataDir: resolveDataDir(),
    secrets: new KeytarSecretStore(),
    clipboard: electronClipboard,
    emit: (event, payload) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
    },
    isTrustedSender: policy.isTrustedSender,
  });
  bindIpc(tokenDesk.dispatch);

  mainWindow = createMainWindow(join(__dirname, '../preload/index.js'));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  if (devServerUrl !== undefined && !app.isPackaged) await mainWindow.loadURL(devServerUrl);
  else await mainWindow.loadFile(rendererIndex);
}
