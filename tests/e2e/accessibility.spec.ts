import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { fillRaiseForm, openBoard, raiseForm } from './helpers/board.js';
import { expect, test } from './helpers/fixtures.js';
import { openWall, postCommand } from './helpers/plans.js';
import { setScene } from './helpers/scene.js';

// axe-core's checks for WCAG 2.1 A and AA and its best practices (names, roles, contrast,
// landmarks, focus order), run on the real pages in every state a duty officer meets.
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

// Each scan of a full console takes axe a few seconds; a test here makes up to ten.
test.describe.configure({ timeout: 180_000 });

async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(RULES).analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(found, `${where}:\n${found.join('\n')}`).toEqual([]);
}

for (const lang of ['zh-CN', 'en'] as const) {
  const en = lang === 'en';

  test(`the console, its dialogs and the wall pass an automated accessibility check (${lang})`, async ({ page, host, browser }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const fireId = await setScene(host, lang);
    await page.goto(`${host.url}?lang=${lang}`);
    await expect(page.getByRole('status')).toHaveText(en ? 'Online' : '在线');
    await page.locator(`[data-incident-id="${fireId}"] .card__title`).click();
    await expect(page.getByRole('region', { name: en ? 'Timeline' : '时间线' })).toBeVisible();
    await expectAccessible(page, 'console with a selected incident and a drill');

    await page.getByRole('button', { name: en ? /^Shortcuts/ : /^快捷键/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page, 'keyboard help');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.getByRole('button', { name: en ? 'Settings' : '设置', exact: true }).click();
    const tabs = page.getByRole('dialog').getByRole('tab');
    const count = await tabs.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i += 1) {
      await tabs.nth(i).click();
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
      await expectAccessible(page, `settings, tab ${await tabs.nth(i).innerText()}`);
    }
    const types = page.getByRole('dialog').locator('.catalogue__type');
    await page
      .getByRole('dialog')
      .getByRole('tab', { name: en ? 'Plan catalogue' : '预案目录' })
      .click();
    await types.first().click();
    await expect(page.getByRole('dialog').locator('.type-editor')).toBeVisible();
    await expectAccessible(page, 'incident type editor');

    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const wall = await context.newPage();
    await openWall(wall, host.url, lang);
    await expect(wall.locator('.tile')).toHaveCount(5);
    await expectAccessible(wall, 'wall display');
    await context.close();
  });
}

test('an alarm flood, a refused raise and a lost connection pass it too', async ({ page, host }) => {
  await openBoard(page, host.url);
  for (let i = 1; i <= 12; i += 1) {
    await postCommand(host, { type: 'raiseIncident', incidentType: 'fire', level: 'III', title: `Smoke detector ${i}` });
  }
  await expect(page.getByRole('alert').filter({ hasText: /flood/i })).toBeVisible();
  await expectAccessible(page, 'alarm flood');

  // A title of spaces is refused in the board's own words; the field names the refusal.
  await fillRaiseForm(page, { type: 'Fire', title: '   ' });
  await raiseForm(page).getByRole('button', { name: 'Raise incident' }).click();
  await expect(raiseForm(page).getByLabel('Title', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'raise form with a refusal');

  // Offline every command control is disabled; the columns must still scroll from the keyboard.
  await page.locator('.card__title').first().click();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await host.stop();
  await expect(page.getByRole('status')).toHaveText('Connection lost — reconnecting');
  await expectAccessible(page, 'connection lost');
});
