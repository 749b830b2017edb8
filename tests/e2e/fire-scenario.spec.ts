import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.js';
import { card, fillRaiseForm, incidentBoard, openBoard, raiseForm } from './helpers/board.js';
import { contacts, detailPane, openWall, postCommand, seedRoster, timeline } from './helpers/plans.js';

test.beforeEach(async ({ host }) => {
  await seedRoster(host);
});

const TITLE = 'Fire in warehouse 3';

/**
 * Clicks, and returns when the click happened: the time Playwright spends waiting for the
 * element to be ready is its own, not the app's.
 */
async function clicked(target: Locator): Promise<number> {
  await target.click();
  return Date.now();
}

/** The wall must show what the console did within a second, with no reload. */
async function onWallWithinASecond(check: Locator, startedAt: number, what: string): Promise<void> {
  await expect(check, what).toBeVisible({ timeout: 1000 });
  expect(Date.now() - startedAt, what).toBeLessThan(1000);
}

async function download(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const waiting = page.waitForEvent('download');
  await button.click();
  const file = await waiting;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('a fire handled from raise to report, as a dispatcher runs it, with the wall keeping up', async ({ page, browser, host }) => {
  const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await wallContext.newPage();
  await openWall(wall, host.url);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openBoard(page, host.url);
  await page.getByLabel('Operator', { exact: true }).fill('Wang Fang');
  const tile = wall.getByRole('article', { name: `No. 1 ${TITLE}` });

  // Raise fire level II.
  await fillRaiseForm(page, { type: 'Fire', level: 'II', title: TITLE, location: 'Warehouse 3, bay 2', details: 'Smoke from the racks' });
  let t0 = await clicked(raiseForm(page).getByRole('button', { name: 'Raise incident' }));
  await onWallWithinASecond(tile, t0, 'the raised fire on the wall');
  await expect(tile).toContainText('Level II');
  await expect(tile).toContainText('UNACKNOWLEDGED');
  await expect(tile).toHaveAttribute('data-flashing', 'true');
  await expect(tile).toContainText('Unfilled: Commander, On-site lead, Rescue group, Security and evacuation group');

  // Select it: a click on the card outside its buttons.
  const fire = card(page, TITLE);
  await fire.getByRole('heading', { name: TITLE }).click();
  const pane = detailPane(page);
  await expect(pane).toContainText(`Incident 1: ${TITLE}`);
  await expect(fire).toContainText('Selected');
  await expect(fire).toContainText('Checklist 0/7');
  await expect(fire).toContainText('Unfilled: Commander, On-site lead, Rescue group, Security and evacuation group');

  // Call 119 from the emergency contacts region: the timeline says who called, and when.
  await expect(contacts(page)).toContainText(`Calls are recorded on incident 1 ${TITLE}`);
  t0 = await clicked(contacts(page).getByRole('button', { name: 'Call 119 Fire' }));
  await onWallWithinASecond(tile.getByText(/^Called 119 \d\d:\d\d$/), t0, 'the 119 call on the wall');
  const callEntry = timeline(page).getByRole('listitem').filter({ hasText: 'Called 119 (Fire)' });
  await expect(callEntry).toBeVisible();
  await expect(callEntry).toContainText('Wang Fang');
  await expect(callEntry.locator('time')).toHaveText(/^\d\d:\d\d:\d\d$/);

  // Assign the commander and the rescue group from the roster.
  await pane.getByRole('combobox', { name: 'Assign role: Commander' }).selectOption({ label: 'Li Wei · Plant management' });
  t0 = await clicked(pane.getByRole('button', { name: 'Assign role: Commander' }));
  await onWallWithinASecond(tile.getByText('Commander: Li Wei'), t0, 'the commander on the wall');
  await expect(timeline(page)).toContainText('Li Wei assigned as Commander');
  const rescue = pane.getByRole('combobox', { name: 'Assign role: Rescue group' });
  // The people who may hold the position come first; everyone else can still be chosen.
  await expect(rescue.locator('optgroup').first()).toHaveAttribute('label', 'May hold this position');
  await expect(rescue.locator('optgroup').first().locator('option')).toHaveText(['Chen Jie · Fire team']);
  await rescue.selectOption({ label: 'Chen Jie · Fire team' });
  t0 = await clicked(pane.getByRole('button', { name: 'Assign role: Rescue group' }));
  await onWallWithinASecond(tile.getByText('Rescue group: Chen Jie'), t0, 'the rescue group on the wall');
  await expect(fire).toContainText('Commander: Li Wei');
  await expect(fire).toContainText('Unfilled: On-site lead, Security and evacuation group');

  // Tick checklist steps; one is skipped with a reason, and one tick is undone.
  const steps = pane.getByRole('region', { name: /^Checklist/ });
  t0 = await clicked(pane.getByRole('button', { name: 'Mark done: Call 119: place, what is burning, anyone trapped' }));
  await onWallWithinASecond(tile.getByText('Checklist 1/7'), t0, 'the first tick on the wall');
  await expect(steps.getByRole('listitem').filter({ hasText: 'Call 119: place' })).toContainText(/done \d\d:\d\d:\d\d by Wang Fang/);
  await pane.getByRole('button', { name: 'Mark done: Report to the duty head and the unit head' }).click();
  await pane.getByRole('button', { name: 'Mark done: Cut the power to the burning area' }).click();
  await expect(fire).toContainText('Checklist 3/7');
  await pane.getByRole('button', { name: 'Undo step: Cut the power to the burning area' }).click();
  await expect(fire).toContainText('Checklist 2/7');
  await pane.getByRole('button', { name: 'Skip step: Preserve the scene for the investigation' }).click();
  await pane.getByLabel('Reason for skipping').fill('Scene handed to the fire brigade');
  await pane.getByRole('button', { name: 'Skip step', exact: true }).click();
  await expect(steps.getByRole('listitem').filter({ hasText: 'Preserve the scene' })).toContainText('Scene handed to the fire brigade');
  t0 = await clicked(pane.getByRole('button', { name: 'Mark done: Cut the power to the burning area' }));
  await onWallWithinASecond(tile.getByText('Checklist 4/7'), t0, 'the fourth step on the wall');
  await expect(timeline(page)).toContainText('Undone: Cut the power to the burning area');

  // Filter the timeline by kind.
  await timeline(page).getByRole('button', { name: 'Checklist', exact: true }).click();
  await expect(timeline(page)).not.toContainText('Done: Call 119');
  await expect(timeline(page)).toContainText('Called 119 (Fire)');
  await timeline(page).getByRole('button', { name: 'All', exact: true }).click();
  await expect(timeline(page)).toContainText('Done: Call 119');

  // A note.
  await timeline(page).getByLabel('Note').fill('Brigade on site, under its command');
  await timeline(page).getByRole('button', { name: 'Add note' }).click();
  await expect(timeline(page)).toContainText('Note: Brigade on site, under its command');

  // Acknowledge: the wall stops flashing.
  t0 = await clicked(fire.getByRole('button', { name: /^Acknowledge/ }));
  await onWallWithinASecond(wall.locator('.tile[data-flashing="false"]').filter({ hasText: TITLE }), t0, 'the acknowledgement on the wall');
  await expect(tile).toContainText('Acknowledged');
  await expect(tile).not.toContainText('UNACKNOWLEDGED');

  // Casualties: two injured, one seriously; the proposal stays at level IV, below the incident's II.
  await pane.locator('summary', { hasText: 'Casualties and loss' }).click();
  await pane.getByLabel('Injured', { exact: true }).fill('2');
  await pane.getByLabel('of whom seriously').fill('1');
  await pane.getByLabel('Direct loss (¥)').fill('250000');
  await pane.getByRole('button', { name: 'Save casualties and loss' }).click();
  await expect(timeline(page)).toContainText(
    'Casualties and loss: Dead 0, Missing 0, Injured 2, of whom seriously 1, Direct loss (¥) CN¥250,000',
  );
  await expect(pane).toContainText("The plan's thresholds propose: Level IV General");

  // The legal deadlines are met (they would outlive resolve otherwise), then resolve: the tile leaves the wall.
  await fire.getByRole('button', { name: 'Mark met: Report to the unit head' }).click();
  await fire.getByRole('button', { name: /^Mark met: Report to the county/ }).click();
  await fire.getByRole('button', { name: /^Resolve/ }).click();
  t0 = await clicked(page.getByRole('dialog', { name: /^Resolve incident/ }).getByRole('button', { name: 'Confirm resolve' }));
  await expect(tile).toHaveCount(0, { timeout: 1000 });
  expect(Date.now() - t0).toBeLessThan(1000);
  await expect(wall.getByText('No active incidents')).toBeVisible();
  await expect(incidentBoard(page)).toContainText('No active incidents');

  // The resolved incident stays selected: write and export the accident report.
  await expect(pane).toContainText('Resolved');
  await pane.locator('summary', { hasText: 'Accident report' }).click();
  await expect(pane.getByLabel('3. Short account')).toHaveValue(`${TITLE}\nSmoke from the racks`);
  await expect(pane.getByLabel('4. Casualties and estimated direct loss')).toHaveValue(
    '0 dead, 0 missing, 2 injured (1 seriously); estimated direct loss CN¥250,000.',
  );
  await expect(pane.getByLabel('5. Measures already taken')).toHaveValue(/Call 119: place, what is burning, anyone trapped \(Wang Fang\)/);
  await pane.getByLabel('1. The unit (name, address, nature)').fill('Example Logistics Co., warehouse site; storage');
  await pane.getByLabel('6. Anything else to report').fill('Nobody trapped; "bay 2" racks lost');
  await pane.getByRole('button', { name: 'Save report' }).click();
  await expect(timeline(page)).toContainText('Accident report edited');

  const json = await download(page, pane.getByRole('button', { name: 'Export JSON' }));
  expect(json.name).toMatch(/^accident-report-1-\d{8}-\d{4}\.json$/);
  const doc = JSON.parse(json.text) as {
    format: string;
    saved: boolean;
    incident: { number: number; title: string; level: string; status: string };
    report: { field: string; text: string }[];
    timeline: { actor: string; text: string; kind: string }[];
  };
  expect(doc.format).toBe('control-room-accident-report');
  expect(doc.saved).toBe(true);
  expect(doc.incident).toMatchObject({ number: 1, title: TITLE, level: 'II', status: 'resolved' });
  expect(doc.report.map((f) => f.field)).toEqual(['unit', 'timePlace', 'account', 'casualties', 'measures', 'other']);
  expect(doc.report[0]?.text).toBe('Example Logistics Co., warehouse site; storage');
  expect(doc.timeline).toContainEqual(expect.objectContaining({ actor: 'Wang Fang', kind: 'calls', text: 'Called 119 (Fire)' }));
  expect(doc.timeline).toContainEqual(expect.objectContaining({ kind: 'roles', text: 'Chen Jie assigned as Rescue group' }));
  expect(doc.timeline.at(-1)?.text).toBe('Accident report edited');

  const csv = await download(page, pane.getByRole('button', { name: 'Export CSV' }));
  expect(csv.name).toMatch(/^accident-report-1-\d{8}-\d{4}\.csv$/);
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('section,time,actor,item,text');
  expect(lines).toContain('incident,,,Title,Fire in warehouse 3');
  // Quotes are doubled and the field quoted; commas stay inside their field.
  expect(lines).toContain('report,,,Anything else to report,"Nobody trapped; ""bay 2"" racks lost"');
  expect(lines).toContain('report,,,"The unit (name, address, nature)","Example Logistics Co., warehouse site; storage"');
  expect(lines.some((l) => /^timeline,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,Wang Fang,Calls,Called 119 \(Fire\)$/.test(l))).toBe(true);

  await wallContext.close();
});

test('the console works from the keyboard: select, call, acknowledge, help', async ({ page, host }) => {
  await openBoard(page, host.url);
  await page.getByLabel('Operator', { exact: true }).fill('Wang Fang');
  await postCommand(host, { type: 'raiseIncident', incidentType: 'injury', level: 'III', title: 'Cut hand at packing line' });
  await postCommand(host, { type: 'raiseIncident', incidentType: 'fire', level: 'I', title: 'Fire in transformer room' });
  await expect(incidentBoard(page).getByRole('article')).toHaveCount(2);
  await page.locator('body').click({ position: { x: 5, y: 300 } });

  // j selects the first incident in board order (level I first), j again the next, k back.
  await page.keyboard.press('j');
  await expect(detailPane(page)).toContainText('Fire in transformer room');
  await page.keyboard.press('j');
  await expect(detailPane(page)).toContainText('Cut hand at packing line');
  await page.keyboard.press('ArrowUp');
  await expect(detailPane(page)).toContainText('Fire in transformer room');

  // 1 calls 119 for the selected incident; a shows it acknowledged.
  await page.keyboard.press('1');
  await expect(timeline(page)).toContainText('Called 119 (Fire)');
  await page.keyboard.press('a');
  await expect(card(page, 'Fire in transformer room')).toContainText('Acknowledged by');

  // Typing in a field is typing, not shortcuts.
  await page.getByLabel('Title', { exact: true }).fill('');
  await page.getByLabel('Title', { exact: true }).pressSequentially('a j 1');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('a j 1');
  await expect(card(page, 'Cut hand at packing line')).toContainText('Unacknowledged');

  // n goes to the raise form.
  await page.getByLabel('Title', { exact: true }).blur();
  await page.keyboard.press('n');
  await expect(page.getByLabel('Incident type', { exact: true })).toBeFocused();
  await page.getByLabel('Incident type', { exact: true }).blur();

  // ? opens the help overlay: a modal dialog that keeps Tab inside and closes on Escape.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Call 119 for the selected incident');
  for (let i = 0; i < 3; i += 1) {
    await page.keyboard.press('Tab');
    expect(await help.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
});

test('without a selected incident, a contact click asks which incident the call belongs to', async ({ page, host }) => {
  await openBoard(page, host.url);
  await postCommand(host, { type: 'raiseIncident', incidentType: 'injury', level: 'III', title: 'Cut hand at packing line' });
  await expect(contacts(page)).toContainText('No incident selected');
  await contacts(page).getByRole('button', { name: 'Call 120 Ambulance' }).click();
  const chooser = page.getByRole('dialog', { name: 'Record the call to 120 on which incident?' });
  await chooser.getByRole('button', { name: /Cut hand at packing line/ }).click();
  await expect(chooser).toHaveCount(0);
  await expect(timeline(page)).toContainText('Called 120 (Ambulance)');
  await expect(contacts(page)).toContainText('Recorded: called 120 (incident 1)');
});

test('a drill is bannered on both views and left out of the statistics', async ({ page, browser, host }) => {
  await postCommand(host, { type: 'raiseIncident', incidentType: 'fire', level: 'II', title: 'Evacuation exercise', drill: true });
  await postCommand(host, { type: 'raiseIncident', incidentType: 'injury', level: 'III', title: 'Cut hand at packing line' });
  await openBoard(page, host.url);
  await expect(page.getByRole('region', { name: 'DRILL', exact: true })).toContainText('Drill in progress: No. 1 Evacuation exercise');
  const stats = page.getByRole('region', { name: 'Active incidents (drills excluded)' });
  await expect(stats).toContainText('Level II: 0');
  await expect(stats).toContainText('Level III: 1');
  await expect(stats).toContainText('Total 1');
  await expect(stats).toContainText('1 drill, not counted');

  const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await wallContext.newPage();
  await openWall(wall, host.url);
  await expect(wall.getByRole('region', { name: 'DRILL', exact: true })).toBeVisible();
  await expect(wall.getByRole('article', { name: 'No. 1 Evacuation exercise' })).toContainText('DRILL');
  await wallContext.close();
});

test('the wall fits thirteen incidents on one screen: twelve tiles and a summary line', async ({ browser, host }) => {
  const levels = ['I', 'II', 'II', 'III', 'III', 'III', 'IV', 'IV', 'IV', 'IV', 'IV', 'II', 'III'] as const;
  for (const [i, level] of levels.entries()) {
    await postCommand(host, {
      type: 'raiseIncident',
      incidentType: 'equipment-accident',
      level,
      title: `Machine ${i + 1} stopped with a long title that wraps`,
    });
  }
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await context.newPage();
  await openWall(wall, host.url);
  await expect(wall.locator('.tile')).toHaveCount(12);
  // All unacknowledged and real, so gravest first: the one left over is the last level IV raised.
  await expect(wall.getByText('+1 more (1 unacknowledged): No. 11')).toBeVisible();
  // No scrolling: the page and every tile fit in the screen.
  const fits = await wall.evaluate(() => {
    const root = document.documentElement;
    const tiles = Array.from(document.querySelectorAll('.tile'), (t) => t.getBoundingClientRect());
    return (
      root.scrollHeight <= window.innerHeight &&
      root.scrollWidth <= window.innerWidth &&
      tiles.every((r) => r.bottom <= window.innerHeight && r.right <= window.innerWidth)
    );
  });
  expect(fits).toBe(true);
  // Read-only: nothing on the wall can be operated.
  await expect(wall.getByRole('button')).toHaveCount(0);
  await expect(wall.locator('input, select, textarea, a[href]')).toHaveCount(0);
  await wall.screenshot({ path: test.info().outputPath('wall-13.png') });
  await context.close();
});
