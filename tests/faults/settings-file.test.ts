import fc from 'fast-check';
import { readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StateView } from '../../electron/core/contract/contract.js';
import { DEFAULT_SETTINGS } from '../../electron/core/organisation/settings.js';
import { startHostServer } from '../../electron/services/host-server.js';
import { startKioskServices } from '../../electron/services/kiosk-services.js';
import { createLogger } from '../../electron/services/logger.js';
import {
  currentSettings,
  openSettings,
  SETTINGS_BACKUP,
  SETTINGS_VERSION,
  settingsProblem,
} from '../../electron/services/settings-store.js';
import { useHosts } from '../helpers/host-fixture.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const startHost = useHosts();
const CLOCK = () => Date.UTC(2026, 10, 29, 8, 0, 0);
const COPY = 'settings.corrupt-2026-11-29T08-00-00-000Z.json';
const GOOD = {
  siteName: 'Plant 2 duty room',
  operatorName: 'Duty officer Wang',
  contacts: [{ name: 'Power company', number: '95598', note: '' }],
};

/** A data directory whose last session saved GOOD (so settings.backup.json holds it). */
async function savedSession(): Promise<{ dir: string; good: Buffer }> {
  const dir = await tempDir();
  const { store } = await openSettings(dir);
  store.set(GOOD);
  const good = await readFile(join(dir, 'settings.json'));
  expect(await readFile(join(dir, SETTINGS_BACKUP))).toEqual(good);
  return { dir, good };
}

const BAD_FILES: readonly [string, (good: Buffer) => Buffer, RegExp][] = [
  ['empty', () => Buffer.alloc(0), /the file is empty/],
  ['truncated', (good) => good.subarray(0, Math.floor(good.length / 2)), /not valid JSON/],
  ['random bytes', () => Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x80, 0x9c, 0x7b, 0x22]), /not valid JSON: the file is not UTF-8/],
  ['not an object', () => Buffer.from('[1, 2, 3]'), /must be a JSON object/],
  [
    'schema-violating (wrong value)',
    (good) => Buffer.from(JSON.stringify({ ...JSON.parse(good.toString()), language: 'fr' })),
    /field language/,
  ],
  [
    'schema-violating (wrong type)',
    (good) => Buffer.from(JSON.stringify({ ...JSON.parse(good.toString()), contacts: 'none' })),
    /field contacts/,
  ],
  [
    'schema-violating (unknown field)',
    (good) => Buffer.from(JSON.stringify({ ...JSON.parse(good.toString()), colour: 'red' })),
    /field colour: unknown field/,
  ],
  [
    'from a future version',
    (good) => Buffer.from(JSON.stringify({ ...JSON.parse(good.toString()), version: SETTINGS_VERSION + 1, shiftPattern: '4-on-4-off' })),
    /newer version of the program \(settings version 2; this one reads up to 1\)/,
  ],
  ['with a nonsense version', (good) => Buffer.from(JSON.stringify({ ...JSON.parse(good.toString()), version: 'two' })), /field version/],
];

