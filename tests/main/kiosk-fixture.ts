/**
 * Starts the desktop app's wiring (runKioskApp) against the electron test double, with real
 * services, settings files (conf, electron-store's engine) and alarm intake in a temp folder.
 * The test file must have replaced 'electron' with fake-electron.ts before importing this.
 */
import { EventEmitter } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { IPC_PUSH, type SubscriptionPush } from '../../electron/core/contract/ipc-contract.js';
import type { Settings } from '../../electron/core/organisation/settings.js';
import { DEFAULT_SHELL_SETTINGS, shellSettingsJsonSchema, type ShellSettings } from '../../electron/core/organisation/shell-settings.js';
import { runKioskApp, type KioskAppDeps, type RunningKiosk } from '../../electron/main/kiosk-app.js';
import { startHostServer } from '../../electron/services/host-server.js';
import { startKioskServices } from '../../electron/services/kiosk-services.js';
import type { Logger } from '../../electron/services/logger.js';
import { settingsJsonSchema } from '../../electron/services/settings-store.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import * as fake from './fake-electron.js';

export const tempDir = useTempDirs();
export const PRELOAD = '/opt/control-room-kiosk/resources/app.asar/dist/electron/preload/preload.cjs';

export interface Started {
  readonly kiosk: RunningKiosk;
  readonly dir: string;
  readonly logs: string[];
  readonly signals: EventEmitter;
}

export let running: Started | null = null;

function memoryLog(lines: string[]): Logger {
  return {
    info: (m) => lines.push(`INFO ${m}`),
    warn: (m) => lines.push(`WARN ${m}`),
    error: (m, e) => lines.push(`ERROR ${m}${e === undefined ? '' : `: ${String(e)}`}`),
  };
}

export async function depsFor(dir: string, logs: string[], shell: Partial<ShellSettings> = {}, platform: NodeJS.Platform = 'linux') {
  const rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><title>board</title><script type="module" src="./assets/app.js"></script>',
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fake.app.paths.userData = join(dir, 'data');
  fake.app.paths.home = dir;
  const log = memoryLog(logs);
  const signals = new EventEmitter();
  const { properties, root } = shellSettingsJsonSchema();
  const deps: KioskAppDeps = {
    log,
    rendererDir,
    preloadPath: PRELOAD,
    startServices: (dataDir) => startKioskServices(dataDir, log),
    // A second handle on the services' settings.json, with the same schema, as main.ts opens it with electron-store.
    openSiteSettings: (dataDir) => {
      const site = settingsJsonSchema();
      const file = new Conf<Settings>({
        cwd: dataDir,
        configName: 'settings',
        schema: site.properties as never,
        rootSchema: site.root,
        clearInvalidConfig: false,
      });
      return () => file.store;
    },
    openShellSettings: async (dataDir) =>
      new Conf<ShellSettings>({
        cwd: dataDir,
        configName: 'kiosk-shell',
        schema: properties as never,
        rootSchema: root,
        defaults: { ...DEFAULT_SHELL_SETTINGS, ...shell },
        clearInvalidConfig: false,
      }),
    // The real host server, on any free loopback port rather than the configured one.
    startAlarmIntake: (services) =>
      startHostServer({ bus: services.bus, status: services.status, log, staticDir: null, host: '127.0.0.1', port: 0, token: null }),
    environment: {
      platform,
      env: { XDG_CONFIG_HOME: join(dir, 'config') },
      home: dir,
      execPath: '/opt/control-room-kiosk/control-room-kiosk',
    },
    signals: signals as unknown as Pick<NodeJS.Process, 'once'>,
  };
  return { deps, signals };
}

export async function start(options: { shell?: Partial<ShellSettings>; platform?: NodeJS.Platform } = {}): Promise<Started> {
  const dir = await tempDir();
  const logs: string[] = [];
  const { deps, signals } = await depsFor(dir, logs, options.shell, options.platform);
  const kiosk = await runKioskApp(deps);
  if (kiosk === null) throw new Error('the first instance did not start');
  running = { kiosk, dir, logs, signals };
  return running;
}

/** Lets the app end as an administrator would, and waits for the orderly shutdown. */
export async function stop(): Promise<void> {
  const current = running;
  running = null;
  if (current === null || fake.app.quitted) return;
  current.kiosk.guard.allowExit('end of test');
  await vi.waitFor(() => expect(fake.app.quitted).toBe(true), { timeout: 10_000 });
}

export const windowOf = (view: 'console' | 'wall'): fake.FakeBrowserWindow | undefined =>
  fake.FakeBrowserWindow.live().find(
    (w) => w.url.includes(`view=${view}`) || w.options.title === (view === 'wall' ? 'Control-room board · wall' : 'Control-room board'),
  );
export const consoleWindow = (): fake.FakeBrowserWindow => {
  const window = windowOf('console');
  if (window === undefined) throw new Error('no console window');
  return window;
};
/** ipcRenderer.invoke from the console's top frame (the app's own page). */
export const call = (channel: string, ...args: unknown[]) => {
  const contents = consoleWindow().webContents;
  return fake.ipcMain.invokeFrom(contents, contents.mainFrame, channel, ...args) as Promise<{
    ok: boolean;
    value?: unknown;
    error?: { code: string; field?: string };
  }>;
};
export const pushes = (window: fake.FakeBrowserWindow) => window.webContents.sentOn(IPC_PUSH.message) as SubscriptionPush[];

/** Fresh double before each test; the app let go after each. */
export function useKioskApp(): void {
  beforeEach(() => {
    fake.resetFakeElectron();
    delete process.env.KIOSK_USER_DATA_DIR;
  });
  afterEach(stop);
}
