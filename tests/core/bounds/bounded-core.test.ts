/**
 * Issue 14, failure 1: no accepted command may make the core run away. A calendar without a
 * working day, a working-day limit of ten million days or a deadline moved to the year 275760 are
 * refused naming the field, and random settings followed by a raise of every type and a tick are
 * each answered within a bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand, type Command } from '../../../electron/core/contract/commands.js';
import { decide } from '../../../electron/core/decide.js';
import { evolveAll } from '../../../electron/core/evolve.js';
import { DEFAULT_CATALOGUE } from '../../../electron/core/plan/catalogue-defaults.js';
import { LEVEL_SCHEMES } from '../../../electron/core/plan/catalogue.js';
import { initialState, type BoardState } from '../../../electron/core/state.js';
import { at, DAY, given, happened, toCommand } from '../given.js';

const complaint = DEFAULT_CATALOGUE.find((type) => type.id === 'customer-complaint')!;
const allWeekend = {
  type: 'setCalendar',
  calendar: { utcOffsetMinutes: 480, weekendDays: [0, 1, 2, 3, 4, 5, 6], holidays: [], makeUpWorkdays: [] },
};

describe('settings that would stop the board are refused, naming the field', () => {
  it('the calendar of the report (every day a rest day) is refused', () => {
    expect(parseCommand(allWeekend, 't')).toMatchObject({ ok: false, error: { code: 'invalid', field: 'calendar.weekendDays' } });
  });

  it('a working-day limit above 250 days is refused; a clock limit above a year too', () => {
    const withAmount = (calendar: 'clock' | 'workingDays', amount: number) => ({
      type: 'setIncidentType',
      incidentType: { ...complaint, deadlines: [{ ...complaint.deadlines[0]!, calendar, amount }] },
    });
    expect(parseCommand(withAmount('workingDays', 10_000_000), 't')).toMatchObject({
      ok: false,
      error: { field: 'incidentType.deadlines.0.amount', message: 'at most 250 working days' },
    });
    expect(parseCommand(withAmount('clock', 367 * DAY), 't')).toMatchObject({
      ok: false,
      error: { field: 'incidentType.deadlines.0.amount', message: 'at most a year' },
    });
    expect(parseCommand(withAmount('workingDays', 250), 't')).toMatchObject({ ok: true });
  });

  it('a deadline extended to the year 275760, or more than a year later, is refused', () => {
    const raised = given(happened([[at(0), { type: 'raiseIncident', incidentType: 'customer-complaint', level: 'III', title: 'fees' }]]));
    const due = raised.incident().deadlines.find((d) => d.id === 'close-complaint')!.dueAt;
    const extend = (until: number) => ({
      type: 'extendDeadline' as const,
      incidentId: 'inc-1',
      deadlineId: 'close-complaint',
      until,
      reason: 'r',
    });
    expect(parseCommand(extend(8.64e15), 't')).toMatchObject({ ok: false, error: { field: 'until', message: 'before the year 2100' } });
    raised
      .when(extend(due + 367 * DAY), at(1))
      .thenRefused({ code: 'invalid', field: 'until', message: 'at most a year after the current due time' });
    raised
      .when(extend(due + 30 * DAY), at(1))
      .thenEvents([
        { incidentId: 'inc-1', type: 'deadlineExtended', deadlineId: 'close-complaint', from: due, until: due + 30 * DAY, reason: 'r' },
      ]);
  });
});

describe('text a person cannot read is removed', () => {
  it('a title of zero-width characters only is empty and refused', () => {
    const raise = { type: 'raiseIncident', incidentType: 'fire', level: 'II', title: '\u200b\u200c\u2060\ufeff' };
    expect(parseCommand(raise, 't')).toMatchObject({ ok: false, error: { field: 'title', message: 'must not be empty' } });
  });

  it('NUL, terminal escapes and direction overrides are stripped, the words kept', () => {
    const raise = {
      type: 'raiseIncident',
      incidentType: 'fire',
      level: 'II',
      title: 'Smoke\u0000 in \u001b[31mhall\u001b[0m 3\u202e',
      details: 'line 1\nline 2',
    };
    expect(parseCommand(raise, 't')).toMatchObject({ ok: true, value: { title: 'Smoke in hall 3', details: 'line 1\nline 2' } });
  });
});

/** Hostile but schema-shaped settings: every subset of rest days, runs of holidays, long limits. */
const isoDay = fc.integer({ min: 0, max: 3 * 365 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * DAY).toISOString().slice(0, 10));
const calendarCommand = fc.record({
  type: fc.constant('setCalendar'),
  calendar: fc.record({
    utcOffsetMinutes: fc.integer({ min: -720, max: 840 }),
    weekendDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
    holidays: fc.oneof(
      fc.array(isoDay, { maxLength: 50 }),
      fc
        .integer({ min: 0, max: 900 })
        .map((start) =>
          Array.from({ length: 1000 }, (_, i) => new Date(Date.UTC(2025, 2, 1) + (start + i) * DAY).toISOString().slice(0, 10)),
        ),
    ),
    makeUpWorkdays: fc.array(isoDay, { maxLength: 20 }),
  }),
});
const amount = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 400 * DAY }), fc.constant(10_000_000));
const typeCommand = fc.record({
  type: fc.constant('setIncidentType'),
  incidentType: fc
    .record({
      calendar: fc.constantFrom('clock', 'workingDays'),
      amount,
      from: fc.constantFrom('raised', 'acknowledged'),
    })
    .map(({ calendar, amount: n, from }) => ({ ...complaint, deadlines: [{ ...complaint.deadlines[0]!, calendar, amount: n, from }] })),
});
const policyCommand = fc.record({
  type: fc.constant('setPolicy'),
  incidentType: fc.constantFrom(null, 'customer-complaint', 'fire'),
  level: fc.constantFrom('I', 'II', 'III'),
  policy: fc.record({
    tiers: fc.array(
      fc.record({
        role: fc.constantFrom('dutyHead', 'groupLeader', 'commander'),
        ackTimeoutMs: fc.integer({ min: 0, max: 2 * DAY }),
        repeat: fc.integer({ min: 0, max: 12 }),
      }),
      { minLength: 1, maxLength: 9 },
    ),
    reminderMs: fc.constantFrom(null, 60_000, 8 * DAY),
  }),
});

/** The longest one decide plus evolve may take; a runaway loop takes seconds to forever. */
const BOUND_MS = 250;

function timed(state: BoardState, command: Command, now: number): BoardState {
  const started = performance.now();
  const decision = decide(state, command, now);
  const next = decision.ok ? evolveAll(state, decision.value) : state;
  expect(performance.now() - started, `${command.type} took too long`).toBeLessThan(BOUND_MS);
  return next;
}

describe('random settings, then a raise of every type and a tick, each answered within a bound', () => {
  it('holds for every accepted combination', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(calendarCommand, typeCommand, policyCommand), { minLength: 1, maxLength: 4 }), (settings) => {
        let state = initialState;
        let now = at(0);
        for (const input of settings) {
          const parsed = parseCommand(input, 't');
          if (parsed.ok) state = timed(state, parsed.value, now);
        }
        for (const type of state.plan.catalogue) {
          for (const level of LEVEL_SCHEMES[type.levelScheme]) {
            now += 1000;
            state = timed(state, toCommand({ type: 'raiseIncident', incidentType: type.id, level, title: `${type.id} ${level}` }), now);
          }
        }
        timed(state, { type: 'tick', actor: 'system', clockJumpMs: 0 }, now + 400 * DAY);
      }),
      { numRuns: 40 },
    );
  });
});
