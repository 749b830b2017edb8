import type { Page } from '@playwright/test';
import { incidentBoard, raiseForm } from './helpers/board.js';
import { expect, test } from './helpers/fixtures.js';
import { detailPane, postCommand } from './helpers/plans.js';
import type { RunningHost } from './helpers/host.js';

/**
 * The console on a 1920×1080 screen during a busy shift (issue 13, point 1): it never scrolls
 * as a page, every incident fits on one line, and the middle pane always shows an incident.
 */
test.use({ viewport: { width: 1920, height: 1080 } });

/** How far the document itself can scroll, and where it is: both must stay 0. */
const pageScroll = (page: Page) =>
  page.evaluate(() => ({
    scrollY: window.scrollY,
    overflow: document.documentElement.scrollHeight - window.innerHeight,
  }));

async function raiseMany(host: RunningHost, count: number): Promise<void> {
  for (let i = 1; i <= count; i += 1) {
    await postCommand(host, {
      type: 'raiseIncident',
      actor: 'Guard Li',
      incidentType: i % 2 === 0 ? 'injury' : 'fire',
      level: i % 3 === 0 ? 'III' : 'IV',
      title: `Smoke reported in storeroom ${String(i).padStart(2, '0')} of the east warehouse, second floor`,
      location: `Warehouse east, floor 2, room ${i}`,
    });
  }
}

test('at 22 incidents the console does not scroll as a page and shows every incident on one line', async ({ page, host }) => {
  await raiseMany(host, 21);
  await postCommand(host, { type: 'raiseIncident', actor: 'Guard Li', incidentType: 'explosion', level: 'I', title: 'Boiler explosion' });
  await page.goto(`${host.url}?lang=en`);
  await expect(page.getByRole('status')).toHaveText('Online');
  const rows = incidentBoard(page).getByRole('article');
  await expect(rows).toHaveCount(22);

  // A turn of the wheel over the header and over the board leaves the page where it is.
  await page.mouse.move(900, 20);
  await page.mouse.wheel(0, 3000);
  await page.mouse.move(200, 600);
  await page.mouse.wheel(0, 3000);
  await page.keyboard.press('End');
  await expect.poll(() => pageScroll(page)).toEqual({ scrollY: 0, overflow: 0 });

  // Dense: one line per incident, so that at least 20 of them are wholly on screen at once.
  await incidentBoard(page).evaluate((board) => board.closest('.console__board')?.scrollTo(0, 0));
  let inView = 0;
  for (let i = 0; i < 22; i += 1) {
    const row = rows.nth(i);
    const box = await row.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.height, `row ${i} is one line`).toBeLessThan(48);
    if (box!.y >= 0 && box!.y + box!.height <= 1080) inView += 1;
  }
  expect(inView).toBeGreaterThanOrEqual(20);
  // No line runs out of its column: the countdown at its end is never cut.
  const overflowing = await incidentBoard(page).evaluate((board) =>
    Array.from(board.querySelectorAll('article'))
      .filter((row) => row.scrollWidth > row.clientWidth || row.getBoundingClientRect().right > board.getBoundingClientRect().right + 0.5)
      .map((row) => row.getAttribute('aria-label')),
  );
  expect(overflowing).toEqual([]);
  // Each line names the level, the number, the title, the state, the time elapsed and what is due next.
  const boiler = incidentBoard(page).getByRole('article', { name: /Boiler explosion/ });
  await expect(boiler).toBeInViewport({ ratio: 1 });
  await expect(boiler).toContainText('Level I');
  await expect(boiler).toContainText(/No\. 22/);
  await expect(boiler).toContainText('Unacknowledged');
  await expect(boiler).toContainText(/\d:\d\d:\d\d/);
  await expect(boiler).toContainText(/Escalates in \d+:\d\d/);

  // Nothing picked: the middle shows the gravest unacknowledged incident, with its controls.
  await expect(detailPane(page)).toContainText('Boiler explosion');
  await expect(detailPane(page).getByRole('button', { name: /^Acknowledge/ })).toBeVisible();
  await detailPane(page)
    .getByRole('button', { name: /^Acknowledge/ })
    .click();
  await expect(boiler).toContainText('Acknowledged');
  // The next gravest unacknowledged one takes its place in the middle.
  await expect(detailPane(page)).not.toContainText('Boiler explosion');
  await expect(detailPane(page)).toContainText('Smoke reported in storeroom');

  // Picking a line by keyboard shows that incident in the middle.
  const row09 = incidentBoard(page).getByRole('button', { name: /storeroom 09/ });
  await row09.focus();
  await page.keyboard.press('Enter');
  await expect(detailPane(page)).toContainText('storeroom 09');
  expect(await pageScroll(page)).toEqual({ scrollY: 0, overflow: 0 });
});

test('the middle pane is never empty while an incident is active, in Chinese too', async ({ page, host }) => {
  await postCommand(host, { type: 'raiseIncident', actor: 'Guard Li', incidentType: 'fire', level: 'III', title: '二号楼烟感报警' });
  await postCommand(host, { type: 'raiseIncident', actor: 'Guard Li', incidentType: 'fire', level: 'II', title: '三号仓库起火' });
  await page.goto(`${host.url}?lang=zh-CN`);
  await expect(page.getByRole('status')).toHaveText('在线');
  const pane = page.getByRole('region', { name: /^事件详情: / });
  await expect(pane).toContainText('三号仓库起火');
  await expect(pane).toContainText('未确认中最严重的');
});

test('on first start the raise button is on screen without scrolling', async ({ page, host }) => {
  await page.goto(`${host.url}?lang=zh-CN`);
  await expect(page.getByRole('status')).toHaveText('在线');
  await expect(page.locator('form.raise-form').getByRole('button', { name: '上报事件' })).toBeInViewport({ ratio: 1 });
  await page.goto(`${host.url}?lang=en`);
  await expect(page.getByRole('status')).toHaveText('Online');
  await expect(raiseForm(page).getByRole('button', { name: 'Raise incident' })).toBeInViewport({ ratio: 1 });
});

test('what the host did by itself is signed "系统" in the Chinese timeline, "system" in English', async ({ page, host }) => {
  await postCommand(host, {
    type: 'setPolicy',
    level: 'IV',
    policy: {
      tiers: [
        { role: 'dutyOfficer', ackTimeoutMs: 1000, repeat: 0 },
        { role: 'dutyHead', ackTimeoutMs: 60_000, repeat: 0 },
      ],
      reminderMs: null,
    },
  });
  await postCommand(host, { type: 'raiseIncident', actor: 'Guard Li', incidentType: 'fire', level: 'IV', title: '档案室冒烟' });
  await page.goto(`${host.url}?lang=zh-CN`);
  const timeline = page.getByRole('region', { name: '时间线' });
  const escalated = timeline.getByRole('listitem').filter({ hasText: '值班负责人' }).first();
  await expect(escalated).toContainText('系统');
  await expect(timeline).not.toContainText('system');
  await page.goto(`${host.url}?lang=en`);
  await expect(page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'system' }).first()).toBeVisible();
});
