import { test as base } from '@playwright/test';
import { startHost, type RunningHost } from './host.js';

export { expect } from '@playwright/test';

/**
 * `host`: a real host on its own port and fresh journal for each test. When a test fails, what
 * the host printed is attached to the report, so a failure on CI says what the host saw.
 */
export const test = base.extend<{ host: RunningHost }>({
  host: async ({}, use, testInfo) => {
    const host = await startHost();
    try {
      await use(host);
    } finally {
      await host.stop();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('host output', { body: host.output(), contentType: 'text/plain' });
      }
    }
  },
});
