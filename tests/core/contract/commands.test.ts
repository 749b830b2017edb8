import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, LIMITS, parseCommand } from '../../../electron/core/contract/commands.js';
import { DEFAULT_CALENDAR } from '../../../electron/core/plan/calendar.js';

const raise = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'raiseIncident',
  incidentType: 'fire',
  level: 'II',
  title: 'Smoke in hall B',
  ...over,
});
const without = (obj: Record<string, unknown>, key: string): Record<string, unknown> => {
  const copy = { ...obj };
  delete copy[key];
  return copy;
};
const refused = (field: string, message: string) => ({ ok: false, error: { code: 'invalid', field, message } });
const LEVEL_MESSAGE = 'must be one of I, II, III, IV';

/**
 * The foundation's commands, those of issue 3 (alarms and escalation), then those of the plan
 * catalogue and settings. A new command type must be added here on purpose.
 */
const ALL_TYPES = [
  'raiseIncident',
  'acknowledge',
  'addNote',
  'changeLevel',
  'resolve',
  'close',
  'reopen',
  'escalate',
  'silence',
  'shelve',
  'unshelve',
  'meetDeadline',
  'extendDeadline',
  'waiveDeadline',
  'undoEscalation',
  'triggerAlarm',
  'acknowledgeAlarm',
  'resolveAlarm',
  'setPolicy',
  'setCalendar',
  'setCatalogue',
  'setIncidentType',
  'setRoster',
  'changePin',
  'verifyPin',
  'updateSettings',
  'handOver',
  'assignRole',
  'unassignRole',
  'recordCall',
  'checkStep',
  'skipStep',
  'uncheckStep',
  'updateImpact',
  'updateReport',
];

describe('parseCommand: accepted input', () => {
  it('fills the defaults of a raise and the default actor', () => {
    expect(parseCommand(raise(), 'desk-1')).toEqual({
      ok: true,
      value: {
        type: 'raiseIncident',
        actor: 'desk-1',
        incidentType: 'fire',
        level: 'II',
        title: 'Smoke in hall B',
        location: '',
        reporter: '',
        details: '',
        drill: false,
      },
    });
  });

  it('keeps a given actor over the default one', () => {
    expect(parseCommand({ type: 'acknowledge', incidentId: 'inc-1', actor: 'Wang' }, 'desk-1')).toEqual({
      ok: true,
      value: { type: 'acknowledge', incidentId: 'inc-1', actor: 'Wang' },
    });
  });

  it('trims every string', () => {
    const parsed = parseCommand(
      raise({
        incidentType: '  fire ',
        title: '\t Smoke in hall B \n',
        location: ' Hall B ',
        reporter: ' Li ',
        details: '  zone 4  ',
        actor: '  Wang  ',
        drill: true,
        incidentId: 'gate-7',
      }),
      'desk-1',
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        type: 'raiseIncident',
        actor: 'Wang',
        incidentId: 'gate-7',
        incidentType: 'fire',
        level: 'II',
        title: 'Smoke in hall B',
        location: 'Hall B',
        reporter: 'Li',
        details: 'zone 4',
        drill: true,
      },
    });
    expect(parseCommand({ type: 'addNote', incidentId: 'a', text: '  hi  ' }, 'x')).toEqual({
      ok: true,
      value: { type: 'addNote', incidentId: 'a', text: 'hi', actor: 'x' },
    });
    expect(parseCommand({ type: 'reopen', incidentId: 'a', reason: ' again ' }, 'x')).toEqual({
      ok: true,
      value: { type: 'reopen', incidentId: 'a', reason: 'again', actor: 'x' },
    });
  });

  it.each([
    [
      { type: 'acknowledge', incidentId: 'inc-1' },
      { type: 'acknowledge', incidentId: 'inc-1', actor: 't' },
    ],
    [
      { type: 'addNote', incidentId: 'inc-1', text: 'n' },
      { type: 'addNote', incidentId: 'inc-1', text: 'n', actor: 't' },
    ],
    [
      { type: 'changeLevel', incidentId: 'inc-1', level: 'I' },
      { type: 'changeLevel', incidentId: 'inc-1', level: 'I', reason: '', actor: 't' },
    ],
    [
      { type: 'resolve', incidentId: 'inc-1' },
      { type: 'resolve', incidentId: 'inc-1', summary: '', actor: 't' },
    ],
    [
      { type: 'close', incidentId: 'inc-1' },
      { type: 'close', incidentId: 'inc-1', actor: 't' },
    ],
    [
      { type: 'reopen', incidentId: 'inc-1', reason: 'r' },
      { type: 'reopen', incidentId: 'inc-1', reason: 'r', actor: 't' },
    ],
  ])('accepts %j', (input, value) => {
    expect(parseCommand(input, 't')).toEqual({ ok: true, value });
  });

  it('accepts a title of exactly the limit, and counts it after trimming', () => {
    const title = 'a'.repeat(LIMITS.title);
    expect(LIMITS.title).toBe(200);
    expect(parseCommand(raise({ title: `  ${title}  ` }), 't')).toMatchObject({ ok: true, value: { title } });
  });

  it('knows exactly these command types; tick is not one of them', () => {
    expect(COMMAND_TYPES).toEqual(ALL_TYPES);
    expect(COMMAND_TYPES).not.toContain('tick');
  });
});

