import { app, ipcMain, Menu, powerMonitor, protocol, screen, session, shell } from 'electron';
import { IPC_PUSH, type ExitRequest, type ShellSettingsView } from '../core/contract/ipc-contract.js';
import { fail, ok, type Result } from '../core/contract/result.js';
import { activeIncidents } from '../core/incident/selectors.js';
import type { Settings } from '../core/organisation/settings.js';
import type { KioskServices } from '../services/kiosk-services.js';
import type { Logger } from '../services/logger.js';
import { FALLBACK_PATH, type BoardView } from './app-origin.js';
import { applyStartAtLogin, type AutostartEnvironment } from './autostart.js';
import { describeChildGone, watchRenderer } from './crash-recovery.js';
import { createExitPinCheck } from './exit-pin.js';
import { fallbackPage } from './fallback-page.js';
import { registerIpc, type IpcBinding } from './ipc.js';
import { KioskGuard } from './kiosk-guard.js';
import { alarmAlerts } from './notifications.js';
import { keepDisplayAwake } from './power.js';
import { registerAppScheme, serveAppProtocol } from './protocol.js';
import { externalUrlAllowed, hardenContents, hardenSession } from './security.js';
import { ShellConfig, type StoreFile } from './shell-config.js';
import { BoardWindows } from './windows.js';

export interface AlarmIntake {
  readonly url: string;
  close(): Promise<void>;
}

/** What the composition root hands in: the real services and files in the app, temp ones in tests. */
export interface KioskAppDeps {
  readonly log: Logger;
  /** dist/renderer */
  readonly rendererDir: string;
  /** dist/electron/preload/preload.cjs */
  readonly preloadPath: string;
  readonly icon?: string;
  readonly startServices: (dataDir: string) => Promise<KioskServices>;
  /** the site settings file; main reads the operator PIN hash from it */
  readonly openSiteSettings: (dataDir: string) => () => Settings;
  readonly openShellSettings: (dataDir: string) => Promise<StoreFile>;
  /** the loopback HTTP endpoint for alarm sources (the host server without pages) */
  readonly startAlarmIntake: (services: KioskServices, port: number) => Promise<AlarmIntake>;
  readonly clock?: () => number;
  readonly environment?: AutostartEnvironment;
  /** the process whose SIGTERM/SIGINT let the app end (an administrator, systemd, Ctrl+C) */
  readonly signals?: Pick<NodeJS.Process, 'once'>;
}

export interface RunningKiosk {
  readonly services: KioskServices;
  readonly windows: BoardWindows;
  readonly guard: KioskGuard;
  readonly ipc: IpcBinding;
  readonly shellConfig: ShellConfig;
  readonly intake: AlarmIntake | null;
}

const FALLBACK_REFRESH_MS = 30_000;

/**
 * Wires the desktop app: one instance, hardened sessions and pages, the app:// protocol, the IPC
 * bridge, the console and wall windows on their screens, the kiosk guard, crash recovery,
 * power, alerts, start at login and the alarm intake. Resolves to null in a second instance,
 * which only hands over to the first and quits.
 */
