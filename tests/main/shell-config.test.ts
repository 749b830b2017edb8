import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SHELL_SETTINGS, shellSettingsJsonSchema, type ShellSettings } from '../../electron/core/organisation/shell-settings.js';
import { ShellConfig } from '../../electron/main/shell-config.js';
import type { Logger } from '../../electron/services/logger.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const quiet = (lines: string[]): Logger => ({ info: () => undefined, warn: (m) => lines.push(m), error: (m) => lines.push(m) });

describe('the shell settings file', () => {
  it('reads defaults, changes only as a whole valid object, and the file keeps the change', async () => {
    const cwd = await tempDir();
    const { properties, root } = shellSettingsJsonSchema();
    const open = () =>
      new Conf<ShellSettings>({
        cwd,
        configName: 'kiosk-shell',
        schema: properties as never,
        rootSchema: root,
        defaults: DEFAULT_SHELL_SETTINGS,
        clearInvalidConfig: false,
      });
    const config = new ShellConfig(open(), quiet([]));
    expect(config.get()).toEqual({ wallDisplay: 'auto', startAtLogin: true, externalSchemes: [], alarmIntakePort: 8123 });
    expect(config.update({ wallDisplay: 2, externalSchemes: ['sip'] })).toMatchObject({
      ok: true,
      value: { wallDisplay: 2, externalSchemes: ['sip'] },
    });
    expect(config.update({ wallDisplay: -1 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(new ShellConfig(open(), quiet([])).get()).toMatchObject({ wallDisplay: 2, externalSchemes: ['sip'] });
  });

  it('a store that no longer fits the schema gives defaults and one warning, not a crash', () => {
    const lines: string[] = [];
    const config = new ShellConfig({ store: { wallDisplay: 'left', startAtLogin: 'yes' } }, quiet(lines));
    expect(config.get()).toEqual(DEFAULT_SHELL_SETTINGS);
    expect(config.get()).toEqual(DEFAULT_SHELL_SETTINGS);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/kiosk-shell\.json.*wallDisplay/);
  });
});
