import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { findElectronBinary } from './electron-binary.js';

// The real desktop app under Playwright's Electron driver (`npm run test:electron`). It needs an
// Electron binary (ELECTRON_OVERRIDE_DIST_PATH, or node_modules/electron/dist from a finished
// download) and a build (`npm run build`); without a binary every test reports itself skipped.
const binary = findElectronBinary(fileURLToPath(new URL('../..', import.meta.url)));
if (!binary.available && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(`Electron e2e suite skipped: ${binary.reason}`);
}

export default defineConfig({
  testDir: '.',
  workers: 1,
  reporter: 'list',
  timeout: 90_000,
  use: { trace: 'retain-on-failure' },
});
