import { createElement as h, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HostStatus } from '../../electron/core/contract/contract.js';
import { DEFAULT_SETTINGS, publicSettings, type PublicSettings } from '../../electron/core/organisation/settings.js';
import { initialState, type BoardState } from '../../electron/core/state.js';
import { HelpDialog } from '../../renderer/keyboard/HelpDialog.js';
import { createBoardStore } from '../../renderer/store/boardStore.js';
import { BoardStoreProvider } from '../../renderer/store/context.js';
import { CardPlanSummary } from '../../renderer/views/console/CardPlanSummary.js';
import { EmergencyContacts } from '../../renderer/views/console/EmergencyContacts.js';
import { StatsStrip } from '../../renderer/views/console/StatsStrip.js';
import { DrillBanner } from '../../renderer/views/console/DrillBanner.js';
import { Checklist } from '../../renderer/views/incident/Checklist.js';
import { DetailPane } from '../../renderer/views/incident/DetailPane.js';
import { Positions } from '../../renderer/views/incident/Positions.js';
import { Timeline } from '../../renderer/views/incident/Timeline.js';
import { at, T0 } from '../core/given.js';
import { FakeTransport } from './fakeTransport.js';
import { fire, fireBoard } from './planFixture.js';

type Lang = 'en' | 'zh-CN';

/** Renders a view on a store holding `board`, as the host would have sent it, in one language. */
function render(
  view: ReactElement,
  options: { language: Lang; board?: BoardState; settings?: Partial<PublicSettings>; selected?: string | null },
): string {
  const transport = new FakeTransport();
  const store = createBoardStore(transport, { language: options.language, now: () => T0 });
  const board = options.board ?? fireBoard();
  const status: HostStatus = { warnings: [], settings: { ...publicSettings(DEFAULT_SETTINGS), ...options.settings }, now: T0 };
  transport.host.onStatus(status);
  transport.host.onConnection(true);
  transport.host.onSnapshot(board.seq, board);
  if (options.selected !== undefined) store.getState().selectIncident(options.selected);
  // Server rendering reads a store's initial state (zustand's getServerSnapshot): show it the current one.
  const settled = { ...store, getInitialState: store.getState };
  return renderToStaticMarkup(h(BoardStoreProvider, { store: settled, children: view }));
}

