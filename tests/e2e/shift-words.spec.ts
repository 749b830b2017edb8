/**
 * Issue 13: calling from a checklist step ticks it (10), words in the board's language (11), the
 * raise form forgets one incident's facts after raising it (13).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.js';
import { card, openBoard, raiseForm, raiseIncident } from './helpers/board.js';
import { detailPane, postCommand, timeline } from './helpers/plans.js';

const fire = { type: 'raiseIncident', incidentType: 'fire', level: 'II', title: 'Warehouse fire' } as const;

async function openInChinese(page: Page, url: string) {
  await page.goto(`${url}?lang=zh-CN`);
  await expect(page.getByRole('status')).toHaveText('在线');
}

test('calling 119 from the checklist step ticks the step; the call reads in English on an English board', async ({ page, host }) => {
  await postCommand(host, fire);
  await openBoard(page, host.url);
  await card(page, 'Warehouse fire').getByRole('heading', { name: 'Warehouse fire' }).click();
  const pane = detailPane(page);
  await pane.getByRole('button', { name: 'Call 119 (Fire)' }).click();
  const step = pane
    .getByRole('region', { name: /^Checklist/ })
    .getByRole('listitem')
    .filter({ hasText: 'Call 119: place' });
  await expect(step).toContainText(/done \d\d:\d\d:\d\d/);
  await expect(timeline(page)).toContainText('Called 119 (Fire)');
  await expect(timeline(page)).toContainText('Done: Call 119');
});

test('a call recorded on a Chinese board reads in English, and the system actor in Chinese', async ({ page, host }) => {
  await postCommand(host, fire);
  await postCommand(host, { type: 'recordCall', incidentId: 'inc-1', number: '119', name: '火警', actor: '王芳' });
  await openBoard(page, host.url);
  await card(page, 'Warehouse fire').getByRole('heading', { name: 'Warehouse fire' }).click();
  await expect(timeline(page)).toContainText('Called 119 (Fire)');
  await expect(timeline(page)).not.toContainText('火警');

  // an incident the system raised (as an alarm source would) names its actor in Chinese on a Chinese board
  await postCommand(host, { ...fire, title: 'Alarm from the panel', actor: 'system' });
  await openInChinese(page, host.url);
  await page
    .getByRole('region', { name: '事件看板' })
    .getByRole('article', { name: 'Alarm from the panel' })
    .getByRole('heading', { name: 'Alarm from the panel' })
    .click();
  const zhTimeline = page.getByRole('region', { name: '时间线' });
  await expect(zhTimeline.locator('.timeline-entry__actor').first()).toHaveText('系统');
  await expect(zhTimeline).not.toContainText('system');
});

test('close incident and close details are told apart, in both languages', async ({ page, host }) => {
  await postCommand(host, fire);
  await openBoard(page, host.url);
  await card(page, 'Warehouse fire').getByRole('heading', { name: 'Warehouse fire' }).click();
  await expect(detailPane(page).getByRole('button', { name: 'Close details' })).toBeVisible();
  await openInChinese(page, host.url);
  await page
    .getByRole('region', { name: '事件看板' })
    .getByRole('article', { name: 'Warehouse fire' })
    .getByRole('heading', { name: 'Warehouse fire' })
    .click();
  await expect(page.getByRole('button', { name: '关闭详情' })).toBeVisible();
  await expect(page.getByRole('button', { name: '关闭', exact: true })).toHaveCount(0);
});

test('an empty title is refused in the board’s own words, no browser bubble; a raise clears the form', async ({ page, host }) => {
  await openBoard(page, host.url);
  const form = raiseForm(page);
  await expect(form).toHaveAttribute('novalidate', '');
  await form.getByRole('button', { name: 'Raise incident' }).click();
  await expect(form.locator('.field-error')).toHaveText('Fill in Title.');
  await expect(form.getByLabel('Title', { exact: true })).toBeFocused();
  await form.getByLabel('Reporter', { exact: true }).fill('Guard Li');
  await raiseIncident(page, { title: 'Smoke at gate 2', location: 'Gate 2', details: 'Seen from the tower' });
  for (const label of ['Title', 'Location', 'Details']) await expect(form.getByLabel(label, { exact: true })).toHaveValue('');
  await expect(form.getByLabel('Reporter', { exact: true })).not.toHaveValue('Guard Li');

  await openInChinese(page, host.url);
  const zhForm = page.getByRole('form', { name: '上报事件' });
  await zhForm.getByRole('button', { name: '上报事件' }).click();
  await expect(zhForm.locator('.field-error')).toHaveText('请填写标题。');
});
