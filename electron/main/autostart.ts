import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { App } from 'electron';
import type { Logger } from '../services/logger.js';
import { autostartPath, desktopEntry, loginCommand } from './autostart-entry.js';

export interface AutostartEnvironment {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  readonly execPath: string;
}

/**
 * Start at login, as the shell setting says: a login item on Windows and macOS, an XDG autostart
 * entry on Linux (written or removed here).
 */
export async function applyStartAtLogin(
  enabled: boolean,
  app: Pick<App, 'setLoginItemSettings' | 'isPackaged' | 'getAppPath' | 'getName'>,
  environment: AutostartEnvironment,
  log: Logger,
): Promise<void> {
  const command = loginCommand({
    execPath: environment.execPath,
    appImage: environment.env.APPIMAGE,
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
  });
  if (environment.platform === 'win32' || environment.platform === 'darwin') {
    const [path, ...args] = command;
    app.setLoginItemSettings({ openAtLogin: enabled, ...(environment.platform === 'win32' ? { path, args } : {}) });
    log.info(`start at login ${enabled ? 'on' : 'off'} (login item)`);
    return;
  }
  if (environment.platform !== 'linux') return;
  const file = autostartPath(environment.env, environment.home);
  if (enabled) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(
      file,
      desktopEntry({ name: 'Control-room board', comment: 'Emergency response board of the control room', exec: command }),
      {
        mode: 0o644,
      },
    );
    log.info(`start at login on (${file})`);
  } else {
    await rm(file, { force: true });
    log.info(`start at login off (${file} removed)`);
  }
}
