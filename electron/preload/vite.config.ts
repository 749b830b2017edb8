import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The sandboxed preload must be one CommonJS file: Electron loads it with a restricted require that
// knows only 'electron' and a few polyfills, so the core's channel names are bundled in.
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    lib: {
      entry: fileURLToPath(new URL('./preload.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    outDir: fileURLToPath(new URL('../../dist/electron/preload', import.meta.url)),
    emptyOutDir: false,
    target: 'chrome140',
    minify: false,
    sourcemap: true,
    rollupOptions: { external: ['electron'] },
  },
});
