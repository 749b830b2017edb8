import { expect, test } from './helpers/fixtures.js';
import { card, fillRaiseForm, incidentBoard, openBoard, raiseForm, raiseIncident, recent, resolveIncident } from './helpers/board.js';
import { contacts, detailPane, postCommand } from './helpers/plans.js';

test('an incident raised on one display shows on another within a second', async ({ page, browser, host }) => {
  const other = await browser.newContext();
  const pageB = await other.newPage();
  await openBoard(page, host.url);
  await openBoard(pageB, host.url);
  await fillRaiseForm(page, { type: 'Fire', level: 'I', title: 'Smoke in warehouse 3', location: 'Warehouse 3, bay 2' });

  // Timed from the click itself, not from Playwright's wait for the button to be actionable.
  await raiseForm(page).getByRole('button', { name: 'Raise incident' }).click();
  const clickedAt = Date.now();
  await expect(card(pageB, 'Smoke in warehouse 3')).toBeVisible({ timeout: 1000 });
  expect(Date.now() - clickedAt).toBeLessThan(1000);

  const shown = card(pageB, 'Smoke in warehouse 3');
  await expect(shown).toContainText('Level I');
  await expect(shown).toContainText('Especially serious');
  await expect(shown).toContainText('Fire');
  await expect(shown).toContainText('Warehouse 3, bay 2');
  await expect(shown).toContainText('Unacknowledged');
  await other.close();
});

test('the board survives a host restart and the page reconnects by itself', async ({ page, host }) => {
  await openBoard(page, host.url);
  await raiseIncident(page, { type: 'Power outage', title: 'Branch lost mains power', location: 'East branch' });

  await host.stop();
  await expect(page.getByRole('status')).toHaveText('Connection lost — reconnecting');
  // While offline the form says why it cannot be used.
  await expect(raiseForm(page).getByLabel('Title', { exact: true })).toBeDisabled();
  await expect(raiseForm(page)).toContainText('The connection to the host is lost');

  await host.restart();
  // Backoff is capped at 5 s, so the page is back well within 15 s without a reload.
  await expect(page.getByRole('status')).toHaveText('Online', { timeout: 15_000 });
  await expect(card(page, 'Branch lost mains power')).toBeVisible();

  // Live again: a new raise round-trips through the restarted host.
  await raiseIncident(page, { type: 'Injury', title: 'Cut hand at packing line' });

  // And a display opened only now gets both from the restarted host's journal.
  const fresh = await page.context().newPage();
  await openBoard(fresh, host.url);
  await expect(card(fresh, 'Branch lost mains power')).toBeVisible();
  await expect(card(fresh, 'Cut hand at packing line')).toBeVisible();
});

test('acknowledge, resolve, close and reopen through the board', async ({ page, host }) => {
  await openBoard(page, host.url);
  await page.getByLabel('Operator', { exact: true }).fill('Wang Fang');
  await raiseIncident(page, { type: 'Equipment accident', title: 'Conveyor 4 jammed', location: 'Line 4' });
  const incident = card(page, 'Conveyor 4 jammed');
  await expect(incident).toContainText('Unacknowledged');

  await incident.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(incident).toContainText('Acknowledged');
  await expect(incident).not.toContainText('Unacknowledged');
  await expect(incident).toContainText('Acknowledged byWang Fang');
  await expect(incident.getByRole('button', { name: /^Acknowledge/ })).toHaveCount(0);

  // Its legal deadlines outlive resolve: it leaves the board once they are met.
  await resolveIncident(page, incident);
  await expect(incident).toContainText('Resolved, deadlines open');
  await incident.getByRole('button', { name: 'Mark met: Report to the unit head' }).click();
  await incident.getByRole('button', { name: /^Mark met: Report to the county/ }).click();
  await expect(incident).toHaveCount(0);
  await expect(incidentBoard(page)).toContainText('No active incidents');
  const item = recent(page).getByRole('listitem').filter({ hasText: 'Conveyor 4 jammed' });
  await expect(item).toContainText('Resolved');

  await item.getByRole('button', { name: /^Close/ }).click();
  await expect(item).toContainText('Closed');
  await expect(item.getByRole('button', { name: /^Close/ })).toHaveCount(0);

  await item.getByRole('button', { name: /^Reopen/ }).click();
  await item.getByLabel('Reason for reopening').fill('Jammed again after restart');
  await item.getByRole('button', { name: 'Reopen', exact: true }).click();
  await expect(incident).toBeVisible();
  await expect(incident).toContainText('Acknowledged');
  await expect(recent(page)).not.toContainText('Conveyor 4 jammed');
});

