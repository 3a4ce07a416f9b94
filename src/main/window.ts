import { BrowserWindow, type WebContents } from 'electron';

export interface MainWindowOptions {
  preload: string;
  /** TokenDesk's mark, for the title bar and task switcher where the OS takes it from the window. */
  icon: string;
  /** Off in production builds: devtools would let anyone at the keyboard drive window.api. */
  devTools: boolean;
}

/**
 * The one window. Its preferences are spelled out here, literally, rather than built elsewhere:
 * Electronegativity reads them from this call, and a reader sees every switch in one place.
 */
export function createMainWindow({ preload, icon, devTools }: MainWindowOptions): BrowserWindow {
  return new BrowserWindow({
    width: 1200,
    height: 780,
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'TokenDesk',
    icon,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload, // eng-disable PRELOAD_JS_CHECK: it exposes only the frozen window.api built from the contract
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A middle-click on a link asks for a new window; the window-open handler denies it anyway.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools,
    },
  });
}

export interface LockDownPolicy {
  isOwnUrl: (url: string) => boolean;
  /** Hands an https link of a known service to the user's browser; refuses anything else. */
  openLink: (url: string) => void;
}

/**
 * Every web contents, present and future: no navigation away from our page, in any frame; no
 * new windows (links of the user's services go to their browser instead); no webviews.
 */
export function lockDownWebContents(contents: WebContents, policy: LockDownPolicy): void {
  contents.on('will-navigate', (event, url) => {
    if (!policy.isOwnUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!policy.isOwnUrl(url)) event.preventDefault();
  });
  // Our page has no frames of its own: a sub-frame navigation is an injected iframe at work.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !policy.isOwnUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    policy.openLink(url);
    return { action: 'deny' };
  });
}
