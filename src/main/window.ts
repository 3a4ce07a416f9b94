import { BrowserWindow, shell, type WebContents } from 'electron';
import { isSafeExternalUrl } from './security';

export const hardenedWebPreferences = (preload: string): Electron.WebPreferences => ({
  preload,
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
});

export function createMainWindow(preload: string): BrowserWindow {
  return new BrowserWindow({
    width: 1200,
    height: 780,
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'TokenDesk',
    backgroundColor: '#f6f7f9',
    webPreferences: hardenedWebPreferences(preload),
  });
}

/**
 * Every web contents, present and future: no navigation away from our page, no new windows
 * (https links go to the user's browser instead), no webviews.
 */
export function lockDownWebContents(contents: WebContents, isOwnUrl: (url: string) => boolean) {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
