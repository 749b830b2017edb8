import { app, dialog } from 'electron';
import { fileURLToPath } from 'node:url';
import { startHostServer } from '../services/host-server.js';
import { JournalDamageError } from '../services/journal.js';
import { startKioskServices } from '../services/kiosk-services.js';
import { createLogger } from '../services/logger.js';
import { runKioskApp } from './kiosk-app.js';
import { openShellSettingsFile, openSiteSettings } from './settings-files.js';

/**
 * Composition root of the desktop app: the real services, the real settings files through
 * electron-store, the built renderer and preload. All wiring is in kiosk-app.ts.
 */
const log = createLogger();
const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

runKioskApp({
  log,
  rendererDir: here('../../renderer'),
  preloadPath: here('../preload/preload.cjs'),
  icon: here('../../../resources/icon.png'),
  // No supervisor process in the app: the stall thread records a stuck main process and starts the app again.
  startServices: (dataDir) => startKioskServices(dataDir, log, Date.now, { watchdog: true, relaunchOnStall: true }),
  openSiteSettings,
  openShellSettings: (dataDir) => openShellSettingsFile(dataDir, log),
  startAlarmIntake: (services, port) =>
    startHostServer({
      bus: services.bus,
      status: services.status,
      onStatusChange: (listener) => services.onStatusChange(listener),
      log,
      // The app's own windows use app:// and IPC; this endpoint serves alarm sources and scripts.
      staticDir: null,
      host: '127.0.0.1',
      port,
      token: process.env.KIOSK_INTAKE_TOKEN ?? null,
    }),
}).catch(fatal);

function fatal(error: unknown): void {
  const detail =
    error instanceof JournalDamageError ? `${error.message}\n\nThe file was left as it is. Keep it and ask for help.` : String(error);
  log.error('start-up failed', error);
  dialog.showErrorBox('The control-room board cannot start', detail);
  app.exit(2);
}
