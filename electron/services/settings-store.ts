import Conf from 'conf';
import { copyFile, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { HostWarning } from '../core/contract.js';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../core/settings.js';
import { ensureDirectory, fileStamp, fsyncDirectory } from './durable-fs.js';

export const SETTINGS_NAME = 'settings';

/** The same JSON schema drives conf here and electron-store in the Electron shell. */
export function settingsJsonSchema(): { properties: Record<string, object>; root: object } {
  const schema = z.toJSONSchema(settingsSchema, { target: 'draft-2020-12', io: 'input' }) as {
    properties: Record<string, object>;
    additionalProperties?: boolean;
  };
  return { properties: schema.properties, root: { additionalProperties: false } };
}

export interface OpenedSettings {
  readonly store: Conf<Settings>;
  readonly warnings: HostWarning[];
}

/**
 * Opens the settings file with conf (electron-store's engine). A file that is not valid JSON or
 * breaks the schema is copied aside before anything touches it; the app then runs on defaults
 * and the board says where the copy is. It is never silently reset.
 */
export async function openSettings(directory: string, now: () => number = Date.now): Promise<OpenedSettings> {
  await ensureDirectory(directory);
  const path = join(directory, `${SETTINGS_NAME}.json`);
  const warnings: HostWarning[] = [];
  const problem = await checkSettingsFile(path);
  if (problem !== null) {
    const copy = join(directory, `${SETTINGS_NAME}.corrupt-${fileStamp(now())}.json`);
    await copyFile(path, copy);
    await fsyncDirectory(directory);
    await unlink(path);
    warnings.push({
      kind: 'settingsCorrupt',
      file: path,
      copy,
      message: `settings could not be used (${problem}); defaults are in force; the old file was kept`,
    });
  }
  const { properties, root } = settingsJsonSchema();
  const store = new Conf<Settings>({
    cwd: directory,
    configName: SETTINGS_NAME,
    projectName: 'control-room-kiosk',
    schema: properties as never,
    rootSchema: root as never,
    defaults: DEFAULT_SETTINGS,
    clearInvalidConfig: false,
  });
  return { store, warnings };
}

export const currentSettings = (store: Conf<Settings>): Settings => settingsSchema.parse(store.store);

/** null when the file is absent or fine; otherwise what is wrong, naming the field. */
async function checkSettingsFile(path: string): Promise<string | null> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
  const parsed = settingsSchema.safeParse(json);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `field ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}
