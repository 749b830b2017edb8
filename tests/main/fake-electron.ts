/**
 * The test double of the 'electron' module, the only one in this project: there is no Electron
 * binary on the machines that run `npm test`, and importing the real package tries to download one.
 * Test files replace the module with
 *
 *   vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);
 *
 * It imitates the behaviour the shell relies on (close and quit can be prevented, a quit closes the
 * windows, a forced crash emits 'render-process-gone', invoke reaches ipcMain.handle) and records
 * what the code under test did. `resetFakeElectron()` between tests.
 */
import { EventEmitter } from 'node:events';

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** A display as Electron's screen module describes it. */
export interface FakeDisplay {
  id: number;
  label: string;
  bounds: { x: number; y: number; width: number; height: number };
  size: { width: number; height: number };
}

export const display = (id: number, x: number, width = 1920, height = 1080): FakeDisplay => ({
  id,
  label: `Display ${id}`,
  bounds: { x, y: 0, width, height },
  size: { width, height },
});

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  url = '';
  destroyed = false;
  loading = false;
  readonly loads: string[] = [];
  reloads = 0;
  crashes = 0;
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' | 'allow' }) | null = null;
  /** when set, send() delivers to the fake ipcRenderer, as if this page ran the preload */
  deliverToRenderer = false;

  loadURL(url: string): Promise<void> {
    this.url = url;
    this.loads.push(url);
    return Promise.resolve();
  }
  reload(): void {
    this.reloads += 1;
  }
  getURL(): string {
    return this.url;
  }
  isLoading(): boolean {
    return this.loading;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, payload });
    if (this.deliverToRenderer) ipcRenderer.emit(channel, {}, payload);
  }
  sentOn(channel: string): unknown[] {
    return this.sent.filter((s) => s.channel === channel).map((s) => s.payload);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void {
    this.windowOpenHandler = handler;
  }
  /** Like Electron: the renderer is killed and 'render-process-gone' follows. */
  forcefullyCrashRenderer(): void {
    this.crashes += 1;
    this.emit('render-process-gone', new FakeEvent(), { reason: 'killed', exitCode: 9 });
  }
  /** The top frame of the page now loaded. */
  get mainFrame(): FakeFrame {
    return { url: this.url, parent: null };
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  visible = false;
  minimized = false;
  focused = 0;
  movedTop = 0;
  readonly flashes: boolean[] = [];
  kiosk: boolean;
  bounds: { x: number; y: number; width: number; height: number };

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    this.kiosk = options.kiosk === true;
    this.bounds = {
      x: Number(options.x ?? 0),
      y: Number(options.y ?? 0),
      width: Number(options.width ?? 800),
      height: Number(options.height ?? 600),
    };
    FakeBrowserWindow.all.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }

  static live(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  /** Like a close button or Alt+F4: 'close' may be prevented. */
  close(): void {
    if (this.destroyed) return;
    const event = new FakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.webContents.emit('destroyed');
    this.emit('closed');
    if (FakeBrowserWindow.live().length === 0 && !app.quitting) app.emit('window-all-closed');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {
    this.visible = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    this.focused += 1;
  }
  moveTop(): void {
    this.movedTop += 1;
  }
  flashFrame(flag: boolean): void {
    this.flashes.push(flag);
  }
  setKiosk(flag: boolean): void {
    this.kiosk = flag;
  }
  setBounds(bounds: { x: number; y: number; width: number; height: number }): void {
    this.bounds = { ...bounds };
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  get url(): string {
    return this.webContents.url;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = true;
  lockGranted = true;
  quitCalls = 0;
  quitting = false;
  /** true once a quit went through every stage without being prevented */
  quitted = false;
  exitCode: number | null = null;
  readonly paths: Record<string, string> = { userData: '/nonexistent/user-data', home: '/nonexistent/home' };
  readonly loginItems: unknown[] = [];

  requestSingleInstanceLock(): boolean {
    return this.lockGranted;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    const path = this.paths[name];
    if (path === undefined) throw new Error(`no path ${name}`);
    return path;
  }
  setPath(name: string, value: string): void {
    this.paths[name] = value;
  }
  getAppPath(): string {
    return '/opt/control-room-kiosk/resources/app.asar';
  }
  getName(): string {
    return 'control-room-kiosk';
  }
  getVersion(): string {
    return '0.1.0';
  }
  setAppUserModelId(): void {}
  setLoginItemSettings(settings: unknown): void {
    this.loginItems.push(settings);
  }
  /** Electron's order: before-quit (preventable), close every window (preventable), will-quit (preventable), quit. */
  quit(): void {
    this.quitCalls += 1;
    const before = new FakeEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.quitting = true;
    for (const window of FakeBrowserWindow.live()) {
      window.close();
      if (!window.destroyed) {
        this.quitting = false;
        return;
      }
    }
    const will = new FakeEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    this.quitted = true;
    this.emit('quit');
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke does, from a given page and frame. */
  async invokeFrom(contents: FakeWebContents, frame: FakeFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender: contents, senderFrame: frame, processId: 1, frameId: 1 }, ...args);
  }
}

class FakeScreen extends EventEmitter {
  displays: FakeDisplay[] = [display(1, 0)];
  primaryId = 1;
  getAllDisplays(): FakeDisplay[] {
    return this.displays.map((d) => ({ ...d }));
  }
  getPrimaryDisplay(): FakeDisplay {
    return this.displays.find((d) => d.id === this.primaryId) ?? (this.displays[0] as FakeDisplay);
  }
  attach(added: FakeDisplay): void {
    this.displays.push(added);
    this.emit('display-added', new FakeEvent(), added);
  }
  detach(id: number): void {
    const gone = this.displays.find((d) => d.id === id);
    this.displays = this.displays.filter((d) => d.id !== id);
    this.emit('display-removed', new FakeEvent(), gone);
  }
}

class FakeProtocol {
  privileged: unknown[] = [];
  readonly handlers = new Map<string, (request: Request) => Promise<Response> | Response>();
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged = schemes;
  }
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    this.handlers.set(scheme, handler);
  }
  async fetch(url: string, method = 'GET'): Promise<Response> {
    const scheme = url.split(':')[0] ?? '';
    const handler = this.handlers.get(scheme);
    if (handler === undefined) throw new Error(`no handler for ${scheme}`);
    return handler(new Request(url, { method }));
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;

class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  beforeRequest: {
    filter: { urls: string[] };
    listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
  } | null = null;
  readonly webRequest = {
    onBeforeRequest: (
      filter: { urls: string[] },
      listener: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void,
    ): void => {
      this.beforeRequest = { filter, listener };
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermissionHandler = handler;
  }
}

export class FakeNotification extends EventEmitter {
  static shown: FakeNotification[] = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: { title: string; body: string; urgency?: string; silent?: boolean }) {
    super();
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
}

class FakePowerSaveBlocker {
  readonly started = new Map<number, string>();
  readonly stopped: number[] = [];
  private next = 1;
  start(type: string): number {
    const id = this.next++;
    this.started.set(id, type);
    return id;
  }
  stop(id: number): boolean {
    this.stopped.push(id);
    return this.started.delete(id);
  }
  isStarted(id: number): boolean {
    return this.started.has(id);
  }
}

class FakeIpcRenderer extends EventEmitter {
  /** where invoke goes: by default to the fake ipcMain, as a trusted top frame of `page` */
  page: FakeWebContents | null = null;
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    const page = this.page;
    if (page === null) return Promise.reject(new Error('no main process in this test'));
    return ipcMain.invokeFrom(page, page.mainFrame, channel, ...args);
  }
  send(): void {
    throw new Error('the preload must not use ipcRenderer.send');
  }
  sendSync(): void {
    throw new Error('the preload must not use ipcRenderer.sendSync');
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const screen = new FakeScreen();
export const protocol = new FakeProtocol();
export const session = { defaultSession: new FakeSession() };
export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
};
export const powerSaveBlocker = new FakePowerSaveBlocker();
export const powerMonitor = new EventEmitter();
export const Menu = {
  applicationMenu: undefined as unknown,
  setApplicationMenu(menu: unknown): void {
    Menu.applicationMenu = menu;
  },
};
export const dialog = {
  errors: [] as string[][],
  showErrorBox(title: string, content: string): void {
    dialog.errors.push([title, content]);
  },
};
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    contextBridge.exposed.set(key, api);
  },
};

export function resetFakeElectron(): void {
  for (const emitter of [app, ipcMain, ipcRenderer, screen, powerMonitor]) emitter.removeAllListeners();
  Object.assign(app, { isPackaged: true, lockGranted: true, quitCalls: 0, quitting: false, quitted: false, exitCode: null });
  app.loginItems.length = 0;
  ipcMain.handlers.clear();
  ipcRenderer.page = null;
  ipcRenderer.invoked.length = 0;
  screen.displays = [display(1, 0)];
  screen.primaryId = 1;
  protocol.privileged = [];
  protocol.handlers.clear();
  session.defaultSession = new FakeSession();
  shell.opened.length = 0;
  powerSaveBlocker.started.clear();
  powerSaveBlocker.stopped.length = 0;
  Menu.applicationMenu = undefined;
  dialog.errors.length = 0;
  contextBridge.exposed.clear();
  FakeBrowserWindow.all = [];
  FakeNotification.shown = [];
}

/** The module object handed to vi.mock: named exports and a default, as the real package has. */
export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  screen,
  protocol,
  get session() {
    return session;
  },
  shell,
  powerSaveBlocker,
  powerMonitor,
  Menu,
  dialog,
  Notification: FakeNotification,
  get default() {
    return electronModule;
  },
};
