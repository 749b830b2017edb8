/**
 * The preload as Electron loads it in a sandboxed renderer: one CommonJS file, built by
 * `npm run build:preload` (electron/preload/vite.config.ts), whose `require` knows only 'electron'.
 * The test builds it into a temp folder and runs it in a fresh V8 context with exactly that.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { IPC_INVOKE, KIOSK_API_FUNCTIONS } from '../../electron/core/contract/ipc-contract.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tempDir = useTempDirs();

describe('the preload bundle', () => {
  it('is one CommonJS file that needs only electron and exposes only kioskApi', async () => {
    const outDir = await tempDir();
    await build({
      configFile: join(ROOT, 'electron', 'preload', 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, sourcemap: false },
    });
    const code = await readFile(join(outDir, 'preload.cjs'), 'utf8');

    expect([...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s|^\s*export\s/m);
    expect(code).not.toMatch(/ZodError|safeParse/); // the schemas stay in main
    expect(code.length).toBeLessThan(20_000);

    const exposed = new Map<string, Record<string, unknown>>();
    const invoked: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: (channel: string) => {
          invoked.push(channel);
          return Promise.resolve({ ok: true, value: null });
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`module not found: ${name}`);
    };
    // Electron wraps a sandboxed preload like this; there is no Node, no file system.
    const wrapper = vm.runInNewContext(`(function (require, process, exports, module) {\n${code}\n})`, { Math, Promise, Map, console });
    const module = { exports: {} };
    wrapper(sandboxRequire, { platform: 'linux' }, module.exports, module);

    expect([...exposed.keys()]).toEqual(['kioskApi']);
    const api = exposed.get('kioskApi') as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...KIOSK_API_FUNCTIONS].sort());
    await api.getStatus?.();
    expect(invoked).toEqual([IPC_INVOKE.getStatus]);
  });
});