test('a refused raise names the field and keeps what was typed', async ({ page, host }) => {
  await openBoard(page, host.url);
  // A title of spaces is refused before it is sent, in the board's own words (no browser bubble).
  await fillRaiseForm(page, { type: 'Customer complaint', title: '   ', location: 'Counter 2', details: 'Three customers waiting' });
  await raiseForm(page).getByRole('button', { name: 'Raise incident' }).click();

  const title = raiseForm(page).getByLabel('Title', { exact: true });
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription('Fill in Title.');
  await expect(title).toBeFocused();
  await expect(raiseForm(page).getByLabel('Location', { exact: true })).toHaveValue('Counter 2');
  await expect(raiseForm(page).getByLabel('Details', { exact: true })).toHaveValue('Three customers waiting');
  await expect(incidentBoard(page)).toContainText('No active incidents');

  // Corrected, it goes through and the error goes away.
  await title.fill('Customer upset about a fee');
  await raiseForm(page).getByRole('button', { name: 'Raise incident' }).click();
  await expect(card(page, 'Customer upset about a fee')).toBeVisible();
  await expect(title).not.toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveValue('');
  // what belonged to that incident does not go out with the next one (issue 13)
  await expect(raiseForm(page).getByLabel('Location', { exact: true })).toHaveValue('');
});

test('a drill is marked on its card, and the drill box does not stay ticked', async ({ page, host }) => {
  await openBoard(page, host.url);
  await raiseIncident(page, { type: 'Fire', title: 'Evacuation exercise', drill: true });
  await expect(card(page, 'Evacuation exercise')).toContainText('DRILL');
  await expect(raiseForm(page).getByLabel(/^Drill/)).not.toBeChecked();
});

test('Chinese is the default and the language toggle is remembered', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('status')).toHaveText('在线');
  await expect(page.getByRole('region', { name: '事件看板' })).toBeVisible();
  await expect(page.getByRole('button', { name: '上报事件' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('region', { name: 'Incident board' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('region', { name: 'Incident board' })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('region', { name: '事件看板' })).toBeVisible();
});

test('a line scrolled into view shows how long its incident has waited, to the second', async ({ page, host }) => {
  // Lines off screen are not drawn and their clocks rest; the one that comes into view must catch up.
  for (let i = 1; i <= 20; i += 1) {
    await postCommand(host, { type: 'raiseIncident', incidentType: 'injury', level: 'IV', title: `Cut hand ${i}`, actor: 'Guard Li' });
  }
  const lastRaisedAt = Date.now();
  await openBoard(page, host.url);
  // Same level: the longest waiting first, so the last one raised is at the bottom, out of view.
  const last = card(page, 'Cut hand 20');
  await expect(last).not.toBeInViewport();
  await page.waitForTimeout(3000);

  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  const elapsedSeconds = async () => {
    // A busy board lists one line per incident; its elapsed time is the one h:mm:ss on it.
    const text = /\d+:\d\d:\d\d/.exec(await last.innerText())?.[0] ?? '';
    const [h, m, s] = text.split(':').map(Number);
    return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
  };
  const waited = Math.floor((Date.now() - lastRaisedAt) / 1000);
  await expect.poll(elapsedSeconds, { timeout: 2000 }).toBeGreaterThanOrEqual(waited - 1);
  // And it keeps counting while in view.
  const shown = await elapsedSeconds();
  await expect.poll(elapsedSeconds, { timeout: 3000 }).toBeGreaterThan(shown);
});

test('scrolling down a long board keeps the emergency numbers, the clock and the selected incident in view', async ({ page, host }) => {
  for (let i = 1; i <= 20; i += 1) {
    await postCommand(host, {
      type: 'raiseIncident',
      incidentType: 'injury',
      level: 'IV',
      title: `Cut hand ${String(i).padStart(2, '0')}`,
      actor: 'Guard Li',
    });
  }
  await openBoard(page, host.url);
  await incidentBoard(page).getByRole('button', { name: 'Select incident 2: Cut hand 02' }).click();
  await expect(detailPane(page)).toBeInViewport();

  const last = card(page, 'Cut hand 20');
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  for (const number of ['119 Fire', '110 Police', '120 Ambulance', '122 Traffic accidents']) {
    await expect(contacts(page).getByRole('button', { name: `Call ${number}` })).toBeInViewport({ ratio: 1 });
  }
  await expect(page.getByRole('status')).toBeInViewport();
  await expect(detailPane(page)).toBeInViewport();
  await expect(detailPane(page)).toContainText('Cut hand 02');
});

test("a banner that comes from elsewhere does not move the card under the duty officer's pointer", async ({ page, host }) => {
  await postCommand(host, { type: 'raiseIncident', incidentType: 'fire', level: 'I', title: 'Fire in transformer room' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openBoard(page, host.url);
  const acknowledge = card(page, 'Fire in transformer room').getByRole('button', { name: /^Acknowledge/ });
  await expect(acknowledge).toBeInViewport();
  const before = await acknowledge.boundingBox();

  // Another display raises a drill: its banner appears on this one.
  await postCommand(host, { type: 'raiseIncident', incidentType: 'power-outage', level: 'III', title: 'Evacuation exercise', drill: true });
  await expect(page.getByRole('region', { name: 'DRILL', exact: true })).toBeVisible();
  await expect(card(page, 'Evacuation exercise')).toBeVisible();
  expect(await acknowledge.boundingBox()).toEqual(before);
});
