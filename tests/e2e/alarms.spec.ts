import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures.js';
import type { RunningHost } from './helpers/host.js';
import { card, fillRaiseForm, incidentBoard, openBoard, raiseForm, raiseIncident, recent } from './helpers/board.js';
import { detailPane } from './helpers/plans.js';

// Alarms against the real host: the scheduler's ticks, the journal and the WebSocket are all in
// play. Every wait is on text or an attribute the page exposes, never a fixed sleep.

/** Level IV escalates every 1.5 s up to the commander, who then has a minute. */
const SHORT_POLICY = {
  type: 'setPolicy',
  level: 'IV',
  policy: {
    tiers: [
      { role: 'dutyOfficer', ackTimeoutMs: 1500, repeat: 0 },
      { role: 'dutyHead', ackTimeoutMs: 1500, repeat: 0 },
      { role: 'commander', ackTimeoutMs: 60000, repeat: 0 },
    ],
    reminderMs: null,
  },
};

async function post(
  request: APIRequestContext,
  host: RunningHost,
  path: 'commands' | 'alarms',
  body: Record<string, unknown>,
): Promise<void> {
  const response = await request.post(new URL(`/api/v1/${path}`, host.url).href, { data: body });
  expect(response.status(), await response.text()).toBe(200);
}

/** The one horn of the display: data-horn is the pattern it plays (urgent | normal | off). */
const horn = (page: Page): Locator => page.locator('[data-horn]');
const HH_MM = '\\d\\d:\\d\\d';

test('an unanswered alarm climbs the ladder by itself; acknowledging stops it and the flashing', async ({ page, request, host }) => {
  await post(request, host, 'commands', SHORT_POLICY);
  await openBoard(page, host.url);
  await raiseIncident(page, { type: 'Fire', level: 'IV', title: 'Smoke in the archive' });
  const incident = card(page, 'Smoke in the archive');
  await expect(incident).toHaveAttribute('data-alarm', 'unacknowledged');
  await expect(incident).toHaveClass(/\bcard--alarm\b/);
  await expect(horn(page)).toHaveAttribute('data-horn', 'normal');

  // Nobody acts: the duty head is called, then the commander.
  await expect(incident).toContainText('Tier 2 of 3: Duty head must act');
  await expect(incident).toContainText('Escalated');
  await expect(incident).toContainText('Tier 3 of 3: Commander must act');
  // The commander is the top: the next step is a repeat, and Escalate says why it cannot.
  await expect(incident).toContainText(/Alert repeats in 0:00:\d\d/);
  const escalate = incident.getByRole('button', { name: /^Escalate/ });
  await expect(escalate).toHaveAttribute('aria-disabled', 'true');
  await expect(escalate).toHaveAccessibleDescription('Already at the top tier (Commander): nobody to escalate to');
  // One horn for the display, however many alarms.
  await expect(horn(page)).toHaveCount(1);

  await incident.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(incident).toHaveAttribute('data-alarm', 'acknowledged');
  await expect(incident).toHaveAttribute('data-flashing', 'false');
  await expect(incident).not.toHaveClass(/\bcard--alarm\b/);
  await expect(incident.locator('[data-next]')).toHaveCount(0);
  await expect(incident).not.toContainText('Alert repeats in');
  await expect(incident).toContainText('Tier 3 of 3: Commander must act');
  await expect(horn(page)).toHaveAttribute('data-horn', 'off');

  // The incident's record keeps both escalations, made by the system, not by hand.
  const state = (await (await request.get(new URL('/api/v1/state', host.url).href)).json()) as {
    value: { active: { title: string; timeline: { type: string; manual?: boolean; toTier?: number }[] }[] };
  };
  const escalations = state.value.active.find((i) => i.title === 'Smoke in the archive')?.timeline.filter((e) => e.type === 'escalated');
  expect(escalations?.map((e) => [e.toTier, e.manual])).toEqual([
    [1, false],
    [2, false],
  ]);
});