describe('a bad settings file at start-up', () => {
  it.each(BAD_FILES)('%s: kept aside, the last good backup is in force, a warning says so', async (_, spoil, reason) => {
    const { dir, good } = await savedSession();
    const bad = spoil(good);
    await writeFile(join(dir, 'settings.json'), bad);

    const opened = await openSettings(dir, CLOCK);
    expect(currentSettings(opened.store)).toMatchObject(GOOD);
    expect(opened.warnings).toHaveLength(1);
    expect(opened.warnings[0]).toMatchObject({ kind: 'settingsCorrupt', file: join(dir, 'settings.json'), copy: join(dir, COPY) });
    expect(opened.warnings[0]!.message).toMatch(reason);
    expect(opened.warnings[0]!.message).toContain(`the last good copy (${join(dir, SETTINGS_BACKUP)}) is in force`);
    expect(await readFile(join(dir, COPY))).toEqual(bad); // the bad bytes are kept as they were
    expect(await readFile(join(dir, 'settings.json'))).toEqual(good); // the backup was put back in place

    // the next start is clean
    const next = await openSettings(dir, CLOCK);
    expect(next.warnings).toEqual([]);
    expect(currentSettings(next.store)).toMatchObject(GOOD);
  });

  it.each(BAD_FILES)('%s, and no backup: kept aside, defaults are in force, a warning says so', async (_, spoil, reason) => {
    const { dir, good } = await savedSession();
    await rm(join(dir, SETTINGS_BACKUP));
    const bad = spoil(good);
    await writeFile(join(dir, 'settings.json'), bad);

    const opened = await openSettings(dir, CLOCK);
    expect(currentSettings(opened.store)).toEqual(DEFAULT_SETTINGS);
    expect(opened.warnings).toHaveLength(1);
    expect(opened.warnings[0]!.message).toMatch(reason);
    expect(opened.warnings[0]!.message).toContain('defaults are in force (there is no backup)');
    expect(await readFile(join(dir, COPY))).toEqual(bad);
  });

  it('a bad file and a bad backup: both kept aside, defaults, the warning names both', async () => {
    const { dir } = await savedSession();
    await writeFile(join(dir, 'settings.json'), '{"siteName": ');
    await writeFile(join(dir, SETTINGS_BACKUP), '');
    const opened = await openSettings(dir, CLOCK);
    expect(currentSettings(opened.store)).toEqual(DEFAULT_SETTINGS);
    expect(opened.warnings[0]!.message).toMatch(
      /defaults are in force \(the backup could not be used either \(the file is empty; kept as .*settings\.backup-corrupt-/,
    );
    expect((await readdir(dir)).filter((f) => f.includes('corrupt')).sort()).toEqual([
      'settings.backup-corrupt-2026-11-29T08-00-00-000Z.json',
      COPY,
    ]);
  });

  it('a missing settings file with a good backup: the backup is put back, and said so', async () => {
    const { dir, good } = await savedSession();
    await rm(join(dir, 'settings.json'));
    const opened = await openSettings(dir, CLOCK);
    expect(currentSettings(opened.store)).toMatchObject(GOOD);
    expect(opened.warnings[0]!.message).toMatch(/settings could not be used \(.*\); the last good copy/);
    expect(await readFile(join(dir, 'settings.json'))).toEqual(good);
  });

  it('truncated at many offsets and random bytes (property): never a silent reset, never a crash', async () => {
    const { dir, good } = await savedSession();
    const spoiled = fc.oneof(
      fc.integer({ min: 0, max: good.length - 1 }).map((cut) => good.subarray(0, cut)),
      fc.uint8Array({ minLength: 0, maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(spoiled, async (bad) => {
        run += 1;
        await writeFile(join(dir, 'settings.json'), bad);
        const clock = () => CLOCK() + run;
        const opened = await openSettings(dir, clock);
        if (settingsProblem(bad) === null) {
          expect(opened.warnings).toEqual([]); // (random bytes that happen to be valid settings)
          await writeFile(join(dir, SETTINGS_BACKUP), good); // they became the backup: put the good one back
          return;
        }
        expect(opened.warnings).toHaveLength(1);
        expect(currentSettings(opened.store)).toMatchObject(GOOD);
        expect(await readFile(opened.warnings[0]!.copy!)).toEqual(bad);
      }),
      { numRuns: 15 },
    );
  });

  it('a file written before `version` existed still loads, and is then written with it', async () => {
    const dir = await tempDir();
    const old = { siteName: 'Plant 2', language: 'en', operatorName: '', contacts: [] };
    await writeFile(join(dir, 'settings.json'), JSON.stringify(old));
    const opened = await openSettings(dir, CLOCK);
    expect(opened.warnings).toEqual([]);
    expect(currentSettings(opened.store)).toMatchObject(old);
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ ...old, version: SETTINGS_VERSION });
  });

  it('the backup follows every change, written atomically beside the file', async () => {
    const { dir } = await savedSession();
    const { store } = await openSettings(dir);
    store.set('siteName', 'Plant 3');
    expect(await readFile(join(dir, SETTINGS_BACKUP), 'utf8')).toBe(await readFile(join(dir, 'settings.json'), 'utf8'));
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('a settings file spoiled while running: views keep the last good settings instead of failing', async () => {
    const { dir } = await savedSession();
    const { store } = await openSettings(dir);
    expect(currentSettings(store)).toMatchObject(GOOD);
    await writeFile(join(dir, 'settings.json'), '{"siteName": ');
    expect(currentSettings(store)).toMatchObject(GOOD);
  });

  it('the board shows the warning (GET /api/v1/state)', async () => {
    const { dir } = await savedSession();
    await writeFile(join(dir, 'settings.json'), 'garbage');
    const log = createLogger(() => {});
    const services = await startKioskServices(dir, log, CLOCK);
    const server = await startHostServer({
      bus: services.bus,
      status: services.status,
      log,
      staticDir: null,
      host: '127.0.0.1',
      port: 0,
      token: null,
    });
    try {
      const view = ((await (await fetch(new URL('/api/v1/state', server.url))).json()) as { value: StateView }).value;
      expect(view.status.warnings).toEqual([expect.objectContaining({ kind: 'settingsCorrupt', copy: join(dir, COPY) })]);
      expect(view.status.settings).toMatchObject({ siteName: GOOD.siteName });
    } finally {
      await server.close();
      await services.close();
    }
  });
});

describe('a full disk while saving settings', () => {
  it('updateSettings answers 503 storage naming settings.json, changes nothing and leaves no temporary file', async () => {
    const { dir, good } = await savedSession();
    const { services, url } = await startHost(dir);
    // The kernel's own ENOSPC: the temporary file the write goes to is /dev/full.
    const temporary = join(dir, `settings.json.tmp-${process.pid}`);
    await symlink('/dev/full', temporary);
    const answer = await fetch(new URL('/api/v1/commands', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'updateSettings', settings: { siteName: 'Changed on a full disk' } }),
    });
    expect(answer.status).toBe(503);
    const body = (await answer.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('storage');
    expect(body.error.message).toMatch(/settings\.json.*ENOSPC/);
    expect((await readdir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
    expect(await readFile(join(dir, 'settings.json'))).toEqual(good);
    expect(services.status().settings.siteName).toBe(GOOD.siteName);
  });
});
