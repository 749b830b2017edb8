import { copyFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ipcMain } from 'electron';
import ElectronStore from 'electron-store';
import { DEFAULT_SHELL_SETTINGS, shellSettingsJsonSchema, type ShellSettings } from '../core/organisation/shell-settings.js';
import type { Settings } from '../core/organisation/settings.js';
import { fileStamp, fsyncDirectory } from '../services/durable-fs.js';
import type { Logger } from '../services/logger.js';
import { settingsJsonSchema, SETTINGS_NAME } from '../services/settings-store.js';

/**
 * The settings files through electron-store, with the same JSON schemas as conf in host mode.
 * Only main.ts imports this module: electron-store loads the real 'electron' package, which the
 * wiring tests replace.
 */

export const SHELL_SETTINGS_NAME = 'kiosk-shell';

/** electron-store registers an IPC listener for renderer-side stores; this app has none, and the
 * contract's channels are the only ones bound. */
const forgetRendererChannel = (): void => void ipcMain.removeAllListeners('electron-store-get-data');

/**
 * The site settings file (settings.json), opened after the services did (they check it and copy a
 * bad one aside first). Main reads it only for the operator PIN hash; conf reads the file anew on
 * every access, so a PIN changed through the `changePin` command counts at once.
 */
export function openSiteSettings(directory: string): () => Settings {
  const { properties, root } = settingsJsonSchema();
  const store = new ElectronStore<Settings>({
    cwd: directory,
    name: SETTINGS_NAME,
    schema: properties as never,
    rootSchema: root,
    clearInvalidConfig: false,
    watch: false,
  });
  forgetRendererChannel();
  return () => store.store;
}

/** kiosk-shell.json; a file that breaks the schema is copied aside, then defaults apply. */
export async function openShellSettingsFile(
  directory: string,
  log: Logger,
  now: () => number = Date.now,
): Promise<ElectronStore<ShellSettings>> {
  const { properties, root } = shellSettingsJsonSchema();
  const open = () =>
    new ElectronStore<ShellSettings>({
      cwd: directory,
      name: SHELL_SETTINGS_NAME,
      schema: properties as never,
      rootSchema: root,
      defaults: DEFAULT_SHELL_SETTINGS,
      clearInvalidConfig: false,
    });
  try {
    return open();
  } catch (error) {
    const file = join(directory, `${SHELL_SETTINGS_NAME}.json`);
    const copy = join(directory, `${SHELL_SETTINGS_NAME}.corrupt-${fileStamp(now())}.json`);
    await copyFile(file, copy);
    await fsyncDirectory(directory);
    await unlink(file);
    log.warn(`${file} could not be used (${(error as Error).message}); copied to ${copy}; defaults in force`);
    return open();
  } finally {
    forgetRendererChannel();
  }
}
