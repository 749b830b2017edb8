import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.js';
import { addWorkingDays, DEFAULT_CALENDAR, localDate } from '../../electron/core/plan/calendar.js';
import { exportCatalogue } from '../../electron/core/plan/catalogue-file.js';
import type { StateView } from '../../electron/core/contract/contract.js';
import { DEFAULT_CATALOGUE } from '../../electron/core/plan/catalogue.js';
import { card, openBoard, raiseForm, raiseIncident } from './helpers/board.js';
import { contacts, detailPane, postCommand, seedRoster, timeline } from './helpers/plans.js';

const settings = (page: Page) => page.getByRole('dialog', { name: 'Settings' });

async function openSettings(page: Page, section: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(settings(page)).toBeVisible();
  await settings(page).getByRole('tab', { name: section }).click();
}

test('without a PIN the screen says so; the roster edited there is offered when assigning', async ({ page, host }) => {
  await openBoard(page, host.url);
  await openSettings(page, 'Roster');
  const dialog = settings(page);
  await expect(dialog).toContainText('No operator PIN is set');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  const row = dialog.getByRole('listitem').last();
  await row.getByLabel('Name').fill('Liu Yang');
  await row.getByLabel('Phone').fill('139 1111 2222');
  await row.getByLabel('Department').fill('Fire team');
  await row.locator('summary').click();
  await row.getByLabel('Rescue group').check();
  await dialog.getByRole('button', { name: 'Save roster' }).click();
  await expect(dialog).toContainText('Saved');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  await raiseIncident(page, { type: 'Fire', title: 'Smoke in the canteen' });
  await card(page, 'Smoke in the canteen').getByRole('heading', { name: 'Smoke in the canteen' }).click();
  const rescue = detailPane(page).getByRole('combobox', { name: 'Assign role: Rescue group' });
  await expect(rescue.locator('optgroup[label="May hold this position"] option')).toHaveText(['Liu Yang · Fire team']);
});

test('with a PIN set, changes wait for it; a wrong PIN is refused at unlock and asked again', async ({ page, host }) => {
  await seedRoster(host);
  await postCommand(host, { type: 'changePin', newPin: '2468' });
  await openBoard(page, host.url);
  await openSettings(page, 'Roster');
  const dialog = settings(page);
  await expect(dialog).toContainText('Changing settings needs the operator PIN.');
  // Behind the prompt the section is shown but cannot be used.
  const save = dialog.getByRole('button', { name: 'Save roster' });
  expect(await save.evaluate((button) => button.closest('[inert]') !== null)).toBe(true);
  // The host checks the PIN at once: a wrong one never unlocks.
  await dialog.getByLabel('Operator PIN').fill('1111');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/^Wrong operator PIN; enter it again\./);
  expect(await save.evaluate((button) => button.closest('[inert]') !== null)).toBe(true);
  await dialog.getByLabel('Operator PIN').fill('2468');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await dialog
    .getByRole('listitem')
    .filter({ has: page.getByRole('textbox', { name: 'Name' }) })
    .first()
    .getByLabel('Department')
    .fill('Head office');
  await dialog.getByRole('button', { name: 'Save roster' }).click();
  await expect(dialog).toContainText('Saved');
});

