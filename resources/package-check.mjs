// `npm run package:check`: a whole `electron-builder --dir` run for Linux without downloading
// Electron. The Electron binary is replaced by a stand-in that carries only Electron's fuse wire,
// so everything electron-builder does is real (config, file selection, asar, the afterPack hook
// flipping the fuses) except the program that would run. Then the result is checked.
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asar from '@electron/asar';
import fuses from '@electron/fuses';
import { Arch, build, Platform } from 'electron-builder';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = await mkdtemp(join(tmpdir(), 'kiosk-package-'));
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

try {
  const electronDist = join(work, 'electron-dist');
  await mkdir(electronDist, { recursive: true });
  // Version 1 wire, 8 fuses, all at Electron's shipped defaults except what the hook must change.
  const wire = Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('11110010')]);
  await writeFile(join(electronDist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n#'), wire, Buffer.from('\n')]), {
    mode: 0o755,
  });

  const output = join(work, 'release');
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    config: {
      extends: join(root, 'resources', 'electron-builder.yml'),
      electronDist,
      directories: { output, buildResources: 'resources' },
    },
  });

  const unpacked = join(output, 'linux-unpacked');
  const fuseWire = await fuses.getCurrentFuseWire(join(unpacked, 'control-room-kiosk'));
  const O = fuses.FuseV1Options;
  const off = 0x30;
  const on = 0x31;
  check(fuseWire[O.RunAsNode] === off, 'fuse RunAsNode off');
  check(fuseWire[O.EnableNodeOptionsEnvironmentVariable] === off, 'fuse EnableNodeOptionsEnvironmentVariable off');
  check(fuseWire[O.EnableNodeCliInspectArguments] === off, 'fuse EnableNodeCliInspectArguments off');
  check(fuseWire[O.OnlyLoadAppFromAsar] === on, 'fuse OnlyLoadAppFromAsar on');
  check(fuseWire[O.EnableEmbeddedAsarIntegrityValidation] === on, 'fuse EnableEmbeddedAsarIntegrityValidation on');

  const files = new Set(asar.listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/')));
  for (const needed of [
    '/package.json',
    '/dist/electron/main/main.js',
    '/dist/electron/preload/preload.cjs',
    '/dist/renderer/index.html',
    '/resources/icon.png',
    '/node_modules/electron-store/index.js',
    '/node_modules/zod/package.json',
  ]) {
    check(files.has(needed), `app.asar holds ${needed}`);
  }
  const unwanted = [...files].filter((f) =>
    /\.map$|^\/dist\/electron\/host\/|^\/tests?\/|^\/renderer\/|^\/electron\/|^\/node_modules\/(electron|vite|vitest|typescript|electron-builder)\//.test(
      f,
    ),
  );
  check(
    unwanted.length === 0,
    `app.asar holds no sources, maps, tests, host mode or build tools${unwanted.length ? `: ${unwanted.slice(0, 5).join(', ')}` : ''}`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`${failures.length} packaging check(s) failed`);
  process.exit(1);
}
console.log('packaging checks passed');