export async function runKioskApp(deps: KioskAppDeps): Promise<RunningKiosk | null> {
  const { log } = deps;
  const clock = deps.clock ?? Date.now;

  // Tests and the e2e suite run the unpackaged app on a data folder of their own.
  const dataOverride = process.env.KIOSK_USER_DATA_DIR;
  if (!app.isPackaged && dataOverride !== undefined && dataOverride !== '') app.setPath('userData', dataOverride);

  registerAppScheme(protocol);
  if (!app.requestSingleInstanceLock()) {
    log.info('the board is already running; it was asked to come to the front');
    app.quit();
    return null;
  }

  let windows: BoardWindows | null = null;
  let guard: KioskGuard | null = null;
  let openExternal: (url: string) => Promise<Result<null>> = () => Promise.resolve(fail('unavailable', 'starting'));

  app.on('second-instance', () => {
    log.info('a second launch: the running board comes to the front');
    windows?.focusConsole();
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenContents(contents, {
      log,
      openExternal: (url) => void openExternal(url),
    }),
  );
  app.on('child-process-gone', (_event, details) => log.warn(describeChildGone(details)));
  app.on('window-all-closed', () => {
    // Only reached when windows were destroyed without a quit: the board must not vanish.
    if (guard?.exiting) app.quit();
    else windows?.layout();
  });
  Menu.setApplicationMenu(null);
  if (process.platform === 'win32') app.setAppUserModelId('cn.example.control-room-kiosk');

  await app.whenReady();
  const dataDir = app.getPath('userData');
  const services = await deps.startServices(dataDir);
  const siteSettings = deps.openSiteSettings(dataDir);
  const shellConfig = new ShellConfig(await deps.openShellSettings(dataDir), log);
  const pins = createExitPinCheck(() => siteSettings().pinHash);

  hardenSession(session.defaultSession, log);
  serveAppProtocol(protocol, {
    rendererDir: deps.rendererDir,
    fallbackPage: (view: BoardView) => {
      const settings = services.status().settings;
      return fallbackPage({
        siteName: settings.siteName,
        contacts: settings.contacts,
        active: activeIncidents(services.bus.state),
        now: clock(),
        view,
      });
    },
    onRefused: (url, why) => log.warn(`app:// request refused (${why}): ${url.slice(0, 200)}`),
  });

  openExternal = async (url) => {
    const policy = { tel: services.status().settings.dialOut, schemes: shellConfig.get().externalSchemes };
    if (!externalUrlAllowed(url, policy)) {
      log.warn(`external link refused: ${url.split(':')[0]?.slice(0, 32) ?? ''}:`);
      return fail('forbidden', 'this link may not leave the app', 'url');
    }
    await shell.openExternal(url);
    return ok(null);
  };

  const kioskGuard = new KioskGuard({
    pins,
    clock,
    log,
    askForPin: (request: ExitRequest) => {
      const console = windows?.focusConsole() ?? null;
      if (console !== null && !console.webContents.isDestroyed()) console.webContents.send(IPC_PUSH.exitRequested, request);
    },
    quit: () => app.quit(),
  });
  guard = kioskGuard;
  app.on('before-quit', (event) => kioskGuard.onBeforeQuit(event));

  const boardWindows = new BoardWindows({
    preloadPath: deps.preloadPath,
    devTools: !app.isPackaged,
    ...(deps.icon === undefined ? {} : { icon: deps.icon }),
    wallDisplay: () => shellConfig.get().wallDisplay,
    onCreated: (window, view) => {
      kioskGuard.attach(window);
      watchRenderer(window, { view, clock, log });
    },
    log,
  });
  windows = boardWindows;

  const environment: AutostartEnvironment = deps.environment ?? {
    platform: process.platform,
    env: process.env,
    home: app.getPath('home'),
    execPath: process.execPath,
  };

  const shellView = (): ShellSettingsView => {
    const primary = screen.getPrimaryDisplay().id;
    return {
      settings: shellConfig.get(),
      displays: screen
        .getAllDisplays()
        .map((d) => ({ id: d.id, label: d.label, primary: d.id === primary, width: d.size.width, height: d.size.height })),
      wallDisplayInUse: boardWindows.displayOf('wall'),
    };
  };

  const ipc = registerIpc(ipcMain, {
    bus: services.bus,
    status: services.status,
    onStatusChange: (listener) => services.onStatusChange(listener),
    requestExit: (pin) => kioskGuard.requestExit(pin),
    getShellSettings: shellView,
    setShellSettings: async ({ pin, ...change }) => {
      const allowed = pins.check(pin, clock());
      if (!allowed.ok) return allowed;
      const before = shellConfig.get();
      const updated = shellConfig.update(change);
      if (!updated.ok) return updated;
      log.info(`shell settings changed: ${Object.keys(change).join(', ') || 'nothing'}`);
      if (updated.value.startAtLogin !== before.startAtLogin) await applyStartAtLogin(updated.value.startAtLogin, app, environment, log);
      boardWindows.layout();
      return ok(shellView());
    },
    openExternal: (url) => openExternal(url),
    log,
  });

  for (const change of ['display-added', 'display-removed', 'display-metrics-changed'] as const) {
    screen.on(change as 'display-added', () => boardWindows.layout());
  }

  const allowSleep = keepDisplayAwake(log);
  const stopAlerts = services.bus.subscribe(
    services.bus.state.seq,
    alarmAlerts({
      state: () => services.bus.state,
      language: () => services.status().settings.language,
      bringConsoleToFront: () => boardWindows.focusConsole(),
      log,
    }),
  );

  // A window on the fallback page shows the board as main has it: reload it when the board changes.
  const refreshFallbacks = (): void => {
    for (const window of boardWindows.all()) {
      const url = window.webContents.getURL();
      if (url.includes(FALLBACK_PATH) && !window.webContents.isLoading()) window.webContents.reload();
    }
  };
  const stopFallbackRefresh = services.bus.subscribe(services.bus.state.seq, (message) => {
    if (message.kind === 'events') refreshFallbacks();
  });
  const fallbackTimer = setInterval(refreshFallbacks, FALLBACK_REFRESH_MS);

  applyStartAtLogin(shellConfig.get().startAtLogin, app, environment, log).catch((error: unknown) =>
    log.error('start at login could not be set', error),
  );

  let intake: AlarmIntake | null = null;
  const port = shellConfig.get().alarmIntakePort;
  if (port > 0) {
    try {
      intake = await deps.startAlarmIntake(services, port);
      log.info(`alarm intake listening on ${intake.url}`);
    } catch (error) {
      log.error(`alarm intake could not listen on 127.0.0.1:${port}; alarms from other systems are not received`, error);
    }
  }

  powerMonitor.on('shutdown', () => kioskGuard.allowExit('the system is shutting down'));
  const signals = deps.signals ?? process;
  signals.once('SIGTERM', () => kioskGuard.allowExit('SIGTERM'));
  signals.once('SIGINT', () => kioskGuard.allowExit('SIGINT'));

  let closed = false;
  let closing: Promise<void> | null = null;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closing ??= (async () => {
      clearInterval(fallbackTimer);
      stopAlerts();
      stopFallbackRefresh();
      ipc.dispose();
      allowSleep();
      await intake?.close();
      await services.close();
    })()
      .catch((error: unknown) => log.error('orderly shutdown failed', error))
      .finally(() => {
        closed = true;
        log.info('bye');
        app.quit();
      });
  });

  boardWindows.layout();
  return { services, windows: boardWindows, guard: kioskGuard, ipc, shellConfig, intake };
}
