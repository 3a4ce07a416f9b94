import { EventEmitter } from 'node:events';
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  IpcMainInvokeEvent,
  IpcRendererEvent,
  Protocol,
  Session,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';
import { vi, type Mock } from 'vitest';

/**
 * Stand-ins for the parts of Electron the shell touches. The Electron binary cannot run here,
 * so the shell's tests mock `electron` with these and drive them the way Electron would: emit
 * the events it emits, call the handlers it calls. Each test builds a fresh set with
 * `createElectronFakes()`, so no state leaks from one test to the next.
 */

/** The `event` Electron passes to navigation and webview events. */
export interface FakeEvent {
  preventDefault: () => void;
  readonly defaultPrevented: boolean;
}

export function fakeEvent(): FakeEvent {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

type WindowOpenHandler = (details: HandlerDetails) => WindowOpenHandlerResponse;

export class FakeWebContents extends EventEmitter {
  readonly setWindowOpenHandler = vi.fn<(handler: WindowOpenHandler) => void>();
  readonly send = vi.fn<(channel: string, payload: unknown) => void>();

  /** Emits a navigation event as Electron does; true when a listener prevented it. */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string): boolean {
    const event = fakeEvent();
    this.emit(kind, event, url);
    return event.defaultPrevented;
  }

  /** A frame starts navigating (`will-frame-navigate`); true when a listener prevented it. */
  navigateFrame(url: string, isMainFrame: boolean): boolean {
    const event = Object.assign(fakeEvent(), { url, isMainFrame, isSameDocument: false });
    this.emit('will-frame-navigate', event);
    return event.defaultPrevented;
  }

  /** The page adds a `<webview>`; true when a listener prevented it. */
  attachWebview(): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, {}, {});
    return event.defaultPrevented;
  }

  /** The page calls `window.open(url)`: what the installed handler answers. */
  openWindow(url: string): WindowOpenHandlerResponse {
    const handler = this.setWindowOpenHandler.mock.lastCall?.[0];
    if (handler === undefined) throw new Error('no window open handler was installed');
    return handler({
      url,
      frameName: '',
      features: '',
      disposition: 'foreground-tab',
      referrer: { url: '', policy: 'strict-origin-when-cross-origin' },
    });
  }
}

/** The code under test is typed against Electron's WebContents; the fake covers what it uses. */
export function asWebContents(fake: FakeWebContents): WebContents {
  return fake as unknown as WebContents;
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loadFile = vi.fn<(file: string) => Promise<void>>(() => Promise.resolve());
  readonly loadURL = vi.fn<(url: string) => Promise<void>>(() => Promise.resolve());
  readonly show = vi.fn<() => void>();
  readonly focus = vi.fn<() => void>();
  readonly restore = vi.fn<() => void>();
  readonly isMinimized = vi.fn<() => boolean>(() => false);

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = false;
  readonly enableSandbox = vi.fn<() => void>();
  readonly requestSingleInstanceLock = vi.fn<() => boolean>(() => true);
  readonly quit = vi.fn<() => void>();
  readonly exit = vi.fn<(code?: number) => void>();
  readonly getVersion = vi.fn<() => string>(() => '0.0.0-test');
  readonly setBadgeCount = vi.fn<(count?: number) => boolean>(() => true);
  // Assigned by the promise executor below, which runs synchronously.
  private resolveReady!: () => void;
  private rejectReady!: (error: Error) => void;
  private readonly ready = new Promise<void>((resolve, reject) => {
    this.resolveReady = resolve;
    this.rejectReady = reject;
  });
  readonly whenReady = vi.fn<() => Promise<void>>(() => this.ready);

  /** Electron finished initialising: `whenReady()` resolves. */
  becomeReady(): void {
    this.resolveReady();
  }

  failToBecomeReady(error: Error): void {
    this.rejectReady(error);
  }
}

/** A frame as `event.senderFrame` describes it: its URL and its parent (null for the top). */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

type InvokeListener = (event: IpcMainInvokeEvent, args: unknown) => unknown;

export class FakeIpcMain {
  readonly handle = vi.fn<(channel: string, listener: InvokeListener) => void>();

  channels(): string[] {
    return this.handle.mock.calls.map(([channel]) => channel);
  }

  /** A renderer frame (or none: a destroyed one) calls `ipcRenderer.invoke(channel, args)`. */
  invoke(channel: string, frame: FakeFrame | null, args: unknown): Promise<unknown> {
    const registered = this.handle.mock.calls.find(([name]) => name === channel);
    if (registered === undefined) {
      return Promise.reject(new Error(`No handler registered for '${channel}'`));
    }
    const event = { senderFrame: frame } as unknown as IpcMainInvokeEvent;
    return Promise.resolve(registered[1](event, args));
  }
}

type RendererListener = (event: IpcRendererEvent, payload: unknown) => void;

export class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn<(channel: string, args: unknown) => Promise<unknown>>(() =>
    Promise.resolve({ ok: true, result: null }),
  );
  /** The event object main's message arrives with; it must never reach the page. */
  readonly ipcEvent = { sender: 'the IpcRenderer itself' } as unknown as IpcRendererEvent;

  override on(channel: string, listener: RendererListener): this {
    return super.on(channel, listener);
  }

  override removeListener(channel: string, listener: RendererListener): this {
    return super.removeListener(channel, listener);
  }

  /** Main sends `payload` on `channel` (`webContents.send`). */
  push(channel: string, payload: unknown): void {
    this.emit(channel, this.ipcEvent, payload);
  }
}

