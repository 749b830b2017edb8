import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../electron/core/organisation/settings.js';
import { currentSettings, openSettings } from '../../electron/services/settings-store.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('settings', () => {
  it('starts with defaults (zh-CN) and keeps what was saved', async () => {
    const dir = await tempDir();
    const first = await openSettings(dir);
    expect(currentSettings(first.store)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.language).toBe('zh-CN');
    first.store.set('siteName', 'Plant 2 duty room');
    first.store.set('contacts', [{ name: 'Power company', number: '95598', note: '' }]);

    const again = await openSettings(dir);
    expect(again.warnings).toEqual([]);
    expect(currentSettings(again.store)).toMatchObject({
      siteName: 'Plant 2 duty room',
      contacts: [{ name: 'Power company', number: '95598', note: '' }],
    });
  });

  it('refuses a value that breaks the schema instead of storing it', async () => {
    const dir = await tempDir();
    const { store } = await openSettings(dir);
    expect(() => store.set('language', 'fr' as never)).toThrow(/language/);
    expect(currentSettings(store).language).toBe('zh-CN');
  });

  it.each([
    ['not JSON', '{"siteName": "Plant 2",', /not valid JSON/],
    ['a wrong field', JSON.stringify({ siteName: 'Plant 2', language: 'fr' }), /field language/],
    ['an unknown field', JSON.stringify({ siteName: 'Plant 2', colour: 'red' }), /field \(root\)|colour/],
  ])('copies %s aside before anything else, runs on defaults and says where the copy is', async (_, content, reason) => {
    const dir = await tempDir();
    const path = join(dir, 'settings.json');
    await writeFile(path, content);

    const opened = await openSettings(dir, () => Date.UTC(2026, 10, 29, 8, 0, 0));
    expect(currentSettings(opened.store)).toEqual(DEFAULT_SETTINGS);
    expect(opened.warnings).toHaveLength(1);
    const warning = opened.warnings[0]!;
    expect(warning).toMatchObject({ kind: 'settingsCorrupt', file: path });
    expect(warning.message).toMatch(reason);
    expect(warning.copy).toBe(join(dir, 'settings.corrupt-2026-11-29T08-00-00-000Z.json'));
    expect(await readFile(warning.copy!, 'utf8')).toBe(content);
  });
});
