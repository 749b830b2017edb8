import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Journal and host tests fsync real files and spawn real processes: give them room on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
