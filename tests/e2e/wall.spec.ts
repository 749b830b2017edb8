import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.js';
import type { RunningHost } from './helpers/host.js';
import { openWall, postCommand, seedRoster } from './helpers/plans.js';

/**
 * The wall display (?view=wall) read from across the room at 1920×1080 (issue 13, points 4, 5, 6
 * and the wall's words of 11): nothing clipped, the right incidents on the tiles, a lost link
 * unmistakable.
 */
test.use({ viewport: { width: 1920, height: 1080 } });
// Up to 20 incidents raised over HTTP and two languages per test.
test.describe.configure({ timeout: 120_000 });

type Lang = 'zh-CN' | 'en';

const LONG = {
  'zh-CN': {
    title: (i: number) => `${i}号厂房二层配电间电缆桥架冒烟并伴有明火，现场人员正在疏散，消防车预计八分钟到达`,
    location: (i: number) => `东区生产基地${i}号厂房二层配电间北侧电缆桥架附近`,
  },
  en: {
    title: (i: number) => `Smoke and open flames from the cable tray in the switch room of building ${i}, staff evacuating`,
    location: (i: number) => `East production site, building ${i}, second floor, north side of the switch room`,
  },
} as const;

const TYPES = ['fire', 'power-outage', 'explosion', 'fall-from-height', 'customer-complaint'] as const;

/** count incidents of mixed types and levels, long words, some worked (calls, roles, acknowledged). */
async function fillWall(host: RunningHost, lang: Lang, count: number): Promise<void> {
  await seedRoster(host);
  for (let i = 1; i <= count; i += 1) {
    const incidentType = TYPES[i % TYPES.length]!;
    const three = incidentType === 'power-outage' || incidentType === 'customer-complaint';
    const { incidentId } = await postCommand(host, {
      type: 'raiseIncident',
      actor: 'Wang Fang',
      incidentType,
      level: three ? 'II' : (['I', 'II', 'III', 'IV'] as const)[i % 4]!,
      title: LONG[lang].title(i),
      location: LONG[lang].location(i),
      drill: i === 3,
    });
    if (i % 3 === 0) await postCommand(host, { type: 'recordCall', actor: 'Wang Fang', incidentId, number: '119', name: 'Fire' });
    if (i % 4 === 0)
      await postCommand(host, { type: 'assignRole', actor: 'Wang Fang', incidentId, position: 'commander', personId: 'li-wei' });
    if (i % 5 === 0) await postCommand(host, { type: 'acknowledge', actor: 'Wang Fang', incidentId });
  }
}

interface Problem {
  readonly tile: string;
  readonly what: string;
  readonly text: string;
}

/**
 * Every tile's lines: each wholly inside the tile or not drawn at all (never half a line); the
 * band's parts, numbers and countdowns never cut (their scrollWidth within their clientWidth and
 * their box inside the line and the tile).
 */
function tileProblems(page: Page): Promise<Problem[]> {
  return page.evaluate(() => {
    const problems: { tile: string; what: string; text: string }[] = [];
    const shown = (el: Element) => el.getClientRects().length > 0;
    for (const tile of Array.from(document.querySelectorAll('.tile'))) {
      const name = tile.getAttribute('aria-label') ?? '';
      const box = tile.getBoundingClientRect();
      const inside = (r: DOMRect) =>
        r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
      const body = tile.querySelector('.tile__body');
      const bodyBox = body?.getBoundingClientRect();
      for (const line of Array.from(body?.children ?? []).filter(shown)) {
        const r = line.getBoundingClientRect();
        if (!inside(r) || (bodyBox !== undefined && r.bottom > bodyBox.bottom + 0.5))
          problems.push({ tile: name, what: 'line cut by the tile edge', text: (line as HTMLElement).innerText });
      }
      const whole = tile.querySelectorAll('.tile__band > *, .countdown, .elapsed, .tile__number, strong');
      for (const el of Array.from(whole).filter(shown)) {
        const r = el.getBoundingClientRect();
        const parent = el.parentElement!.getBoundingClientRect();
        const cut = el.scrollWidth > el.clientWidth + 1 || !inside(r) || r.right > parent.right + 0.5 || r.bottom > parent.bottom + 0.5;
        if (cut) problems.push({ tile: name, what: `${el.className || el.tagName} cut`, text: (el as HTMLElement).innerText });
      }
    }
    if (document.documentElement.scrollHeight > window.innerHeight)
      problems.push({ tile: '', what: 'the wall scrolls', text: String(document.documentElement.scrollHeight) });
    return problems;
  });
}

