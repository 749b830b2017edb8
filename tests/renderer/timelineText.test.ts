import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../electron/core/contract/contract.js';
import { MESSAGES } from '../../renderer/i18n/messages.js';
import { actorName, describeEvent, kindOf, personName } from '../../renderer/views/incident/timelineText.js';
import { at, tick } from '../core/given.js';
import { fire, fireBoard, PEOPLE } from './planFixture.js';

const on = (type: CommandInput['type'], extra: Record<string, unknown> = {}): CommandInput =>
  ({ type, incidentId: 'inc-1', actor: 'Li Wei', ...extra }) as CommandInput;

/** Everything that can happen to an incident, so that every event type has a sentence. */
const BUSY = fireBoard([
  [at(9), on('assignRole', { position: 'commander', personId: 'wang-fang' })],
  [at(10), on('unassignRole', { position: 'rescueGroup' })],
  [at(11), on('uncheckStep', { stepId: 'report' })],
  [at(12), on('silence', { minutes: 5 })],
  [at(13), on('escalate')],
  [at(13), on('undoEscalation')],
  [at(13), on('escalate')],
  [at(14), on('changeLevel', { level: 'I', reason: 'spreading' })],
  [at(15), on('shelve', { reason: 'brigade in charge', minutes: 10 })],
  [at(16), on('unshelve')],
  [at(17), on('meetDeadline', { deadlineId: 'report-unit-head' })],
  [at(18), on('acknowledge')],
  [at(19), on('updateReport', { report: { unit: 'Example' } })],
  [at(90), tick()],
  [at(200), on('resolve', { summary: 'Put out' })],
  [at(201), on('waiveDeadline', { deadlineId: 'report-bureau', reason: 'Reported by the park' })],
  [at(201), on('close')],
  [at(202), on('reopen', { reason: 'Smoke again' })],
]);

describe('the timeline in words', () => {
  const incident = fire(BUSY);
  const text = (language: 'en' | 'zh-CN') =>
    incident.timeline.map((e) => describeEvent(e, { t: MESSAGES[language], language, incident, roster: PEOPLE }));

  it('has a sentence for every event, in both languages, never a raw id or "undefined"', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      for (const sentence of text(language)) {
        expect(sentence.length).toBeGreaterThan(1);
        expect(sentence).not.toMatch(/undefined|null|\[object/);
      }
    }
    expect(new Set(incident.timeline.map((e) => e.type)).size).toBeGreaterThanOrEqual(18);
  });

  it('says what happened, with the names a dispatcher knows', () => {
    const en = text('en');
    expect(en).toContain('Raised (Level II): Fire in warehouse 3');
    expect(en).toContain('Called 119 (Fire)');
    expect(en).toContain('Done: Call 119: place, what is burning, anyone trapped');
    expect(en).toContain('Li Wei assigned as Commander');
    expect(en).toContain('Commander: Wang Fang replaces Li Wei');
    expect(en).toContain('Chen Jie no longer Rescue group');
    expect(en).toContain('Skipped: Preserve the scene for the investigation (Handed to the brigade)');
    expect(en).toContain('Undone: Report to the duty head and the unit head');
    expect(en).toContain('Note: Brigade on site');
    expect(en).toContain('Level changed: Level II → Level I (spreading)');
    expect(en).toContain('Escalated by hand; Duty head alerted');
    expect(en).toContain('Deadline met: Report to the unit head');
    expect(en).toContain('Unshelved');
    expect(en).toContain('Acknowledged the alarm');
    expect(en).toContain('Accident report edited');
    expect(en).toContain('Resolved: Put out');
    expect(en).toContain('Reopened: Smoke again');
    expect(en.find((s) => s.startsWith('Casualties and loss:'))).toBe(
      'Casualties and loss: Dead 0, Missing 0, Injured 2, of whom seriously 1, Direct loss (¥) CN¥250,000',
    );
    expect(en.find((s) => s.startsWith('Horn silenced until'))).toMatch(/^Horn silenced until \d\d:\d\d:\d\d$/);
  });

  it('says it in Chinese', () => {
    const zh = text('zh-CN');
    expect(zh).toContain('上报（II级）：Fire in warehouse 3');
    expect(zh).toContain('拨打 119（火警）');
    expect(zh).toContain('指派 Li Wei 为总指挥');
    expect(zh).toContain('总指挥由 Li Wei 改为 Wang Fang');
    expect(zh).toContain('完成：拨打119报火警，说明地点、燃烧物和有无被困人员');
    expect(zh).toContain('调整级别：II级 → I级（spreading）');
  });

  it('sorts events into the kinds the filter offers', () => {
    const kinds = Object.fromEntries(incident.timeline.map((e) => [e.type, kindOf(e)]));
    expect(kinds).toMatchObject({
      incidentRaised: 'actions',
      contactCalled: 'calls',
      stepChecked: 'checklist',
      stepSkipped: 'checklist',
      stepUnchecked: 'checklist',
      roleAssigned: 'roles',
      roleUnassigned: 'roles',
      noteAdded: 'notes',
      alarmSilenced: 'alarms',
      escalated: 'alarms',
      levelChanged: 'actions',
      incidentAcknowledged: 'actions',
      impactUpdated: 'actions',
      reportUpdated: 'actions',
      incidentResolved: 'actions',
    });
  });

  it('names a person no longer in the roster as unknown, with the id', () => {
    expect(personName(PEOPLE, 'gone', MESSAGES.en)).toBe('Unknown person (gone)');
    expect(personName(PEOPLE, 'li-wei', MESSAGES['zh-CN'])).toBe('Li Wei');
  });

  it('names an emergency number in the display language, whatever language the call was recorded in (issue 13)', () => {
    const board = fireBoard([[at(9), on('recordCall', { number: '119', name: '火警' })]]);
    const incident = fire(board);
    const call = incident.timeline.at(-1);
    if (call === undefined) throw new Error('no call');
    expect(describeEvent(call, { t: MESSAGES.en, language: 'en', incident, roster: PEOPLE })).toBe('Called 119 (Fire)');
    expect(describeEvent(call, { t: MESSAGES['zh-CN'], language: 'zh-CN', incident, roster: PEOPLE })).toBe('拨打 119（火警）');
  });

  it('says who the scheduler is in Chinese', () => {
    expect(actorName('system', MESSAGES['zh-CN'])).toBe('系统');
    expect(actorName('system', MESSAGES.en)).toBe('system');
    expect(actorName('Li Wei', MESSAGES['zh-CN'])).toBe('Li Wei');
  });
});