describe('parseCommand: refused input names the field', () => {
  it('missing level: field level, "is required"', () => {
    expect(parseCommand(without(raise(), 'level'), 't')).toEqual(refused('level', 'is required'));
    expect(parseCommand({ type: 'changeLevel', incidentId: 'a' }, 't')).toEqual(refused('level', 'is required'));
  });

  it.each(['V', 'i', '', 1, null])('level %j: field level', (level) => {
    expect(parseCommand(raise({ level }), 't')).toEqual(refused('level', LEVEL_MESSAGE));
  });

  it.each(['yes', 'true', 1, null])('drill %j: field drill', (drill) => {
    expect(parseCommand(raise({ drill }), 't')).toEqual(refused('drill', 'must be true or false'));
  });

  it.each(['', '   ', '\t\n'])('title %j: field title', (title) => {
    expect(parseCommand(raise({ title }), 't')).toEqual(refused('title', 'must not be empty'));
  });

  it('title of 201 characters: field title', () => {
    expect(parseCommand(raise({ title: 'a'.repeat(201) }), 't')).toEqual(refused('title', 'at most 200 characters'));
  });

  it('missing title: field title, "is required"', () => {
    expect(parseCommand(without(raise(), 'title'), 't')).toEqual(refused('title', 'is required'));
  });

  it('missing or blank incidentType: field incidentType', () => {
    expect(parseCommand(without(raise(), 'incidentType'), 't')).toEqual(refused('incidentType', 'is required'));
    expect(parseCommand(raise({ incidentType: ' ' }), 't')).toEqual(refused('incidentType', 'must not be empty'));
  });

  it('an unknown field is named: field foo, "unknown field"', () => {
    expect(parseCommand({ type: 'acknowledge', incidentId: 'a', foo: 1 }, 't')).toEqual(refused('foo', 'unknown field'));
    expect(parseCommand(raise({ foo: 'bar' }), 't')).toEqual(refused('foo', 'unknown field'));
  });

  it('a "__proto__" key parsed from JSON is refused as an unknown field, and pollutes nothing', () => {
    const raw: unknown = JSON.parse('{"type":"acknowledge","incidentId":"a","__proto__":{"x":1}}');
    expect(Object.keys(raw as object)).toContain('__proto__');
    expect(parseCommand(raw, 't')).toEqual(refused('__proto__', 'unknown field'));
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('a "constructor" key is an unknown field too', () => {
    const raw: unknown = JSON.parse('{"type":"close","incidentId":"a","constructor":{"prototype":{"y":1}}}');
    expect(parseCommand(raw, 't')).toEqual(refused('constructor', 'unknown field'));
  });

  it.each(['explode', '', 'RaiseIncident', 'toString', '__proto__', 'tick', 42, undefined])(
    'unknown type %j: code unknown_command, field type',
    (type) => {
      const input = type === undefined ? { incidentId: 'a' } : { type, incidentId: 'a' };
      expect(parseCommand(input, 't')).toEqual({
        ok: false,
        error: {
          code: 'unknown_command',
          field: 'type',
          message: `unknown command type; expected one of ${COMMAND_TYPES.join(', ')}`,
        },
      });
    },
  );

  it.each([null, [], [{ type: 'acknowledge', incidentId: 'a' }], 'acknowledge', 7, true, undefined])('non-object %j: field type', (raw) => {
    expect(parseCommand(raw, 't')).toEqual({
      ok: false,
      error: { code: 'invalid', field: 'type', message: 'a command must be a JSON object' },
    });
  });

  it('incidentId must be 1 to 64 letters, digits, "-" or "_"', () => {
    const message = 'letters, digits, "-" or "_", 1 to 64 characters';
    for (const incidentId of ['', 'a b', 'inc/1', '../x', 'x'.repeat(65), ' inc-1 ']) {
      expect(parseCommand({ type: 'acknowledge', incidentId }, 't')).toEqual(refused('incidentId', message));
    }
    expect(parseCommand({ type: 'acknowledge' }, 't')).toEqual(refused('incidentId', 'is required'));
    expect(parseCommand({ type: 'acknowledge', incidentId: 'x'.repeat(64) }, 't')).toMatchObject({ ok: true });
    expect(parseCommand(raise({ incidentId: 'a/b' }), 't')).toEqual(refused('incidentId', message));
  });

  it('reopen needs a reason: field reason', () => {
    expect(parseCommand({ type: 'reopen', incidentId: 'a' }, 't')).toEqual(refused('reason', 'is required'));
    expect(parseCommand({ type: 'reopen', incidentId: 'a', reason: '  ' }, 't')).toEqual(refused('reason', 'must not be empty'));
  });

  it('addNote needs a text of at most 4000 characters: field text', () => {
    expect(parseCommand({ type: 'addNote', incidentId: 'a' }, 't')).toEqual(refused('text', 'is required'));
    expect(parseCommand({ type: 'addNote', incidentId: 'a', text: '' }, 't')).toEqual(refused('text', 'must not be empty'));
    expect(parseCommand({ type: 'addNote', incidentId: 'a', text: 'x'.repeat(4001) }, 't')).toEqual(
      refused('text', 'at most 4000 characters'),
    );
  });

  it('changeLevel reason is limited to 1000 characters: field reason', () => {
    expect(parseCommand({ type: 'changeLevel', incidentId: 'a', level: 'I', reason: 'r'.repeat(1001) }, 't')).toEqual(
      refused('reason', 'at most 1000 characters'),
    );
  });

  it('a given actor must not be blank: field actor', () => {
    expect(parseCommand({ type: 'close', incidentId: 'a', actor: '   ' }, 't')).toEqual(refused('actor', 'must not be empty'));
    expect(parseCommand({ type: 'close', incidentId: 'a', actor: 'p'.repeat(101) }, 't')).toEqual(
      refused('actor', 'at most 100 characters'),
    );
  });

  it('a wrong type for a string field names the field', () => {
    const parsed = parseCommand(raise({ title: 5 }), 't');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect({ code: parsed.error.code, field: parsed.error.field }).toEqual({ code: 'invalid', field: 'title' });
  });
});

// ---------------------------------------------------------------------------------------------
// the alarm and escalation commands (issue 3)
// ---------------------------------------------------------------------------------------------

const tier = (over: Record<string, unknown> = {}) => ({ role: 'dutyOfficer', ackTimeoutMs: 60_000, repeat: 0, ...over });
const setPolicy = (policy: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  type: 'setPolicy',
  level: 'I',
  policy: { tiers: [tier()], reminderMs: null, ...policy },
  ...over,
});
const setCalendar = (calendar: Record<string, unknown>) => ({ type: 'setCalendar', calendar: { ...DEFAULT_CALENDAR, ...calendar } });
const trigger = (over: Record<string, unknown> = {}) => ({
  type: 'triggerAlarm',
  dedupKey: 'k1',
  source: 'bms',
  summary: 'Smoke detector 4',
  ...over,
});

describe('parseCommand: alarm controls', () => {
  it.each([
    [
      { type: 'escalate', incidentId: 'inc-1' },
      { type: 'escalate', incidentId: 'inc-1', actor: 't' },
    ],
    [
      { type: 'silence', incidentId: 'inc-1' },
      { type: 'silence', incidentId: 'inc-1', minutes: 5, actor: 't' },
    ],
    [
      { type: 'silence', incidentId: 'inc-1', minutes: 60 },
      { type: 'silence', incidentId: 'inc-1', minutes: 60, actor: 't' },
    ],
    [
      { type: 'shelve', incidentId: 'inc-1', reason: ' sensor fault ', minutes: 480 },
      { type: 'shelve', incidentId: 'inc-1', reason: 'sensor fault', minutes: 480, actor: 't' },
    ],
    [
      { type: 'unshelve', incidentId: 'inc-1' },
      { type: 'unshelve', incidentId: 'inc-1', actor: 't' },
    ],
    [
      { type: 'meetDeadline', incidentId: 'inc-1', deadlineId: ' report-bureau ' },
      { type: 'meetDeadline', incidentId: 'inc-1', deadlineId: 'report-bureau', actor: 't' },
    ],
  ])('accepts %j', (input, value) => {
    expect(parseCommand(input, 't')).toEqual({ ok: true, value });
  });

  it('silence is 1 to 60 whole minutes, 5 by default', () => {
    expect(LIMITS.silenceMinutes).toBe(60);
    const silence = (minutes: unknown) => parseCommand({ type: 'silence', incidentId: 'a', minutes }, 't');
    expect(silence(0)).toEqual(refused('minutes', 'at least 1 minute'));
    expect(silence(-5)).toEqual(refused('minutes', 'at least 1 minute'));
    expect(silence(61)).toEqual(refused('minutes', 'at most 60 minutes'));
    expect(silence(1.5)).toEqual(refused('minutes', 'whole minutes'));
    expect(silence('5')).toEqual(refused('minutes', 'must be a number of minutes'));
    expect(silence(1)).toMatchObject({ ok: true, value: { minutes: 1 } });
  });

  it('shelving needs a reason and an expiry of at most 8 hours', () => {
    expect(LIMITS.shelveMinutes).toBe(480);
    expect(parseCommand({ type: 'shelve', incidentId: 'a', minutes: 30 }, 't')).toEqual(refused('reason', 'is required'));
    expect(parseCommand({ type: 'shelve', incidentId: 'a', minutes: 30, reason: ' ' }, 't')).toEqual(
      refused('reason', 'must not be empty'),
    );
    expect(parseCommand({ type: 'shelve', incidentId: 'a', reason: 'x' }, 't')).toEqual(refused('minutes', 'is required'));
    expect(parseCommand({ type: 'shelve', incidentId: 'a', reason: 'x', minutes: 481 }, 't')).toEqual(
      refused('minutes', 'at most 480 minutes'),
    );
    expect(parseCommand({ type: 'shelve', incidentId: 'a', reason: 'x', minutes: 0 }, 't')).toEqual(
      refused('minutes', 'at least 1 minute'),
    );
  });

  it('meetDeadline names the deadline', () => {
    expect(parseCommand({ type: 'meetDeadline', incidentId: 'a' }, 't')).toEqual(refused('deadlineId', 'is required'));
    expect(parseCommand({ type: 'meetDeadline', incidentId: 'a', deadlineId: '' }, 't')).toEqual(
      refused('deadlineId', 'must not be empty'),
    );
  });

  it('the scheduler’s tick cannot be sent from outside', () => {
    expect(parseCommand({ type: 'tick', actor: 'system', clockJumpMs: -3_600_000 }, 't')).toMatchObject({
      ok: false,
      error: { code: 'unknown_command', field: 'type' },
    });
  });
});

describe('parseCommand: alarms from other systems', () => {
  it('a trigger needs dedupKey, source and summary; type and level are optional; strings are trimmed', () => {
    expect(parseCommand(trigger({ dedupKey: ' k1 ', source: ' bms ', summary: ' Smoke detector 4 ' }), 't')).toEqual({
      ok: true,
      value: { type: 'triggerAlarm', dedupKey: 'k1', source: 'bms', summary: 'Smoke detector 4', details: '', actor: 't' },
    });
    expect(parseCommand(trigger({ incidentType: 'fire', level: 'I', details: 'zone 4' }), 't')).toEqual({
      ok: true,
      value: {
        type: 'triggerAlarm',
        dedupKey: 'k1',
        source: 'bms',
        summary: 'Smoke detector 4',
        incidentType: 'fire',
        level: 'I',
        details: 'zone 4',
        actor: 't',
      },
    });
  });

  it.each(['dedupKey', 'source', 'summary'])('a trigger without %s: field %s, "is required"', (field) => {
    expect(parseCommand(without(trigger(), field), 't')).toEqual(refused(field, 'is required'));
    expect(parseCommand(trigger({ [field]: '  ' }), 't')).toEqual(refused(field, 'must not be empty'));
  });

  it('limits: dedupKey 255, source 100, summary 200 characters; level I to IV', () => {
    expect(parseCommand(trigger({ dedupKey: 'k'.repeat(256) }), 't')).toEqual(refused('dedupKey', 'at most 255 characters'));
    expect(parseCommand(trigger({ dedupKey: 'k'.repeat(255) }), 't')).toMatchObject({ ok: true });
    expect(parseCommand(trigger({ source: 's'.repeat(101) }), 't')).toEqual(refused('source', 'at most 100 characters'));
    expect(parseCommand(trigger({ summary: 's'.repeat(201) }), 't')).toEqual(refused('summary', 'at most 200 characters'));
    expect(parseCommand(trigger({ level: 'V' }), 't')).toEqual(refused('level', LEVEL_MESSAGE));
  });

  it.each(['acknowledgeAlarm', 'resolveAlarm'])('%s takes only source and dedupKey', (type) => {
    expect(parseCommand({ type, dedupKey: 'k1', source: 'bms' }, 't')).toEqual({
      ok: true,
      value: { type, dedupKey: 'k1', source: 'bms', actor: 't' },
    });
    expect(parseCommand({ type, source: 'bms' }, 't')).toEqual(refused('dedupKey', 'is required'));
    expect(parseCommand({ type, dedupKey: 'k1', source: 'bms', summary: 'x' }, 't')).toEqual(refused('summary', 'unknown field'));
  });
});

describe('parseCommand: policies and calendar', () => {
  it('setPolicy: the incident type defaults to null (the level default)', () => {
    expect(parseCommand(setPolicy({ reminderMs: 60_000 }), 't')).toEqual({
      ok: true,
      value: { type: 'setPolicy', incidentType: null, level: 'I', policy: { tiers: [tier()], reminderMs: 60_000 }, actor: 't' },
    });
    expect(parseCommand(setPolicy({}, { incidentType: 'fire' }), 't')).toMatchObject({ ok: true, value: { incidentType: 'fire' } });
  });

  it('setPolicy names the field of a bad tier by its path', () => {
    expect(parseCommand(setPolicy({ tiers: [] }), 't')).toEqual(refused('policy.tiers', 'at least one tier'));
    expect(parseCommand(setPolicy({ tiers: [tier(), tier({ ackTimeoutMs: 999 })] }), 't')).toEqual(
      refused('policy.tiers.1.ackTimeoutMs', 'at least one second'),
    );
    expect(parseCommand(setPolicy({ tiers: [tier({ extra: 1 })] }), 't')).toEqual(refused('policy.tiers.0.extra', 'unknown field'));
    expect(parseCommand(setPolicy({ tiers: Array.from({ length: 9 }, () => tier()) }), 't')).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'policy.tiers' },
    });
    for (const bad of [tier({ role: 'boss' }), tier({ repeat: 11 }), tier({ repeat: -1 }), tier({ ackTimeoutMs: 24 * 3_600_000 + 1 })]) {
      const parsed = parseCommand(setPolicy({ tiers: [bad] }), 't');
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.field).toMatch(/^policy\.tiers\.0\.(role|repeat|ackTimeoutMs)$/);
    }
  });

  it('setPolicy: a reminder is at least a minute, or null; it must be given', () => {
    expect(parseCommand(setPolicy({ reminderMs: 59_999 }), 't')).toMatchObject({ ok: false, error: { field: 'policy.reminderMs' } });
    expect(parseCommand({ type: 'setPolicy', level: 'I', policy: { tiers: [tier()] } }, 't')).toEqual(
      refused('policy.reminderMs', 'is required'),
    );
    expect(parseCommand({ type: 'setPolicy', policy: { tiers: [tier()], reminderMs: null } }, 't')).toEqual(
      refused('level', 'is required'),
    );
  });

  it('setCalendar: dates as YYYY-MM-DD, weekdays 0 to 6, an offset within -12:00..+14:00', () => {
    expect(parseCommand(setCalendar({ holidays: ['2025-05-01'], makeUpWorkdays: ['2025-04-27'] }), 't')).toEqual({
      ok: true,
      value: {
        type: 'setCalendar',
        calendar: { utcOffsetMinutes: 480, weekendDays: [0, 6], holidays: ['2025-05-01'], makeUpWorkdays: ['2025-04-27'] },
        actor: 't',
      },
    });
    expect(parseCommand(setCalendar({ holidays: ['2025-5-1'] }), 't')).toEqual(
      refused('calendar.holidays.0', 'dates as YYYY-MM-DD in the years 2000 to 2099'),
    );
    expect(parseCommand(setCalendar({ makeUpWorkdays: ['2025-04-27', 'Sat'] }), 't')).toEqual(
      refused('calendar.makeUpWorkdays.1', 'dates as YYYY-MM-DD in the years 2000 to 2099'),
    );
    expect(parseCommand(setCalendar({ holidays: ['9999-99-99'] }), 't')).toMatchObject({
      ok: false,
      error: { field: 'calendar.holidays.0' },
    });
    expect(parseCommand(setCalendar({ holidays: ['2025-02-30'] }), 't')).toEqual(refused('calendar.holidays.0', 'no such date'));
    expect(parseCommand(setCalendar({ weekendDays: [0, 1, 2, 3, 4, 5, 6] }), 't')).toEqual(
      refused('calendar.weekendDays', 'at least one day of the week must be a working day'),
    );
    expect(parseCommand(setCalendar({ weekendDays: [6, 6] }), 't')).toEqual(refused('calendar.weekendDays', 'each day once'));
    expect(parseCommand(setCalendar({ weekendDays: [7] }), 't')).toMatchObject({ ok: false, error: { field: 'calendar.weekendDays.0' } });
    expect(parseCommand(setCalendar({ utcOffsetMinutes: 841 }), 't')).toMatchObject({
      ok: false,
      error: { field: 'calendar.utcOffsetMinutes' },
    });
    expect(parseCommand(setCalendar({ utcOffsetMinutes: -721 }), 't')).toMatchObject({
      ok: false,
      error: { field: 'calendar.utcOffsetMinutes' },
    });
    expect(parseCommand(setCalendar({ utcOffsetMinutes: -300, weekendDays: [5, 6] }), 't')).toMatchObject({ ok: true });
  });
});