/** `BrowserWindow` as the shell uses it: constructed with options, listed with getAllWindows. */
export interface FakeBrowserWindowClass {
  new (options: BrowserWindowConstructorOptions): FakeBrowserWindow;
  getAllWindows(): FakeBrowserWindow[];
}

/** The one-argument form the shell uses: every request, one listener. */
export type OnBeforeRequest = (
  listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void,
) => void;

/** A desktop notification: shown with `show()`, clicked with `emit('click')`. */
export class FakeNotification extends EventEmitter {
  readonly show = vi.fn<() => void>();

  constructor(readonly options: { title: string; body: string; urgency?: string }) {
    super();
  }
}

export class FakeTray extends EventEmitter {
  readonly setToolTip = vi.fn<(toolTip: string) => void>();
  readonly setTitle = vi.fn<(title: string) => void>();
  readonly destroy = vi.fn<() => void>();

  constructor(readonly image: unknown) {
    super();
  }
}

/** Electron's powerMonitor: the system's sleep and wake, emitted as 'suspend' and 'resume'. */
export class FakePowerMonitor extends EventEmitter {}

export interface ElectronFakes {
  /** Every BrowserWindow constructed so far, in order. */
  windows: FakeBrowserWindow[];
  app: FakeApp;
  BrowserWindow: FakeBrowserWindowClass;
  session: {
    defaultSession: {
      setPermissionRequestHandler: Mock<Session['setPermissionRequestHandler']>;
      setPermissionCheckHandler: Mock<Session['setPermissionCheckHandler']>;
      webRequest: { onBeforeRequest: Mock<OnBeforeRequest> };
    };
  };
  ipcMain: FakeIpcMain;
  ipcRenderer: FakeIpcRenderer;
  contextBridge: { exposeInMainWorld: Mock<(key: string, api: unknown) => void> };
  shell: { openExternal: Mock<(url: string) => Promise<void>> };
  /** Electron 45's clipboard: the web model, every write and read a promise. */
  clipboard: {
    write: Mock<(items: unknown[]) => Promise<void>>;
    writeText: Mock<(text: string) => Promise<void>>;
    readText: Mock<() => Promise<string>>;
    clear: Mock<() => void>;
  };
  ClipboardItem: new (items: Record<string, string | Blob>) => unknown;
  protocol: {
    registerSchemesAsPrivileged: Mock<Protocol['registerSchemesAsPrivileged']>;
    handle: Mock<(scheme: string, handler: (request: Request) => Promise<Response>) => void>;
  };
  /** Every notification and tray constructed so far, in order. */
  notifications: FakeNotification[];
  trays: FakeTray[];
  Notification: {
    new (options: FakeNotification['options']): FakeNotification;
    isSupported(): boolean;
  };
  Tray: new (image: unknown) => FakeTray;
  nativeImage: { createFromDataURL: Mock<(url: string) => unknown> };
  powerMonitor: FakePowerMonitor;
}

export function createElectronFakes(): ElectronFakes {
  const windows: FakeBrowserWindow[] = [];
  const notifications: FakeNotification[] = [];
  const trays: FakeTray[] = [];

  class Notification extends FakeNotification {
    constructor(options: FakeNotification['options']) {
      super(options);
      notifications.push(this);
    }

    static isSupported(): boolean {
      return true;
    }
  }

  class Tray extends FakeTray {
    constructor(image: unknown) {
      super(image);
      trays.push(this);
    }
  }

  class BrowserWindow extends FakeBrowserWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      super(options);
      windows.push(this);
    }

    static getAllWindows(): FakeBrowserWindow[] {
      return [...windows];
    }
  }

  return {
    windows,
    app: new FakeApp(),
    BrowserWindow,
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn<Session['setPermissionRequestHandler']>(),
        setPermissionCheckHandler: vi.fn<Session['setPermissionCheckHandler']>(),
        webRequest: { onBeforeRequest: vi.fn<OnBeforeRequest>() },
      },
    },
    ipcMain: new FakeIpcMain(),
    ipcRenderer: new FakeIpcRenderer(),
    contextBridge: {
      exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>(),
    },
    shell: {
      openExternal: vi.fn<(url: string) => Promise<void>>(() => Promise.resolve()),
    },
    clipboard: {
      write: vi.fn<(items: unknown[]) => Promise<void>>(() => Promise.resolve()),
      writeText: vi.fn<(text: string) => Promise<void>>(() => Promise.resolve()),
      readText: vi.fn<() => Promise<string>>(() => Promise.resolve('')),
      clear: vi.fn<() => void>(),
    },
    ClipboardItem: class {
      constructor(readonly entries: Record<string, string | Blob>) {}
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn<Protocol['registerSchemesAsPrivileged']>(),
      handle: vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>(),
    },
    notifications,
    trays,
    Notification,
    Tray,
    nativeImage: { createFromDataURL: vi.fn<(url: string) => unknown>(() => ({})) },
    powerMonitor: new FakePowerMonitor(),
  };
}

/** Lets every pending promise callback run (the fakes resolve at once, so one turn is enough). */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
