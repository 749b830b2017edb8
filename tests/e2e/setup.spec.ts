/** Issue 13, points 7 and 9: a first-run setup that can be skipped, and a board that says what is missing. */
import { expect, test } from './helpers/fixtures.js';
import { openBoard } from './helpers/board.js';

test('the board says what setup is missing until it is done; the setup can be skipped and finished later', async ({ page, host }) => {
  await openBoard(page, host.url);
  const hint = page.getByRole('region', { name: 'First-time setup' });
  await expect(hint).toHaveText(/missing site name, operator PIN, people on duty, duty head, site contacts/);

  await hint.getByRole('button', { name: 'Finish setup' }).click();
  const dialog = page.getByRole('dialog', { name: 'First-time setup' });
  await dialog.getByRole('button', { name: 'Skip for now' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(hint).toBeVisible();

  await hint.getByRole('button', { name: 'Finish setup' }).click();
  await dialog.getByRole('button', { name: 'Save setup' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Fill in Site name.');
  await dialog.getByLabel('Site name').fill('Plant 2');
  await dialog.getByLabel('New PIN (4–12 digits)').fill('2468');
  await dialog.getByLabel('Repeat the new PIN').fill('2468');
  await dialog.getByLabel('Name', { exact: true }).nth(0).fill('Wang Fang');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await dialog.getByLabel('Name', { exact: true }).nth(1).fill('Zhao Lei');
  await dialog.getByLabel('Duty head').selectOption({ label: 'Zhao Lei' });
  await dialog.getByLabel('Name', { exact: true }).nth(2).fill('Power company');
  await dialog.getByLabel('Number', { exact: true }).fill('95598');
  await dialog.getByRole('button', { name: 'Save setup' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(hint).toHaveCount(0);

  const settings = (await (await fetch(new URL('/api/v1/settings', host.url))).json()) as { value: Record<string, unknown> };
  expect(settings.value).toMatchObject({ siteName: 'Plant 2', pinSet: true, contacts: [{ name: 'Power company', number: '95598' }] });
  // people on duty with a duty head among them, the PIN and contacts: nothing is missing any more
  await expect(page.getByText(/Setup not finished/)).toHaveCount(0);
});

test('in Chinese the hint names what is missing', async ({ page, host }) => {
  await page.goto(`${host.url}?lang=zh-CN`);
  await expect(page.getByRole('status')).toHaveText('在线');
  await expect(page.getByRole('region', { name: '首次设置' })).toHaveText(
    /设置尚未完成：缺少单位名称、操作密码、值班人员、值班负责人、单位联系人/,
  );
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByRole('dialog', { name: '首次设置' })).toBeVisible();
  await page.getByRole('button', { name: '稍后设置' }).click();
});