for (const lang of ['zh-CN', 'en'] as const) {
  for (const count of [12, 20]) {
    test(`at ${count} incidents with long titles no tile clips a line, a number or a countdown (${lang})`, async ({ page, host }) => {
      await fillWall(host, lang, count);
      await openWall(page, host.url, lang);
      await expect(page.locator('.tile')).toHaveCount(12);
      // Twice, a second apart: a countdown that turns over must still fit.
      expect(await tileProblems(page)).toEqual([]);
      await page.waitForTimeout(1100);
      expect(await tileProblems(page)).toEqual([]);

      // One level form on every tile, and countdowns that cannot be read as a time of day.
      const levels = await page.locator('.tile__level').allInnerTexts();
      for (const level of levels) expect(level).toMatch(lang === 'en' ? /^Level (I|II|III|IV)$/ : /^(I|II|III|IV)级$/);
      const countdowns = await page.locator('.tile .countdown').allInnerTexts();
      expect(countdowns.length).toBeGreaterThan(0);
      for (const countdown of countdowns) expect(countdown).toMatch(lang === 'en' ? /^(in \d|due now)/ : /^(还剩 \d|已到时)/);
      await expect(page.locator('.wall__grid')).not.toContainText('(+');
    });
  }
}

test('the tiles go to real, unacknowledged incidents first; the summary names the hidden ones', async ({ page, host }) => {
  const raise = (title: string, level: 'I' | 'II' | 'IV', drill = false) =>
    postCommand(host, { type: 'raiseIncident', actor: 'Wang Fang', incidentType: 'fire', level, title, drill });
  // Gravest of all, but a drill.
  await raise('Evacuation drill', 'I', true);
  const acknowledged: number[] = [];
  for (let i = 1; i <= 4; i += 1) {
    const { incidentId } = await raise(`Hot work permit ${i}`, 'II');
    await postCommand(host, { type: 'acknowledge', actor: 'Wang Fang', incidentId });
    acknowledged.push(i + 1);
  }
  for (let i = 1; i <= 14; i += 1) await raise(`Smoke detector ${i}`, 'IV');
  await openWall(page, host.url, 'en');

  const tiles = page.locator('.tile');
  await expect(tiles).toHaveCount(12);
  // The twelve longest-waiting unacknowledged real alarms, even at level IV.
  for (let i = 1; i <= 12; i += 1) await expect(page.getByRole('article', { name: `No. ${i + 5} Smoke detector ${i}` })).toBeVisible();
  await expect(page.getByRole('article', { name: /Evacuation drill/ })).toHaveCount(0);

  const more = page.locator('.wall__more');
  // Unacknowledged: smoke detectors 13 and 14, and the drill.
  await expect(more).toContainText('+7 more (3 unacknowledged)');
  // Hidden: smoke detectors 13 and 14 (No. 18, 19), the four permits (No. 2–5), the drill (No. 1).
  for (const n of [18, 19, 2, 3, 4, 5]) await expect(more).toContainText(new RegExp(`No\\. ${n}\\b`));
  await expect(more).toContainText(/No\. 1 \(drill\)/);

  await page.goto(`${host.url}?view=wall&lang=zh-CN`);
  await expect(page.locator('.wall__more')).toContainText('另有 7 起（3 起未确认）');
  await expect(page.locator('.wall__more')).toContainText('1号（演练）');
});

for (const lang of ['zh-CN', 'en'] as const) {
  test(`a wall that lost its host says so within 5 s and its countdowns stand still until it is back (${lang})`, async ({ page, host }) => {
    await postCommand(host, { type: 'raiseIncident', actor: 'Wang Fang', incidentType: 'fire', level: 'II', title: 'Fire in warehouse 3' });
    await openWall(page, host.url, lang);
    const countdown = page.locator('.tile .countdown').first();
    const elapsed = page.locator('.tile .elapsed').first();
    const first = await countdown.innerText();
    await expect(countdown).not.toHaveText(first);

    await host.stop();
    const band = page.getByRole('alert').filter({ hasText: lang === 'en' ? 'Connection lost · data as of' : '连接中断 · 数据截至' });
    await expect(band).toBeVisible({ timeout: 5000 });
    await expect(band).toHaveText(lang === 'en' ? /^Connection lost · data as of \d\d:\d\d:\d\d$/ : /^连接中断 · 数据截至 \d\d:\d\d:\d\d$/);
    // Full width, so it reads from across the room.
    const width = await band.evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThanOrEqual(1900);
    const frozen = await countdown.innerText();
    const frozenElapsed = await elapsed.innerText();
    await page.waitForTimeout(2200);
    await expect(countdown).toHaveText(frozen);
    await expect(elapsed).toHaveText(frozenElapsed);
    expect(await page.locator('.tile').evaluate((tile) => Number(getComputedStyle(tile).opacity))).toBeLessThan(1);

    await host.restart();
    await expect(band).toHaveCount(0, { timeout: 10_000 });
    await expect(countdown).not.toHaveText(frozen);
    expect(await page.locator('.tile').evaluate((tile) => Number(getComputedStyle(tile).opacity))).toBe(1);
  });
}
