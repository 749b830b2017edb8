import { BrowserWindow, screen } from 'electron';
import type { WallDisplay } from '../core/organisation/shell-settings.js';
import type { Logger } from '../services/logger.js';
import { boardUrl, type BoardView } from './app-origin.js';
import { chooseDisplays, sameRect, type DisplayInfo, type Rect } from './display-choice.js';

export interface WindowOptionsInput {
  readonly view: BoardView;
  readonly bounds: Rect;
  /** the bundled CommonJS preload (sandboxed preloads cannot be ES modules) */
  readonly preloadPath: string;
  /** false in packaged builds: no devtools, no way to open them */
  readonly devTools: boolean;
  readonly icon?: string;
}

/**
 * Opens one board window: kiosk on its display, and every item of Electron's security checklist
 * that is a window option, written out here at the constructor (where reviewers and
 * electronegativity look for them).
 */
export function openBoardWindow(input: WindowOptionsInput): BrowserWindow {
  return new BrowserWindow({
    x: input.bounds.x,
    y: input.bounds.y,
    width: input.bounds.width,
    height: input.bounds.height,
    show: false,
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#101418',
    title: input.view === 'wall' ? 'Control-room board · wall' : 'Control-room board',
    ...(input.icon === undefined ? {} : { icon: input.icon }),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click must not open a window either (Electron's auxclick advice).
      disableBlinkFeatures: 'Auxclick',
      // The horn must sound on an unattended wall display, before anyone has touched it.
      autoplayPolicy: 'no-user-gesture-required',
      spellcheck: false,
      devTools: input.devTools,
      // The board must keep drawing alarms while covered or minimised.
      backgroundThrottling: false,
    },
  });
}

export interface BoardWindowsOptions {
  readonly preloadPath: string;
  readonly devTools: boolean;
  readonly icon?: string;
  readonly wallDisplay: () => WallDisplay;
  /** wires guards and crash recovery into a new window before its page loads */
  readonly onCreated: (window: BrowserWindow, view: BoardView) => void;
  readonly log: Logger;
}

/** How long a window may stay hidden waiting for its first paint. */
const SHOW_ANYWAY_MS = 5_000;

/**
 * The dispatcher console and, on a second screen, the wall display. `layout()` is called at start
 * and whenever screens are added, removed or change, and puts each window where the choice says.
 */
export class BoardWindows {
  private readonly windows = new Map<BoardView, { window: BrowserWindow; bounds: Rect; displayId: number }>();

  constructor(private readonly options: BoardWindowsOptions) {}

  layout(): void {
    const displays: DisplayInfo[] = screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds, label: d.label }));
    if (displays.length === 0) {
      this.options.log.warn('no display attached; windows stay as they are');
      return;
    }
    const choice = chooseDisplays(displays, screen.getPrimaryDisplay().id, this.options.wallDisplay());
    this.place('console', choice.console);
    if (choice.wall === null) this.remove('wall');
    else this.place('wall', choice.wall);
  }

  get(view: BoardView): BrowserWindow | null {
    const entry = this.windows.get(view);
    return entry === undefined || entry.window.isDestroyed() ? null : entry.window;
  }

  all(): BrowserWindow[] {
    return [...this.windows.values()].map((e) => e.window).filter((w) => !w.isDestroyed());
  }

  displayOf(view: BoardView): number | null {
    return this.get(view) === null ? null : (this.windows.get(view)?.displayId ?? null);
  }

  /** Restores, shows and raises the console (second launch, new alarm). */
  focusConsole(): BrowserWindow | null {
    const window = this.get('console');
    if (window === null) return null;
    if (window.isMinimized()) window.restore();
    window.show();
    window.moveTop();
    window.focus();
    return window;
  }

  private place(view: BoardView, display: DisplayInfo): void {
    const existing = this.windows.get(view);
    if (existing !== undefined && !existing.window.isDestroyed()) {
      if (sameRect(existing.bounds, display.bounds)) return;
      // Leave kiosk mode to move, then enter it again on the new screen.
      existing.window.setKiosk(false);
      existing.window.setBounds(display.bounds);
      existing.window.setKiosk(true);
      this.windows.set(view, { window: existing.window, bounds: display.bounds, displayId: display.id });
      this.options.log.info(`${view} window moved to display ${display.id}`);
      return;
    }
    this.create(view, display);
  }

  private create(view: BoardView, display: DisplayInfo): void {
    const window = openBoardWindow({
      view,
      bounds: display.bounds,
      preloadPath: this.options.preloadPath,
      devTools: this.options.devTools,
      ...(this.options.icon === undefined ? {} : { icon: this.options.icon }),
    });
    this.windows.set(view, { window, bounds: display.bounds, displayId: display.id });
    window.on('closed', () => {
      if (this.windows.get(view)?.window === window) this.windows.delete(view);
    });
    this.options.onCreated(window, view);
    const show = () => {
      if (!window.isDestroyed() && !window.isVisible()) window.show();
    };
    window.once('ready-to-show', show);
    setTimeout(show, SHOW_ANYWAY_MS).unref?.();
    window.loadURL(boardUrl(view)).catch((error: unknown) => this.options.log.error(`${view} window failed to load`, error));
    this.options.log.info(`${view} window opened on display ${display.id}`);
  }

  /** The wall's screen went away (or the wall was turned off): the window goes, no PIN needed. */
  private remove(view: BoardView): void {
    const existing = this.windows.get(view);
    if (existing === undefined) return;
    this.windows.delete(view);
    if (!existing.window.isDestroyed()) existing.window.destroy();
    this.options.log.info(`${view} window closed: its display is gone or the wall is off`);
  }
}