test('silence mutes the horn but the card keeps flashing; escalate and shelve are their own controls', async ({ page, host }) => {
  await openBoard(page, host.url);
  await raiseIncident(page, { type: 'Fire', level: 'II', title: 'Gas smell in the kitchen' });
  const incident = card(page, 'Gas smell in the kitchen');
  await expect(horn(page)).toHaveAttribute('data-horn', 'urgent');
  await expect(incident).toContainText('Tier 1 of 5: Duty officer must act');
  await expect(incident).toContainText(/Escalates to Duty head in 0:0\d:\d\d/);

  await incident.getByRole('button', { name: /^Silence/ }).click();
  await expect(incident).toContainText(new RegExp(`Silenced until ${HH_MM}`));
  await expect(horn(page)).toHaveAttribute('data-horn', 'off');
  // Silence is not acknowledgement: still unacknowledged, still flashing, still escalating.
  await expect(incident).toHaveAttribute('data-alarm', 'unacknowledged');
  await expect(incident).toHaveAttribute('data-flashing', 'true');
  await expect(incident).toHaveClass(/\bcard--alarm\b/);
  await expect(incident).toContainText(/Escalates to Duty head in/);
  await expect(incident.getByRole('button', { name: /^Acknowledge/ })).toBeVisible();
  // The flash is a CSS animation; with reduced motion it is a steady strong frame instead.
  await expect(incident).toHaveCSS('animation-name', 'pulse');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(incident).toHaveCSS('animation-name', 'none');
  await expect(incident).toHaveCSS('outline-style', 'solid');
  await expect(incident).toHaveCSS('outline-width', '4px');
  await page.emulateMedia({ reducedMotion: 'no-preference' });

  // By hand to the next tier: the new tier must hear the horn, so the silence ends.
  await incident.getByRole('button', { name: /^Escalate/ }).click();
  await page
    .getByRole('dialog', { name: /^Escalate incident/ })
    .getByRole('button', { name: 'Escalate to Duty head' })
    .click();
  await expect(incident).toContainText('Tier 2 of 5: Duty head must act');
  await expect(incident).not.toContainText('Silenced until');
  await expect(horn(page)).toHaveAttribute('data-horn', 'urgent');

  // Shelve asks for a reason; a blank one is refused by the host and shown by the field.
  await incident.getByRole('button', { name: /^Shelve/ }).click();
  const form = incident.getByRole('form', { name: /^Shelve incident/ });
  const reason = form.getByLabel('Reason for shelving');
  await expect(reason).toBeFocused();
  await reason.fill('   ');
  await form.getByRole('button', { name: 'Shelve', exact: true }).click();
  // the host's refusal, in the board's own words
  await expect(form.getByRole('alert')).toHaveText('This must be filled in.');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');

  await reason.fill('Detector under maintenance');
  await form.getByLabel('Shelve for').selectOption({ label: '4 h' });
  await form.getByRole('button', { name: 'Shelve', exact: true }).click();
  await expect(incident).toContainText(new RegExp(`Shelved until ${HH_MM} — Detector under maintenance`));
  await expect(form).toHaveCount(0);
  // Shelved: still on the board and operable, steady, quieter, no horn.
  await expect(incident).toHaveAttribute('data-shelved', 'true');
  await expect(incident).toHaveAttribute('data-flashing', 'false');
  await expect(incident).toHaveClass(/\bcard--shelved\b/);
  await expect(horn(page)).toHaveAttribute('data-horn', 'off');
  await expect(incident.getByRole('button', { name: /^Silence/ })).toHaveCount(0);
  const unshelve = incident.getByRole('button', { name: /^Unshelve/ });
  await expect(unshelve).toBeFocused();

  await unshelve.click();
  await expect(incident).toHaveAttribute('data-shelved', 'false');
  await expect(incident).toHaveAttribute('data-flashing', 'true');
  await expect(horn(page)).toHaveAttribute('data-horn', 'urgent');
});

test('every deadline counts down, turns urgent under ten minutes, and is marked met with one click', async ({ page, host }) => {
  await openBoard(page, host.url);
  await page.getByLabel('Operator', { exact: true }).fill('Wang Fang');
  await raiseIncident(page, { type: 'Fire', level: 'I', title: 'Fire in the paint store' });
  const incident = card(page, 'Fire in the paint store');
  const deadlines = incident.getByRole('group', { name: 'Deadlines' });
  const unitHead = deadlines.getByRole('listitem').filter({ hasText: 'Report to the unit head' });
  const bureau = deadlines.getByRole('listitem').filter({ hasText: 'Report to the county emergency management bureau' });

  await expect(unitHead).toHaveAttribute('data-state', 'open');
  await expect(unitHead).toContainText(new RegExp(`due ${HH_MM} · 0:0[45]:\\d\\d`));
  await expect(unitHead.locator('.countdown')).toHaveAttribute('data-urgent', 'true');
  await expect(bureau).toContainText(/0:5\d:\d\d|1:00:00/);
  await expect(bureau.locator('.countdown')).toHaveAttribute('data-urgent', 'false');

  await incident.getByRole('button', { name: 'Mark met: Report to the unit head' }).click();
  await expect(unitHead).toHaveAttribute('data-state', 'met');
  await expect(unitHead).toContainText(new RegExp(`Met ${HH_MM} by Wang Fang`));
  await expect(unitHead.getByRole('button')).toHaveCount(0);
  await expect(bureau.getByRole('button', { name: /^Mark met/ })).toBeVisible();
});