test('five wrong PINs in a row lock the prompt for 30 s, said in the board language, and are journaled', async ({ page, host }) => {
  await postCommand(host, { type: 'changePin', newPin: '2468' });
  await page.goto(`${host.url}?lang=zh-CN`);
  await expect(page.getByRole('status')).toHaveText('在线');
  await page.getByRole('button', { name: '设置', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '设置' });
  const pin = dialog.getByRole('form', { name: '解锁' }).getByLabel('操作密码');
  for (let i = 0; i < 5; i++) {
    await pin.fill('0000');
    await expect(pin).toHaveValue('0000');
    await dialog.getByRole('button', { name: '解锁' }).click();
    // the host answered: the field is emptied for the next try
    await expect(pin).toHaveValue('');
    if (i < 4) await expect(dialog.getByRole('alert')).toHaveText(/^操作密码错误，请重新输入/);
  }
  await expect(dialog.getByRole('alert')).toHaveText(/^操作密码错误次数过多，请在 \d\d:\d\d:\d\d 后再试。$/);
  // even the right PIN waits now
  await pin.fill('2468');
  await dialog.getByRole('button', { name: '解锁' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/^操作密码错误次数过多/);
  const journal = await readFile(join(host.dataDir, 'journal', 'events.ndjson'), 'utf8');
  expect(journal.match(/"pinRejected"/g)?.length).toBeGreaterThanOrEqual(5);
});

test('the duty shift is handed over with a note', async ({ page, host }) => {
  await seedRoster(host);
  await openBoard(page, host.url);
  await openSettings(page, 'Duty shift');
  const dialog = settings(page);
  await expect(dialog).toContainText('Nobody is registered on duty yet.');
  await dialog.getByLabel('Wang Fang').check();
  await dialog.getByLabel('Zhao Lei').check();
  await dialog.getByLabel('Handover note').fill('Fire alarm panel in zone 4 under repair');
  await dialog.getByRole('button', { name: 'Hand over' }).click();
  await expect(dialog).toContainText('Handover recorded.');
  await expect(dialog).toContainText('Wang Fang, Zhao Lei');
  await expect(dialog).toContainText('Note of the last handover: Fire alarm panel in zone 4 under repair');
});

test('a catalogue file with mistakes is refused with every field and line; a good one replaces the catalogue', async ({ page, host }) => {
  await openBoard(page, host.url);
  await openSettings(page, 'Plan catalogue');
  const dialog = settings(page);

  // Export: the file is the current catalogue.
  const waiting = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export catalogue' }).click();
  const exported = await readFile(await (await waiting).path(), 'utf8');
  expect(exported).toBe(exportCatalogue(DEFAULT_CATALOGUE));

  // Two mistakes: a step that dials an unknown number, and a type without a name.
  const broken = JSON.parse(exported) as { incidentTypes: Record<string, unknown>[] };
  (broken.incidentTypes[0]!.checklist as Record<string, unknown>[])[0]!.dials = '999';
  delete broken.incidentTypes[2]!.name;
  const brokenText = JSON.stringify(broken, null, 2);
  await dialog
    .getByLabel('Import a catalogue file')
    .setInputFiles({ name: 'catalogue.json', mimeType: 'application/json', buffer: Buffer.from(brokenText) });
  const problems = dialog.getByRole('alert');
  await expect(problems).toContainText('The file has 2 problems; nothing was changed:');
  const lineOf = (needle: string) => brokenText.split('\n').findIndex((l) => l.includes(needle)) + 1;
  await expect(problems.getByRole('listitem').nth(0)).toContainText(`line ${lineOf('"999"')}, field incidentTypes.0.checklist.0.dials`);
  await expect(problems.getByRole('listitem').nth(1)).toContainText('field incidentTypes.2.name');
  await expect(problems.getByRole('listitem').nth(1)).toContainText('required key "name" is missing');

  // A good file: fire renamed.
  const good = JSON.parse(exported) as { incidentTypes: { name: { en: string } }[] };
  good.incidentTypes[0]!.name.en = 'Fire (site plan 2025)';
  await dialog
    .getByLabel('Import a catalogue file')
    .setInputFiles({ name: 'catalogue.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await expect(dialog).toContainText('The file is valid: 18 incident types. Replace the current catalogue?');
  await dialog.getByRole('button', { name: 'Replace catalogue' }).click();
  await expect(dialog).toContainText('Catalogue replaced.');
  await expect(dialog.getByRole('button', { name: /^Fire \(site plan 2025\)/ })).toBeVisible();
});

test("editing a type's checklist changes what the next incident of that type asks for", async ({ page, host }) => {
  await openBoard(page, host.url);
  await page.getByLabel('Operator', { exact: true }).fill('Wang Fang');
  await openSettings(page, 'Plan catalogue');
  const dialog = settings(page);
  await dialog.getByRole('button', { name: /^Injury/ }).click();
  const editor = dialog.getByRole('form', { name: 'Edit: Injury' });
  await editor.getByRole('button', { name: 'Add step' }).click();
  const last = editor.getByRole('list', { name: 'Checklist' }).getByRole('listitem').last();
  await last.getByLabel('Step (Chinese)').fill('通知家属');
  await last.getByLabel('Step (English)').fill('Tell the family');
  await last.getByLabel('Position responsible').selectOption({ label: 'Liaison' });
  await editor.getByRole('button', { name: 'Save this incident type' }).click();
  await expect(editor).toContainText('Incident type saved.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await raiseIncident(page, { type: 'Injury', title: 'Cut hand at packing line' });
  await card(page, 'Cut hand at packing line').getByRole('heading', { name: 'Cut hand at packing line' }).click();
  await expect(detailPane(page).getByRole('region', { name: /^Checklist/ })).toContainText('Tell the family');
  await expect(detailPane(page).getByRole('region', { name: /^Checklist/ })).toContainText('By: Liaison');
  await expect(timeline(page)).toContainText('Raised (Level III): Cut hand at packing line');
});

test('a type renamed, given another default level, positions and a contact, then copied as a new type: the board follows', async ({
  page,
  host,
}) => {
  await postCommand(host, {
    type: 'updateSettings',
    settings: {
      contacts: [
        { name: 'Hospital switchboard', number: '021 5555 0120' },
        { name: 'Power company', number: '95598' },
      ],
    },
  });
  await openBoard(page, host.url);
  await openSettings(page, 'Plan catalogue');
  const dialog = settings(page);
  await dialog.getByRole('button', { name: /^Power outage/ }).click();
  const editor = dialog.getByRole('form', { name: 'Edit: Power outage' });
  await editor.getByLabel('Name (English)').fill('Mains power failure');
  // A three-level plan offers only I–III.
  await expect(editor.getByLabel('Default level').getByRole('option')).toHaveText(['Level I', 'Level II', 'Level III']);
  await editor.getByLabel('Default level').selectOption('II');
  await editor.getByRole('group', { name: 'Positions every incident must fill' }).getByLabel('Medical group').check();
  await editor.getByRole('group', { name: 'Site contacts shown with this type' }).getByLabel('Power company').check();
  await editor.getByRole('button', { name: 'Save this incident type' }).click();
  // Saved, the editor carries the type's new name.
  const renamed = dialog.getByRole('form', { name: 'Edit: Mains power failure' });
  await expect(renamed).toContainText('Incident type saved.');
  await expect(dialog.getByRole('button', { name: /^Mains power failure/ })).toBeVisible();

  await renamed.getByRole('button', { name: 'Copy as a new type' }).click();
  const copy = dialog.getByRole('form', { name: 'New incident type: Mains power failure (copy)' });
  await copy.getByLabel('Name (Chinese)').fill('燃气泄漏');
  await copy.getByLabel('Name (English)').fill('Gas leak');
  await copy.getByLabel('Default level').selectOption('I');
  await copy.getByRole('button', { name: 'Add this incident type' }).click();
  await expect(dialog.getByRole('form', { name: 'Edit: Gas leak' })).toContainText('Incident type saved.');
  await expect(dialog.getByRole('button', { name: /^Gas leak/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The raise form offers both, each with its own default level.
  const form = raiseForm(page);
  await form.getByLabel('Incident type', { exact: true }).selectOption({ label: 'Mains power failure' });
  await expect(form.getByLabel('Level', { exact: true })).toHaveValue('II');
  await raiseIncident(page, { type: 'Gas leak', title: 'Smell of gas in the canteen' });
  const incident = card(page, 'Smell of gas in the canteen');
  await expect(incident).toContainText('Level I');
  await expect(incident).toContainText('Gas leak');
  await expect(incident).toContainText(/Unfilled: .*Medical group/);

  // Selected, its type's contact comes first in the site contacts, marked.
  await incident.getByRole('heading', { name: 'Smell of gas in the canteen' }).click();
  const site = contacts(page).getByRole('button', { name: /^Call (021 5555 0120|95598)/ });
  await expect(site).toHaveCount(2);
  await expect(site.first()).toHaveAccessibleName('Call 95598 Power company (for this type of incident)');
  await expect(site.last()).toHaveAccessibleName('Call 021 5555 0120 Hospital switchboard');
});

test("a holiday entered in the working calendar moves a complaint's working-day deadline", async ({ page, host, request }) => {
  // The site's next working day (on its calendar, UTC+8) becomes a holiday.
  const nextWorkingDay = localDate(addWorkingDays(Date.now(), 1, DEFAULT_CALENDAR), DEFAULT_CALENDAR);
  const withHoliday = { ...DEFAULT_CALENDAR, holidays: [nextWorkingDay] };

  await openBoard(page, host.url);
  await openSettings(page, 'Working calendar');
  const dialog = settings(page);
  const holidays = dialog.getByRole('group', { name: 'Holidays' });
  await expect(holidays).toContainText('None');
  await holidays.getByLabel('Date for holidays').fill(nextWorkingDay);
  await holidays.getByRole('button', { name: 'Add to holidays' }).click();
  await expect(holidays.getByRole('listitem')).toHaveCount(1);
  await expect(holidays.getByRole('button', { name: `Remove ${nextWorkingDay}` })).toBeVisible();
  await dialog.getByRole('button', { name: 'Save working calendar' }).click();
  await expect(dialog).toContainText('Working calendar saved.');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await raiseIncident(page, { type: 'Customer complaint', title: 'Fee charged twice' });
  const view = (await (await request.get(new URL('/api/v1/state', host.url).href)).json()) as { value: StateView };
  const complaint = view.value.active.find((i) => i.title === 'Fee charged twice');
  const close = complaint?.deadlines.find((d) => d.id === 'close-complaint');
  if (complaint === undefined || close === undefined) throw new Error('no complaint with a close-complaint deadline on the board');
  // Three working days, the holiday not among them: one working day later than without it.
  expect(close.dueAt).toBe(addWorkingDays(complaint.raisedAt, 3, withHoliday));
  expect(close.dueAt).toBeGreaterThan(addWorkingDays(complaint.raisedAt, 3, DEFAULT_CALENDAR));
});

test("a level's escalation ladder edited in settings is the one its next incident climbs", async ({ page, host }) => {
  await openBoard(page, host.url);
  await openSettings(page, 'Escalation');
  const ladder = settings(page).getByRole('form', { name: 'Level IV ladder' });
  // Five tiers by default: keep the duty officer, then straight to the commander.
  for (const n of [5, 4, 3]) await ladder.getByRole('button', { name: `Remove tier ${n}` }).click();
  const second = ladder.getByRole('listitem').nth(1);
  await second.getByLabel('Who is called').selectOption({ label: 'Commander' });
  await second.getByLabel('Minutes to acknowledge').fill('20');
  await ladder.getByLabel(/^Reminder after acknowledgement/).fill('45');
  await ladder.getByRole('button', { name: 'Save the Level IV ladder' }).click();
  await expect(ladder).toContainText('Level IV ladder saved.');
  await settings(page).getByRole('button', { name: 'Close' }).click();

  await raiseIncident(page, { type: 'Equipment accident', level: 'IV', title: 'Forklift hydraulic leak' });
  await expect(card(page, 'Forklift hydraulic leak')).toContainText('Tier 1 of 2: Duty officer must act');
});

test('a ladder the host refuses says which field, and nothing changes', async ({ page, host }) => {
  await openBoard(page, host.url);
  await openSettings(page, 'Escalation');
  const ladder = settings(page).getByRole('form', { name: 'Level I ladder' });
  // Twenty-five hours is past the longest a tier may wait (24 h).
  await ladder.getByRole('listitem').first().getByLabel('Minutes to acknowledge').fill('1500');
  await ladder.getByRole('button', { name: 'Save the Level I ladder' }).click();
  await expect(ladder.getByRole('alert')).toContainText('policy.tiers.0.ackTimeoutMs');
  await settings(page).getByRole('button', { name: 'Close' }).click();
  await raiseIncident(page, { type: 'Fire', level: 'I', title: 'Fire in transformer room' });
  await expect(card(page, 'Fire in transformer room')).toContainText('Tier 1 of 5: Duty officer must act');
});
