import { fileURLToPath } from 'node:url';
import { expect, test } from './helpers/fixtures.js';
import { card, openBoard, raiseIncident, resolveIncident } from './helpers/board.js';

// The picture in docs/ is refreshed only when asked (UPDATE_DOCS_SCREENSHOT=1), so ordinary runs
// leave the work tree clean; they still draw it, into the test's output folder.
const DOCS_PICTURE = fileURLToPath(new URL('../../docs/board.png', import.meta.url));

test('board screenshot with incidents of every level, a drill and a resolved one', async ({ page, host }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openBoard(page, host.url);
  await page.getByLabel('Operator', { exact: true }).fill('Wang Fang');
  await raiseIncident(page, { type: 'Fire', level: 'I', title: 'Fire in transformer room', location: 'Substation B2' });
  await raiseIncident(page, { type: 'Injury', level: 'II', title: 'Worker fell from scaffold', location: 'Site 4, block C' });
  await raiseIncident(page, { type: 'Power outage', title: 'Branch power failure', location: 'East branch', drill: true });
  await raiseIncident(page, { type: 'Equipment accident', level: 'IV', title: 'Forklift hydraulic leak', location: 'Dock 1' });
  await raiseIncident(page, { type: 'Customer complaint', title: 'Group complaint at the counter', location: 'Main hall' });
  await card(page, 'Worker fell from scaffold')
    .getByRole('button', { name: /^Acknowledge/ })
    .click();
  await expect(card(page, 'Worker fell from scaffold')).toContainText('Acknowledged by');
  // resolved, but its deadlines to the customer still count: it stays on the board
  await resolveIncident(page, card(page, 'Group complaint at the counter'));
  await expect(card(page, 'Group complaint at the counter')).toContainText('Resolved, deadlines open');
  // Nothing focused or hovered: the picture shows the board, not a focus ring.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(1270, 790);
  // The console's columns scroll on their own; the picture shows each from its top.
  await page.evaluate(() => {
    document.querySelectorAll('main *').forEach((element) => {
      if (element.scrollTop > 0) element.scrollTop = 0;
    });
  });

  const path = process.env.UPDATE_DOCS_SCREENSHOT === '1' ? DOCS_PICTURE : testInfo.outputPath('board.png');
  await page.screenshot({ path, animations: 'disabled' });
});