test('an outside alarm triggered twice is one card counted twice; when it returns to normal it waits to be seen', async ({
  page,
  request,
  host,
}) => {
  await openBoard(page, host.url);
  const alarm = { dedupKey: 'pump-7', source: 'SCADA', summary: 'Pump 7 pressure low' };
  await post(request, host, 'alarms', { action: 'trigger', ...alarm });
  const incident = card(page, 'Pump 7 pressure low');
  await expect(incident).toContainText('SCADA · 1 ×');
  await post(request, host, 'alarms', { action: 'trigger', ...alarm });
  await expect(incident).toContainText('SCADA · 2 ×');
  await expect(incidentBoard(page).getByRole('article')).toHaveCount(1);

  await post(request, host, 'alarms', { action: 'resolve', dedupKey: 'pump-7', source: 'SCADA' });
  await expect(incident).toContainText('Returned to normal, unacknowledged');
  await expect(incident).toContainText('SCADA · 2 ×');
  // It no longer sounds or climbs, but it still asks to be seen.
  await expect(incident).toHaveAttribute('data-alarm', 'unacknowledged');
  await expect(horn(page)).toHaveAttribute('data-horn', 'off');
  await expect(incident.locator('[data-next]')).toHaveCount(0);

  await incident.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(incident).toHaveCount(0);
  await expect(recent(page).getByRole('listitem').filter({ hasText: 'Pump 7 pressure low' })).toContainText('Resolved');
});

test('an alarm flood raises a banner and groups the board by source and type, every alarm still operable', async ({
  page,
  request,
  host,
}) => {
  await openBoard(page, host.url);
  for (let i = 1; i <= 6; i += 1) {
    await post(request, host, 'commands', { type: 'raiseIncident', incidentType: 'fire', level: 'III', title: `Smoke detector ${i}` });
  }
  await expect(page.getByRole('alert').filter({ hasText: 'Alarm flood' })).toHaveCount(0);
  for (let i = 1; i <= 5; i += 1) {
    await post(request, host, 'alarms', { action: 'trigger', dedupKey: `chiller-${i}`, source: 'BMS', summary: `Chiller ${i} fault` });
  }

  const banner = page.getByRole('alert').filter({ hasText: 'Alarm flood' });
  await expect(banner).toContainText(new RegExp(`Alarm flood since ${HH_MM} — 11 alarms in 10 min`));
  const board = incidentBoard(page);
  const manual = board.getByRole('region', { name: 'Raised on the board · Fire' });
  const bms = board.getByRole('region', { name: 'BMS · System alarm' });
  await expect(manual.getByRole('heading', { name: 'Raised on the board · Fire 6 alarms' })).toBeVisible();
  await expect(bms.getByRole('heading', { name: 'BMS · System alarm 5 alarms' })).toBeVisible();
  await expect(manual.getByRole('article')).toHaveCount(6);
  await expect(bms.getByRole('article')).toHaveCount(5);
  await expect(board.getByRole('article')).toHaveCount(11);
  await expect(horn(page)).toHaveCount(1);

  // A flooded board lists one line per alarm; picking a line brings its controls to the middle.
  const chiller = card(page, 'Chiller 3 fault');
  await chiller.getByRole('button', { name: /^Select incident \d+: Chiller 3 fault$/ }).click();
  await detailPane(page)
    .getByRole('button', { name: /^Acknowledge/ })
    .click();
  await expect(chiller).toHaveAttribute('data-alarm', 'acknowledged');
  await expect(bms.getByRole('article')).toHaveCount(5);
});

