import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { expect, test } from './helpers/fixtures.js';
import { openWall } from './helpers/plans.js';
import { addToScene, setScene } from './helpers/scene.js';

/**
 * Pictures of the dispatcher console and the wall display, in Chinese and English, for the
 * README: docs/screenshots/{console,wall}-{zh-CN,en}.png, and of a busy shift:
 * console-20-{lang}.png (20 incidents) and wall-12-{lang}.png (12). The scene is set through the host's
 * HTTP API (as another system would), then the pages only look.
 *
 * As with tests/e2e/screenshot.spec.ts, docs/ is rewritten only when asked
 * (UPDATE_DOCS_SCREENSHOT=1), so that ordinary runs leave the work tree clean; they still draw
 * every picture, into the test's output folder.
 */
const DOCS_SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const shotPath = (name: string) => (process.env.UPDATE_DOCS_SCREENSHOT === '1' ? `${DOCS_SHOTS}${name}` : test.info().outputPath(name));

/** Nothing focused or hovered, no animation mid-flash: the picture shows the board itself. */
async function still(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(1, 1);
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`console and wall screenshots (${lang})`, async ({ browser, host }) => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: lang, timezoneId: 'Asia/Shanghai' });
    try {
      const fireId = await setScene(host, lang);
      const page = await context.newPage();
      await page.goto(`${host.url}?lang=${lang}`);
      await expect(page.getByRole('status')).toHaveText(lang === 'en' ? 'Online' : '在线');
      const board = page.getByRole('region', { name: lang === 'en' ? 'Incident board' : '事件看板' });
      await expect(board.getByRole('article')).toHaveCount(5);
      // Select the fire: its card is clicked outside any button.
      await page.locator(`[data-incident-id="${fireId}"] .card__title`).click();
      await expect(page.getByRole('region', { name: lang === 'en' ? 'Timeline' : '时间线' })).toBeVisible();
      await still(page);
      await page.screenshot({ path: shotPath(`console-${lang}.png`), animations: 'disabled' });

      const wall = await context.newPage();
      await openWall(wall, host.url, lang);
      await expect(wall.locator('.tile')).toHaveCount(5);
      await still(wall);
      await wall.screenshot({ path: shotPath(`wall-${lang}.png`), animations: 'disabled' });
      // The wall fits the screen: nothing scrolls.
      const overflow = await wall.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      expect(overflow).toBeLessThanOrEqual(0);

      // A busy shift: twelve on the wall, then twenty on the console.
      await addToScene(host, lang, 5, 12);
      await expect(wall.locator('.tile')).toHaveCount(12);
      await still(wall);
      await wall.screenshot({ path: shotPath(`wall-12-${lang}.png`), animations: 'disabled' });
      await addToScene(host, lang, 12, 20);
      await expect(board.getByRole('article')).toHaveCount(20);
      // The fire stays picked: its card and plan fill the middle.
      await expect(page.getByRole('region', { name: /^(Incident details|事件详情): / })).toContainText(
        lang === 'en' ? 'Fire in warehouse 3' : '三号仓库起火',
      );
      // Every line fits its column, countdowns of hours included ("in 1 h 59 min").
      const overflowing = await board.evaluate((region) =>
        Array.from(region.querySelectorAll('article'))
          .filter((row) => row.scrollWidth > row.clientWidth)
          .map((row) => row.getAttribute('aria-label')),
      );
      expect(overflowing).toEqual([]);
      await still(page);
      await page.screenshot({ path: shotPath(`console-20-${lang}.png`), animations: 'disabled' });
    } finally {
      await context.close();
    }
  });
}
