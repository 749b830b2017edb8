/**
 * Issue 13, the work of a shift: resolving with open deadlines (2), changing the level by hand (3),
 * escalating with a confirmation and undo (8).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.js';
import { card, incidentBoard, openBoard, recent } from './helpers/board.js';
import { detailPane, postCommand } from './helpers/plans.js';

const fire = { type: 'raiseIncident', incidentType: 'fire', level: 'II', title: 'Warehouse fire', location: 'Bay 2' } as const;

async function openInChinese(page: Page, url: string) {
  await page.goto(`${url}?lang=zh-CN`);
  await expect(page.getByRole('status')).toHaveText('在线');
}
const zhCard = (page: Page, title: string) => page.getByRole('region', { name: '事件看板' }).getByRole('article', { name: title });

test('resolve asks first, lists the open deadlines, and the incident stays until they are met or waived', async ({ page, host }) => {
  await postCommand(host, fire);
  await postCommand(host, { type: 'acknowledge', incidentId: 'inc-1' });
  await openBoard(page, host.url);
  const incident = card(page, 'Warehouse fire');
  await incident.getByRole('button', { name: /^Resolve/ }).click();

  const dialog = page.getByRole('dialog', { name: 'Resolve incident 1: Warehouse fire' });
  await expect(dialog).toContainText('These deadlines are still open');
  await expect(dialog.getByRole('listitem')).toHaveText([/^Report to the unit head/, /^Report to the county emergency management bureau/]);
  await dialog.getByLabel('Summary (optional)').fill('Fire out at 10:40');
  await dialog.getByRole('button', { name: 'Confirm resolve' }).click();
  await expect(dialog).toHaveCount(0);

  // Still on the board, saying why, and no longer offering to resolve or escalate.
  await expect(incident).toContainText('Resolved, deadlines open');
  await expect(incident.getByRole('button', { name: /^Resolve/ })).toHaveCount(0);
  await expect(incident.getByRole('button', { name: /^Escalate/ })).toHaveCount(0);

  // Waiving needs a reason: our own message, not the browser's bubble.
  await incident.getByRole('button', { name: 'Waive deadline: Report to the unit head' }).click();
  const waive = incident.getByRole('form', { name: 'Waive deadline: Report to the unit head' });
  await waive.getByRole('button', { name: 'Confirm waive' }).click();
  await expect(waive.getByRole('alert')).toHaveText('Fill in Reason for waiving.');
  await waive.getByLabel('Reason for waiving').fill('Unit head was on site');
  await waive.getByRole('button', { name: 'Confirm waive' }).click();
  await expect(incident).toContainText(/Waived \(.*\): Unit head was on site/);

  await incident.getByRole('button', { name: 'Mark met: Report to the county emergency management bureau' }).click();
  await expect(incident).toHaveCount(0);
  await expect(incidentBoard(page)).toContainText('No active incidents');
  const item = recent(page).getByRole('listitem').filter({ hasText: 'Warehouse fire' });
  await item.getByRole('button', { name: /^Close incident/ }).click();
  await expect(item).toContainText('Closed');
});

test('in Chinese: the resolve confirmation and the waiting state speak Chinese', async ({ page, host }) => {
  await postCommand(host, fire);
  await openInChinese(page, host.url);
  const incident = zhCard(page, 'Warehouse fire');
  await incident.getByRole('button', { name: /^处置完毕/ }).click();
  const dialog = page.getByRole('dialog', { name: '处置完毕：1号事件 Warehouse fire' });
  await expect(dialog).toContainText('以下时限仍未完成');
  await dialog.getByRole('button', { name: '确认处置完毕' }).click();
  await expect(incident).toContainText('处置完毕，时限未完成');
});

test('change level on the card and in the detail pane; lowering needs a reason', async ({ page, host }) => {
  await postCommand(host, fire);
  await openBoard(page, host.url);
  const incident = card(page, 'Warehouse fire');
  // Two actions, two names: the ladder and the grade.
  await expect(incident.getByRole('button', { name: /^Escalate \(next tier\)/ })).toBeVisible();
  await incident.getByRole('button', { name: /^Change level/ }).click();
  const form = incident.getByRole('form', { name: /^Change level/ });
  await form.getByLabel('New level').selectOption('III');
  await form.getByRole('button', { name: 'Confirm level change' }).click();
  await expect(form.getByRole('alert')).toHaveText('Lowering the level needs a reason.');
  await form.getByLabel('Reason (required when lowering)').fill('No spread, no casualties');
  await form.getByRole('button', { name: 'Confirm level change' }).click();
  await expect(form).toHaveCount(0);
  await expect(incident).toContainText('Level III');

  // Raising, from the detail pane, needs no reason.
  await incident.getByRole('heading', { name: 'Warehouse fire' }).click();
  const pane = detailPane(page);
  await pane.getByRole('button', { name: /^Change level/ }).click();
  await pane.getByLabel('New level').selectOption('I');
  await pane.getByRole('button', { name: 'Confirm level change' }).click();
  await expect(pane.locator('.level-badge')).toHaveText('Level I Especially serious');
  await expect(incident.locator('.level-badge')).toHaveText('Level I Especially serious');
});

test('in Chinese, 调整级别 and 上报升级 are two different buttons', async ({ page, host }) => {
  await postCommand(host, fire);
  await openInChinese(page, host.url);
  const incident = zhCard(page, 'Warehouse fire');
  await expect(incident.getByRole('button', { name: /^调整级别/ })).toBeVisible();
  await expect(incident.getByRole('button', { name: /^上报升级/ })).toBeVisible();
  await expect(incident.getByRole('button', { name: /^升级/ })).toHaveCount(0);
});

test('escalate says where it goes, can be undone, and the card never shows "Acknowledged" beside Acknowledge', async ({ page, host }) => {
  await postCommand(host, fire);
  await postCommand(host, { type: 'acknowledge', incidentId: 'inc-1' });
  await openBoard(page, host.url);
  const incident = card(page, 'Warehouse fire');
  await expect(incident.locator('.status')).toHaveText('Acknowledged');
  await page.keyboard.press('j');
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Escalate incident 1' });
  await expect(dialog).toContainText('Alert the next tier: Duty head?');
  await dialog.getByRole('button', { name: 'Escalate to Duty head' }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByText('Incident 1 escalated to Duty head')).toBeVisible();
  await expect(incident.locator('.status')).toHaveText("awaiting Duty head's acknowledgement");
  await expect(incident.getByRole('button', { name: /^Acknowledge/ })).toBeVisible();
  await expect(incident).not.toContainText(/\bAcknowledged\b(?! by)/);

  await page.getByRole('button', { name: 'Undo the escalation of incident 1' }).click();
  await expect(incident.locator('.status')).toHaveText('Acknowledged');
  await expect(incident.getByRole('button', { name: /^Acknowledge/ })).toHaveCount(0);
  await expect(page.getByText('Incident 1 escalated to Duty head')).toHaveCount(0);
});

test('in Chinese the escalation asks 通知下一级 and the card waits for 值班负责人', async ({ page, host }) => {
  await postCommand(host, fire);
  await postCommand(host, { type: 'acknowledge', incidentId: 'inc-1' });
  await openInChinese(page, host.url);
  const incident = zhCard(page, 'Warehouse fire');
  await incident.getByRole('button', { name: /^上报升级/ }).click();
  const dialog = page.getByRole('dialog', { name: '上报升级：1号事件' });
  await expect(dialog).toContainText('通知下一级：值班负责人？');
  await dialog.getByRole('button', { name: '上报升级至值班负责人' }).click();
  await expect(incident.locator('.status')).toHaveText('等待值班负责人确认');
});
