import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { expect, test } from './helpers/fixtures.js';
import type { RunningHost } from './helpers/host.js';
import { openWall, postCommand, seedRoster } from './helpers/plans.js';

/**
 * Pictures of the dispatcher console and the wall display, in Chinese and English, for the
 * README: docs/screenshots/{console,wall}-{zh-CN,en}.png. The scene is set through the host's
 * HTTP API (as another system would), then the pages only look.
 *
 * As with tests/e2e/screenshot.spec.ts, docs/ is rewritten only when asked
 * (UPDATE_DOCS_SCREENSHOT=1), so that ordinary runs leave the work tree clean; they still draw
 * every picture, into the test's output folder.
 */
const DOCS_SHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const shotPath = (name: string) => (process.env.UPDATE_DOCS_SCREENSHOT === '1' ? `${DOCS_SHOTS}${name}` : test.info().outputPath(name));

type Lang = 'zh-CN' | 'en';

const TEXT = {
  'zh-CN': {
    fire: ['三号仓库起火', '三号仓库二区', '货架冒烟，已有明火'],
    injury: ['脚手架高处坠落一人', '四号工地 C 栋'],
    outage: ['东区营业网点停电（演练）', '东区营业网点'],
    complaint: ['柜台多名客户投诉手续费', '营业大厅'],
    forklift: ['叉车液压油泄漏', '一号码头'],
    note: '消防车预计 8 分钟到达',
    operator: '王芳',
  },
  en: {
    fire: ['Fire in warehouse 3', 'Warehouse 3, bay 2', 'Smoke from the racks, open flames seen'],
    injury: ['Worker fell from scaffold', 'Site 4, block C'],
    outage: ['East branch power failure (exercise)', 'East branch'],
    complaint: ['Customers complain about a fee at the counter', 'Main hall'],
    forklift: ['Forklift hydraulic leak', 'Dock 1'],
    note: 'Fire brigade expected in 8 minutes',
    operator: 'Wang Fang',
  },
} as const;

/** A morning on the board: a fire being worked, an injury waiting, a drill, a complaint, a minor leak. */
async function setScene(host: RunningHost, lang: Lang): Promise<string> {
  const x = TEXT[lang];
  const actor = x.operator;
  await seedRoster(host);
  const fire = await postCommand(host, { type: 'raiseIncident', actor, incidentType: 'fire', level: 'II', title: x.fire[0], location: x.fire[1], details: x.fire[2] });
  const id = fire.incidentId;
  await postCommand(host, { type: 'recordCall', actor, incidentId: id, number: '119', name: lang === 'en' ? 'Fire' : '火警' });
  await postCommand(host, { type: 'checkStep', actor, incidentId: id, stepId: 'call-119' });
  await postCommand(host, { type: 'checkStep', actor, incidentId: id, stepId: 'report' });
  await postCommand(host, { type: 'assignRole', actor, incidentId: id, position: 'commander', personId: 'li-wei' });
  await postCommand(host, { type: 'assignRole', actor, incidentId: id, position: 'rescueGroup', personId: 'chen-jie' });
  await postCommand(host, { type: 'acknowledge', actor, incidentId: id });
  await postCommand(host, { type: 'addNote', actor, incidentId: id, text: x.note });
  await postCommand(host, { type: 'raiseIncident', actor, incidentType: 'fall-from-height', level: 'III', title: x.injury[0], location: x.injury[1] });
  await postCommand(host, { type: 'raiseIncident', actor, incidentType: 'power-outage', level: 'III', title: x.outage[0], location: x.outage[1], drill: true });
  const complaint = await postCommand(host, { type: 'raiseIncident', actor, incidentType: 'customer-complaint', level: 'III', title: x.complaint[0], location: x.complaint[1] });
  await postCommand(host, { type: 'acknowledge', actor, incidentId: complaint.incidentId });
  await postCommand(host, { type: 'raiseIncident', actor, incidentType: 'equipment-accident', level: 'IV', title: x.forklift[0], location: x.forklift[1] });
  return id;
}

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
    } finally {
      await context.close();
    }
  });
}
