/**
 * Packaging, as far as it can be proven without an Electron download: the electron-builder
 * configuration passes electron-builder's own loader and schema, targets what the issue asks for,
 * and the afterPack hook's fuse settings flip a fuse wire the way they should (on a synthetic
 * binary carrying Electron's fuse sentinel, with the real @electron/fuses).
 * `npm run package:check` goes further: a whole `electron-builder --dir` run on such a binary.
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const tempDir = useTempDirs();
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The bytes of a fuse's state in the wire ('0' and '1'). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;

describe('electron-builder configuration', () => {
  it("passes electron-builder's loader and schema, with AppImage, deb, nsis, the icon and the fuse hook", async () => {
    const config = await getConfig(ROOT, join(ROOT, 'resources', 'electron-builder.yml'), null);
    await validateConfiguration(config, new DebugLogger(false));
    const targets = (platform: unknown) => (platform as { target: { target: string }[] }).target.map((t) => t.target);
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targets(config.win)).toEqual(['nsis']);
    expect(config.linux?.icon).toBe('resources/icon.png');
    expect(config.win?.icon).toBe('resources/icon.png');
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe('resources/after-pack.cjs');
    expect(config.directories?.buildResources).toBe('resources');
    const files = (config.files as { filter: string[] }[]).flatMap((f) => f.filter);
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/electron/preload/preload.cjs',
        'dist/renderer/**',
        'resources/icon.png',
        '!**/*.map',
        '!dist/electron/host/**',
      ]),
    );
  });

  it('the icon is a 512×512 PNG', async () => {
    const { readFile } = await import('node:fs/promises');
    const png = await readFile(join(ROOT, 'resources', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});

describe('the fuses flipped after packing', () => {
  it('RunAsNode, NODE_OPTIONS and --inspect off; asar-only and asar integrity on', async () => {
    const hook = require(join(ROOT, 'resources', 'after-pack.cjs')) as { FUSES: Parameters<typeof flipFuses>[1]; default: unknown };
    expect(typeof hook.default).toBe('function');
    const binary = join(await tempDir(), 'control-room-kiosk');
    // Electron's wire as shipped: version 1, 8 fuses, each '1' or '0'.
    await writeFile(
      binary,
      Buffer.concat([Buffer.from('ELF…'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('11110010'), Buffer.from('…')]),
    );
    await flipFuses(binary, hook.FUSES);
    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });
});