test('every alarm control is reached with Tab, shows its focus, and works from the keyboard', async ({ page, host }) => {
  await openBoard(page, host.url);
  await raiseIncident(page, { type: 'Fire', level: 'IV', title: 'Sprinkler alarm in hall B' });
  const incident = card(page, 'Sprinkler alarm in hall B');
  // Start the Tab order at the card's title, as a click there does.
  await incident.getByRole('heading', { name: 'Sprinkler alarm in hall B' }).click();

  const reached: string[] = [];
  for (let i = 0; i < 12 && !reached.some((name) => name.startsWith('Details')); i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (el === null) return null;
      const style = getComputedStyle(el);
      return {
        name: el.getAttribute('aria-label') ?? el.textContent ?? '',
        outline: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
      };
    });
    expect(focused).not.toBeNull();
    reached.push(focused!.name);
    // A visible focus ring on every stop.
    expect(focused!.outline, focused!.name).not.toBe('none');
    expect(focused!.width, focused!.name).toBeGreaterThanOrEqual(2);
  }
  const order = ['Mark met: Report to the unit head', 'Acknowledge', 'Silence', 'Shelve', 'Escalate', 'Resolve', 'Details'];
  const positions = order.map((prefix) => reached.findIndex((name) => name.startsWith(prefix)));
  expect(
    positions.every((p) => p >= 0),
    reached.join(' | '),
  ).toBe(true);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));

  // Shelve by keyboard alone: open, type, choose, submit; focus comes back to the card.
  await incident.getByRole('button', { name: /^Shelve/ }).focus();
  await page.keyboard.press('Enter');
  await expect(incident.getByLabel('Reason for shelving')).toBeFocused();
  await page.keyboard.type('Contractor testing sprinklers');
  await page.keyboard.press('Tab');
  await expect(incident.getByLabel('Shelve for')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(incident).toContainText('Contractor testing sprinklers');
  await expect(incident.getByRole('button', { name: /^Unshelve/ })).toBeFocused();
});

test('in Chinese the controls are named 确认 / 消音 / 搁置 / 上报升级', async ({ page, request, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('status')).toHaveText('在线');
  await post(request, host, 'commands', { type: 'raiseIncident', incidentType: 'fire', level: 'I', title: '仓库冒烟' });
  const incident = page.getByRole('region', { name: '事件看板' }).getByRole('article', { name: '仓库冒烟' });
  for (const name of [/^确认/, /^消音/, /^搁置/, /^上报升级/, /^调整级别/, /^标记完成/]) {
    await expect(incident.getByRole('button', { name }).first()).toBeVisible();
  }
  await expect(incident).toContainText('第 1 级（共 5 级）：值班员须处置');
  await expect(incident).toContainText('报告单位负责人');
});

/**
 * Makes every AudioContext start suspended, as a browser's autoplay policy does until someone
 * uses the page (headless Chromium would let it run at the first touch either way).
 */
async function holdAudioBack(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Real = window.AudioContext;
    const made: AudioContext[] = [];
    Object.assign(window, { audioContexts: made });
    window.AudioContext = class extends Real {
      constructor(options?: AudioContextOptions) {
        super(options);
        made.push(this);
        void this.suspend();
      }
    };
  });
}

test('while the browser holds audio back, an "Enable sound" button shows; using it turns the horn on', async ({ page, host }) => {
  await holdAudioBack(page);
  await openBoard(page, host.url);
  const enable = page.getByRole('button', { name: /^Enable sound/ });
  await expect(enable).toBeVisible();
  await expect(horn(page)).toHaveAttribute('data-audio', 'suspended');
  // There is no mute for the display: silence is per alarm.
  await expect(page.getByRole('button', { name: /mute/i })).toHaveCount(0);

  await enable.click();
  await expect(horn(page)).toHaveAttribute('data-audio', 'running');
  await expect(enable).toHaveCount(0);
  await raiseIncident(page, { type: 'Fire', level: 'I', title: 'Fire alarm, block C' });
  await expect(horn(page)).toHaveAttribute('data-horn', 'urgent');
});

test('the first press on the page turns sound on and still does what it pressed', async ({ page, host }) => {
  await holdAudioBack(page);
  await openBoard(page, host.url);
  await expect(page.getByRole('button', { name: /^Enable sound/ })).toBeVisible();
  await fillRaiseForm(page, { type: 'Injury', title: 'Cut hand at packing line' });

  // A person's press, held while the sound starts and the page has drawn what changed.
  const button = raiseForm(page).getByRole('button', { name: 'Raise incident' });
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  if (box === null) throw new Error('the raise button is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForFunction(() =>
    (window as unknown as { audioContexts: AudioContext[] }).audioContexts.every((c) => c.state === 'running'),
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.mouse.up();

  await expect(raiseForm(page).getByText(/^Incident \d+ raised$/)).toBeVisible();
  await expect(card(page, 'Cut hand at packing line')).toBeVisible();
  await expect(horn(page)).toHaveAttribute('data-audio', 'running');
  await expect(page.getByRole('button', { name: /^Enable sound/ })).toHaveCount(0);
});
