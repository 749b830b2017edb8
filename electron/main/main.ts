import { app, BrowserWindow, dialog } from 'electron';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startHostServer } from '../services/host-server.js';
import { JournalDamageError } from '../services/journal.js';
import { startKioskServices } from '../services/kiosk-services.js';
import { createLogger } from '../services/logger.js';

/**
 * Composition root of the desktop app. For now the shell runs the same services as host mode and
 * shows the board from a loopback-only server guarded by a per-launch token; the preload bridge,
 * kiosk windows and hardening come with the Electron shell issue.
 */
const log = createLogger();

if (!app.requestSingleInstanceLock()) app.quit();
else app.whenReady().then(start, fatal);

async function start(): Promise<void> {
  const services = await startKioskServices(app.getPath('userData'), log);
  const token = randomBytes(24).toString('hex');
  const server = await startHostServer({
    bus: services.bus,
    status: services.status,
    log,
    staticDir: join(app.getAppPath(), 'dist', 'renderer'),
    host: '127.0.0.1',
    port: 0,
    token,
  });
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, backgroundThrottling: false },
  });
  window.once('ready-to-show', () => window.show());
  await window.loadURL(`${server.url}?token=${token}`);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('before-quit', () => {
    void server.close().then(() => services.close());
  });
}

function fatal(error: unknown): void {
  const detail = error instanceof JournalDamageError ? `${error.message}\n\nThe file was left as it is. Keep it and ask for help.` : String(error);
  log.error('start-up failed', error);
  dialog.showErrorBox('The control-room board cannot start', detail);
  app.exit(2);
}
