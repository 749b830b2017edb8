import Conf from 'conf';
import { copyFile, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { HostWarning } from '../core/contract/contract.js';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../core/organisation/settings.js';
import {
  ensureDirectory,
  fileStamp,
  fsyncDirectory,
  nodeRenames,
  writeFileAtomic,
  writeFileAtomicSync,
  type RenameLayer,
} from './durable-fs.js';

export const SETTINGS_NAME = 'settings';
export const SETTINGS_BACKUP = `${SETTINGS_NAME}.backup.json`;
/**
 * The settings file format this program writes and reads. A file without `version` is version 1
 * (written before the field existed); a higher one was written by a newer program and is not
 * guessed at: it is kept aside like a damaged file.
 */
export const SETTINGS_VERSION = 1;

/** The same JSON schema drives conf here and electron-store in the Electron shell. */
export function settingsJsonSchema(): { properties: Record<string, object>; root: object } {
  const schema = z.toJSONSchema(settingsSchema, { target: 'draft-2020-12', io: 'input' }) as {
    properties: Record<string, object>;
    additionalProperties?: boolean;
  };
  const version = { type: 'integer', minimum: 1, maximum: SETTINGS_VERSION };
  return { properties: { ...schema.properties, version }, root: { additionalProperties: false } };
}

export interface OpenedSettings {
  readonly store: Conf<Settings>;
  readonly warnings: HostWarning[];
}

export interface SettingsOptions {
  /** the rename step of every atomic write; tests inject EPERM/EXDEV here */
  readonly files?: RenameLayer;
}

/**
 * Opens the settings file with conf (electron-store's engine). A file that is empty, not JSON,
 * breaks the schema or comes from a newer version is copied aside before anything touches it;
 * the last good copy (`settings.backup.json`, rewritten atomically after every successful load
 * and change) is put in its place, or defaults when there is none, and the board says which and
 * where the bad file went. It is never silently reset.
 */
export async function openSettings(
  directory: string,
  now: () => number = Date.now,
  options: SettingsOptions = {},
): Promise<OpenedSettings> {
  const files = options.files ?? nodeRenames;
  await ensureDirectory(directory);
  const path = join(directory, `${SETTINGS_NAME}.json`);
  const backupPath = join(directory, SETTINGS_BACKUP);
  const warnings: HostWarning[] = [];
  const main = await checkSettingsFile(path);
  const backup = main.problem === null ? null : await checkSettingsFile(backupPath);
  const firstStart = main.bytes === null && backup?.bytes === null;
  if (backup !== null && !firstStart) {
    const stamp = fileStamp(now());
    let copy: string | undefined;
    if (main.bytes !== null) {
      copy = join(directory, `${SETTINGS_NAME}.corrupt-${stamp}.json`);
      await copyFile(path, copy);
      await fsyncDirectory(directory);
      await unlink(path);
    }
    let inForce: string;
    if (backup.problem === null && backup.bytes !== null) {
      await writeFileAtomic(path, backup.bytes, files);
      inForce = `the last good copy (${backupPath}) is in force`;
    } else {
      let backupNote = 'there is no backup';
      if (backup.bytes !== null) {
        const backupCopy = join(directory, `${SETTINGS_NAME}.backup-corrupt-${stamp}.json`);
        await copyFile(backupPath, backupCopy);
        await fsyncDirectory(directory);
        backupNote = `the backup could not be used either (${backup.problem ?? 'unknown'}; kept as ${backupCopy})`;
      }
      inForce = `defaults are in force (${backupNote})`;
    }
    warnings.push({
      kind: 'settingsCorrupt',
      file: path,
      ...(copy === undefined ? {} : { copy }),
      message:
        main.bytes === null
          ? `settings could not be used (${main.problem}); ${inForce}`
          : `settings could not be used (${main.problem}); ${inForce}; the old file was kept`,
    });
  }
  const store = createStore(directory, path, backupPath, files);
  // Refresh the backup from what was just loaded (and validated by conf) if it differs.
  const loaded = await readFile(path);
  const previous = await readFile(backupPath).catch(() => null);
  if (previous === null || !previous.equals(loaded)) await writeFileAtomic(backupPath, loaded, files);
  return { store, warnings };
}

/** The settings without the file's own `version` field; the last good value if the file has gone bad since. */
export function currentSettings(store: Conf<Settings>): Settings {
  try {
    const { version: _version, ...settings } = store.store as Settings & { version?: number };
    const parsed = settingsSchema.parse(settings);
    lastGood.set(store, parsed);
    return parsed;
  } catch (error) {
    const fallback = lastGood.get(store);
    if (fallback === undefined) throw error;
    return fallback;
  }
}

const lastGood = new WeakMap<object, Settings>();

/**
 * conf writes atomically through `atomically`, but falls back to a plain, non-atomic write when
 * the rename fails with EXDEV. Here every write goes through writeFileAtomicSync (retries, then an
 * AtomicWriteError; no fallback), and the backup is rewritten after the file.
 */
function createStore(directory: string, path: string, backupPath: string, files: RenameLayer): Conf<Settings> {
  class DurableConf extends Conf<Settings> {}
  Object.defineProperty(DurableConf.prototype, '_write', {
    value(this: { _serialize(value: unknown): string }, value: unknown): void {
      const data = this._serialize(value);
      writeFileAtomicSync(path, data, files);
      try {
        writeFileAtomicSync(backupPath, data, files);
      } catch (error) {
        throw new Error(
          `settings were saved to ${path}, but the backup copy ${backupPath} could not be updated: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
    },
  });
  const { properties, root } = settingsJsonSchema();
  return new DurableConf({
    cwd: directory,
    configName: SETTINGS_NAME,
    projectName: 'control-room-kiosk',
    schema: properties as never,
    rootSchema: root,
    defaults: { version: SETTINGS_VERSION, ...DEFAULT_SETTINGS } as Settings,
    clearInvalidConfig: false,
  });
}

interface FileCheck {
  /** null when the file is absent */
  readonly bytes: Buffer | null;
  /** null when the file is usable; otherwise what is wrong, naming the field */
  readonly problem: string | null;
}

async function checkSettingsFile(path: string): Promise<FileCheck> {
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (bytes === null) return { bytes, problem: 'the file is missing' };
  return { bytes, problem: settingsProblem(bytes) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What is wrong with the bytes of a settings file, or null. */
export function settingsProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'the file is empty';
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return 'not valid JSON: the file is not UTF-8 text';
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'field (root): must be a JSON object';
  const { version, ...settings } = json as Record<string, unknown>;
  if (version !== undefined) {
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return 'field version: must be a whole number from 1';
    if (version > SETTINGS_VERSION) {
      return `written by a newer version of the program (settings version ${version}; this one reads up to ${SETTINGS_VERSION})`;
    }
  }
  const parsed = settingsSchema.safeParse(settings);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys') return `field ${[...issue.path, issue.keys[0]].join('.')}: unknown field`;
  return `field ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}