/** The visible text, tags stripped, for "does it say this" checks. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const labels = (html: string) => [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);

describe('the card summary', () => {
  it('shows checklist progress, role holders and the unfilled positions, in English', () => {
    const html = render(h(CardPlanSummary, { id: 'inc-1' }), { language: 'en', selected: 'inc-1' });
    expect(text(html)).toContain('Checklist 3/7');
    expect(labels(html)).toContain('Checklist: 3 of 7 steps handled');
    expect(text(html)).toContain('Unfilled: On-site lead, Security and evacuation group');
    expect(text(html)).toContain('Commander: Li Wei');
    expect(text(html)).toContain('Rescue group: Chen Jie');
    expect(text(html)).toContain('Selected');
    expect(html).toContain('data-incident-id="inc-1"');
  });

  it('in Chinese', () => {
    const html = render(h(CardPlanSummary, { id: 'inc-1' }), { language: 'zh-CN', selected: null });
    expect(text(html)).toContain('清单 3/7');
    expect(text(html)).toContain('未指派：现场负责人，安全保卫组');
    expect(text(html)).toMatch(/总指挥：\s*Li Wei/);
    expect(text(html)).not.toContain('已选中');
  });
});

describe('the emergency contacts', () => {
  const settings = { contacts: [{ name: 'Power company', number: '95598', note: 'outage line' }] };

  it('offers 119, 110, 120 and 122 by name, then the site contacts, in a named region', () => {
    const html = render(h(EmergencyContacts), { language: 'en', settings, selected: 'inc-1' });
    expect(html).toMatch(/<section[^>]*aria-label="Emergency contacts"/);
    expect(labels(html)).toEqual(
      expect.arrayContaining([
        'Call 119 Fire',
        'Call 110 Police',
        'Call 120 Ambulance',
        'Call 122 Traffic accidents',
        'Call 95598 Power company',
      ]),
    );
    expect(text(html)).toContain('Calls are recorded on incident 1 Fire in warehouse 3');
    expect(text(html)).toContain('Dial on the phone; clicking a number records the call.');
  });

  it('in Chinese, and says a click asks for the incident when none is selected', () => {
    const html = render(h(EmergencyContacts), { language: 'zh-CN', settings: { ...settings, dialOut: true }, selected: null });
    expect(html).toMatch(/<section[^>]*aria-label="应急电话"/);
    expect(labels(html)).toEqual(expect.arrayContaining(['拨打 119 火警', '拨打 110 报警', '拨打 120 急救', '拨打 122 交通事故']));
    expect(text(html)).toContain('未选择事件：点击号码后再选择记录到哪个事件。');
    expect(text(html)).toContain('点击号码会同时通过本机拨出。');
  });
});

describe('the checklist', () => {
  it('shows each step with who did it, offers done, skip, undo and the call of a step that dials', () => {
    const html = render(h(Checklist, { incident: fire() }), { language: 'en' });
    const names = labels(html);
    expect(names).toContain('Undo step: Call 119: place, what is burning, anyone trapped');
    expect(names).toContain('Mark done: Cut the power to the burning area');
    expect(names).toContain('Skip step: Cut the power to the burning area');
    expect(names).toContain('Undo step: Preserve the scene for the investigation');
    expect(text(html)).toMatch(/done \d\d:\d\d:\d\d by Wang Fang/);
    expect(text(html)).toMatch(/skipped \d\d:\d\d:\d\d by Wang Fang: Handed to the brigade/);
    expect(text(html)).toContain('By: On-site lead');
    // The call-119 step is done, so its call button is gone; an open dialling step keeps it.
    expect(names).not.toContain('Call 119 (Fire)');
    const open = render(
      h(Checklist, { incident: fire(fireBoard([[at(9), { type: 'uncheckStep', incidentId: 'inc-1', stepId: 'call-119' }]])) }),
      { language: 'en' },
    );
    expect(labels(open)).toContain('Call 119 (Fire)');
  });

  it('in Chinese', () => {
    const html = render(h(Checklist, { incident: fire() }), { language: 'zh-CN' });
    expect(text(html)).toContain('处置清单');
    expect(labels(html)).toContain('完成步骤：切断着火区域电源');
    expect(labels(html)).toContain('跳过步骤：切断着火区域电源');
    expect(text(html)).toMatch(/\d\d:\d\d:\d\d 由 Wang Fang 完成/);
  });
});

describe('the positions', () => {
  it('flags required positions nobody holds and offers to assign, reassign and unassign', () => {
    const html = render(h(Positions, { incident: fire() }), { language: 'en' });
    const names = labels(html);
    expect(names).toContain('Assign role: Commander');
    expect(names).toContain('Unassign: Commander');
    expect(names).toContain('Assign role: On-site lead');
    expect(names).not.toContain('Unassign: On-site lead');
    expect(text(html)).toContain('Li Wei 138 0000 0001');
    expect(text(html)).toContain('Unfilled');
    expect(text(html)).toContain('Reassign');
    // People who may hold the position are listed first, then everyone else.
    const commander = html.slice(html.indexOf('aria-label="Assign role: Commander"'));
    expect(commander.indexOf('label="May hold this position"')).toBeLessThan(commander.indexOf('label="Everyone else"'));
    expect(commander.slice(0, commander.indexOf('label="Everyone else"'))).toContain('Li Wei');
  });

  it('in Chinese', () => {
    const html = render(h(Positions, { incident: fire() }), { language: 'zh-CN' });
    expect(labels(html)).toContain('指派岗位：总指挥');
    expect(labels(html)).toContain('取消指派：抢险救援组');
    expect(text(html)).toContain('未指派');
    expect(text(html)).toContain('应急岗位');
  });
});

describe('the timeline', () => {
  it('is a region named Timeline with every entry, newest first, and the kind filter', () => {
    const html = render(h(Timeline, { incident: fire() }), { language: 'en' });
    expect(text(html)).toContain('Timeline');
    expect(text(html)).toContain('Wang Fang Called 119 (Fire)');
    expect(text(html).indexOf('Note: Brigade on site')).toBeLessThan(text(html).indexOf('Raised (Level II)'));
    for (const kind of ['All', 'Alarms', 'Actions', 'Calls', 'Notes', 'Checklist', 'Roles'])
      expect(html).toContain(`aria-pressed="true">${kind}<`);
    expect(text(html)).toContain('Add note');
  });

  it('in Chinese', () => {
    const html = render(h(Timeline, { incident: fire() }), { language: 'zh-CN' });
    expect(text(html)).toContain('时间线');
    expect(text(html)).toContain('拨打 119（火警）');
    expect(text(html)).toContain('添加备注');
  });
});

describe('the detail pane', () => {
  it('asks for a selection when nothing is selected and nothing is active', () => {
    const board = initialState;
    expect(text(render(h(DetailPane), { language: 'en', board, selected: null }))).toContain('Select an incident on the board');
    expect(text(render(h(DetailPane), { language: 'zh-CN', board, selected: null }))).toContain('在看板上选择一个事件');
  });

  it('until one is picked, shows the gravest unacknowledged incident and says why', () => {
    const en = text(render(h(DetailPane), { language: 'en', selected: null }));
    expect(en).toContain('Incident 1: Fire in warehouse 3');
    expect(en).toContain('The gravest unacknowledged incident.');
    expect(en).not.toContain('Close details');
    expect(text(render(h(DetailPane), { language: 'zh-CN', selected: null }))).toContain('未确认中最严重的事件');
  });

  it('shows the selected incident with checklist, positions, timeline, impact and report', () => {
    const html = render(h(DetailPane), { language: 'en', selected: 'inc-1', settings: { siteName: 'Example Logistics Co.' } });
    expect(text(html)).toContain('Incident 1: Fire in warehouse 3');
    for (const part of ['Checklist', 'Positions', 'Timeline', 'Casualties and loss', 'Accident report']) expect(text(html)).toContain(part);
    expect(text(html)).toContain("The plan's thresholds propose: Level IV General");
    expect(text(html)).toContain('Not saved yet: prefilled from the incident');
    expect(html).toContain('Example Logistics Co.</textarea>');
    for (const button of ['Save report', 'Print report', 'Export JSON', 'Export CSV', 'Save casualties and loss'])
      expect(text(html)).toContain(button);
  });

  it('in Chinese', () => {
    const html = render(h(DetailPane), { language: 'zh-CN', selected: 'inc-1' });
    for (const part of ['处置清单', '应急岗位', '时间线', '伤亡和损失', '事故报告', '导出 JSON', '导出 CSV', '打印报告'])
      expect(text(html)).toContain(part);
    expect(text(html)).toContain('按预案标准建议：IV级 一般');
    // an unset unit name is an empty field with a note beside it, never a hint posing as the name
    expect(html).not.toContain('单位名称尚未设置：请在“设置”中填写。</textarea>');
    expect(text(html)).toContain('单位名称尚未设置：请在“设置”中填写。');
  });
});

describe('drills and statistics', () => {
  const board = fireBoard([
    [at(9), { type: 'raiseIncident', incidentType: 'fire', level: 'I', title: 'Evacuation exercise', drill: true }],
  ]);

  it('count active incidents by level without the drills', () => {
    const en = text(render(h(StatsStrip), { language: 'en', board }));
    expect(en).toContain('Level I: 0');
    expect(en).toContain('Level II: 1');
    expect(en).toContain('Total 1');
    expect(en).toContain('1 drill, not counted');
    expect(text(render(h(StatsStrip), { language: 'zh-CN', board }))).toContain('演练 1 起，不计入');
  });

  it('banner the drill in both languages', () => {
    expect(text(render(h(DrillBanner), { language: 'en', board }))).toContain('DRILL Drill in progress: No. 2 Evacuation exercise');
    expect(text(render(h(DrillBanner), { language: 'zh-CN', board }))).toContain('演练 演练进行中：2号 Evacuation exercise');
    expect(render(h(DrillBanner), { language: 'en' })).toBe('');
  });
});

describe('the shortcut help', () => {
  it('lists every shortcut in both languages', () => {
    const en = text(render(h(HelpDialog, { onClose: () => undefined }), { language: 'en' }));
    expect(en).toContain('Keyboard shortcuts');
    expect(en).toContain('Acknowledge the selected incident');
    expect(en).toContain('j / ↓ Next incident');
    const zh = text(render(h(HelpDialog, { onClose: () => undefined }), { language: 'zh-CN' }));
    expect(zh).toContain('快捷键');
    expect(zh).toContain('为所选事件拨打 122');
  });
});
