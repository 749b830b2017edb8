import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary =
  { readonly available: true; readonly executablePath: string } | { readonly available: false; readonly reason: string };

/**
 * Where the Electron executable is, found the way the electron package finds it but without
 * importing it (that would try to download one): ELECTRON_OVERRIDE_DIST_PATH first, then
 * node_modules/electron/dist after a finished download.
 */
export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : process.platform === 'win32'
      ? 'electron.exe'
      : 'electron';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const executablePath = join(override, relative);
    return existsSync(executablePath)
      ? { available: true, executablePath }
      : { available: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${executablePath} does not exist` };
  }
  const downloaded = join(pkg, 'dist', relative);
  if (existsSync(downloaded)) return { available: true, executablePath: downloaded };
  return {
    available: false,
    reason:
      'no Electron binary: node_modules/electron/dist was never downloaded and ELECTRON_OVERRIDE_DIST_PATH is not set ' +
      '(point it at an unpacked Electron 45 to run these tests)',
  };
}
