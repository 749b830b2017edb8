/**
 * Issue 3, working days: weekends and public holidays do not count, make-up working days (调休)
 * do; days are local dates at the calendar's fixed UTC offset (+08:00 in mainland China).
 * First the calendar functions, then complaint deadlines decided by the core.
 */
import { describe, expect, it } from 'vitest';
import { addWorkingDays, DEFAULT_CALENDAR, isWorkingDay, localDate, type WorkingCalendar } from '../../../electron/core/plan/calendar.js';
import type { CommandInput } from '../../../electron/core/contract/commands.js';
import { initialState } from '../../../electron/core/state.js';
import { nextDueAt } from '../../../electron/core/alarm/tick.js';
import { deadline, given, happened, HOUR, MINUTE, tick } from '../given.js';

/** An instant given as local time in Beijing (+08:00). */
const beijing = (date: string, time = '00:00'): number => Date.parse(`${date}T${time}:00+08:00`);
/** The last millisecond of a local day in Beijing. */
const endOf = (date: string): number => beijing(date) + 24 * HOUR - 1;

/** The 2025 Labour Day break: 1–5 May off, Sunday 27 April and Saturday 10 May worked instead. */
const LABOUR_DAY_2025: WorkingCalendar = {
  ...DEFAULT_CALENDAR,
  holidays: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
  makeUpWorkdays: ['2025-04-27', '2025-05-10'],
};

describe('the default calendar', () => {
  it('is Beijing time, Saturday and Sunday off, no holidays configured', () => {
    expect(DEFAULT_CALENDAR).toEqual({ utcOffsetMinutes: 480, weekendDays: [0, 6], holidays: [], makeUpWorkdays: [] });
  });
});

describe('localDate', () => {
  it('is the date in the calendar’s time zone, not in UTC', () => {
    expect(localDate(Date.UTC(2025, 2, 6, 16, 30), DEFAULT_CALENDAR)).toBe('2025-03-07'); // Friday 00:30 in Beijing
    expect(localDate(Date.UTC(2025, 2, 6, 15, 59, 59, 999), DEFAULT_CALENDAR)).toBe('2025-03-06');
    expect(localDate(Date.UTC(2025, 2, 7, 3, 0), { ...DEFAULT_CALENDAR, utcOffsetMinutes: -300 })).toBe('2025-03-06');
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2025-03-07', true], // Friday
    ['2025-03-08', false], // Saturday
    ['2025-03-09', false], // Sunday
    ['2025-03-10', true], // Monday
  ])('with weekends only: %s → %s', (date, expected) => {
    expect(isWorkingDay(date, DEFAULT_CALENDAR)).toBe(expected);
  });

  it.each([
    ['2025-05-01', false], // Thursday, holiday
    ['2025-05-05', false], // Monday, holiday
    ['2025-05-06', true],
    ['2025-04-27', true], // Sunday, made up
    ['2025-05-10', true], // Saturday, made up
    ['2025-05-11', false], // Sunday
  ])('with the Labour Day break: %s → %s', (date, expected) => {
    expect(isWorkingDay(date, LABOUR_DAY_2025)).toBe(expected);
  });

  it('weekend days are configurable (Friday and Saturday off)', () => {
    const calendar = { ...DEFAULT_CALENDAR, weekendDays: [5, 6] };
    expect(['2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09'].map((d) => isWorkingDay(d, calendar))).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });
});

describe('addWorkingDays: the end of the n-th working day after the day it starts', () => {
  it('received on a Friday afternoon, 3 working days: due at the end of Wednesday, Beijing time', () => {
    const due = addWorkingDays(beijing('2025-03-07', '15:00'), 3, DEFAULT_CALENDAR);
    expect(due).toBe(endOf('2025-03-12'));
    expect(due).toBe(Date.UTC(2025, 2, 12, 15, 59, 59, 999));
  });

  it('the local date decides: Thursday 23:30 is due on Tuesday, Friday 00:30 (still Thursday in UTC) on Wednesday', () => {
    expect(addWorkingDays(beijing('2025-03-06', '23:30'), 3, DEFAULT_CALENDAR)).toBe(endOf('2025-03-11'));
    expect(addWorkingDays(beijing('2025-03-07', '00:30'), 3, DEFAULT_CALENDAR)).toBe(endOf('2025-03-12'));
  });

  it('received on a Saturday or Sunday: counting starts on Monday', () => {
    expect(addWorkingDays(beijing('2025-03-08', '10:00'), 3, DEFAULT_CALENDAR)).toBe(endOf('2025-03-12'));
    expect(addWorkingDays(beijing('2025-03-09', '23:59'), 3, DEFAULT_CALENDAR)).toBe(endOf('2025-03-12'));
  });

  it('across a holiday: received the day before Labour Day, due on Thursday 8 May', () => {
    expect(addWorkingDays(beijing('2025-04-30', '10:00'), 3, LABOUR_DAY_2025)).toBe(endOf('2025-05-08'));
    // without the holidays it would have been Monday 5 May
    expect(addWorkingDays(beijing('2025-04-30', '10:00'), 3, DEFAULT_CALENDAR)).toBe(endOf('2025-05-05'));
  });

  it('received on a holiday: the first working day after it counts as day one', () => {
    expect(addWorkingDays(beijing('2025-05-02', '09:00'), 3, LABOUR_DAY_2025)).toBe(endOf('2025-05-08'));
  });

  it('a make-up working day on a Saturday counts', () => {
    expect(addWorkingDays(beijing('2025-05-09', '16:00'), 3, LABOUR_DAY_2025)).toBe(endOf('2025-05-13'));
    expect(addWorkingDays(beijing('2025-05-09', '16:00'), 3, { ...LABOUR_DAY_2025, makeUpWorkdays: [] })).toBe(endOf('2025-05-14'));
  });

  it('a make-up working day on a Sunday counts', () => {
    expect(addWorkingDays(beijing('2025-04-26', '11:00'), 3, LABOUR_DAY_2025)).toBe(endOf('2025-04-29'));
  });

  it('7 and 15 working days (complex and bank complaints)', () => {
    expect(addWorkingDays(beijing('2025-03-07', '15:00'), 7, DEFAULT_CALENDAR)).toBe(endOf('2025-03-18'));
    expect(addWorkingDays(beijing('2025-04-25', '15:00'), 15, LABOUR_DAY_2025)).toBe(endOf('2025-05-19'));
  });

  it('0 working days: the end of the same local day', () => {
    expect(addWorkingDays(beijing('2025-03-07', '15:00'), 0, DEFAULT_CALENDAR)).toBe(endOf('2025-03-07'));
  });

  it('another offset and another weekend', () => {
    const newYork = { ...DEFAULT_CALENDAR, utcOffsetMinutes: -300 };
    // Friday 20:00 in New York is Saturday 01:00 UTC; due at the end of Wednesday in New York
    expect(addWorkingDays(Date.parse('2025-03-08T01:00:00Z'), 3, newYork)).toBe(Date.parse('2025-03-13T04:59:59.999Z'));
    const friSat = { ...DEFAULT_CALENDAR, weekendDays: [5, 6] };
    expect(addWorkingDays(beijing('2025-03-06', '12:00'), 1, friSat)).toBe(endOf('2025-03-09'));
  });
});

describe('complaint deadlines on working days, decided by the core', () => {
  /** No reminder for complaints in these tests, so that only deadlines fall due. */
  const quietPolicy: CommandInput = {
    type: 'setPolicy',
    incidentType: 'customer-complaint',
    level: 'III',
    policy: { tiers: [{ role: 'dutyHead', ackTimeoutMs: 10 * MINUTE, repeat: 0 }], reminderMs: null },
  };
  const complaint: CommandInput = { type: 'raiseIncident', incidentType: 'customer-complaint', level: 'III', title: 'Fee charged twice' };
  const setCalendar = (calendar: WorkingCalendar): CommandInput => ({ type: 'setCalendar', calendar });

  it('raised on a Friday: closing is due at the end of Wednesday, and missed then, once', () => {
    const friday = beijing('2025-03-07', '15:00');
    const board = given(
      happened([
        [friday - HOUR, quietPolicy],
        [friday, complaint],
        [friday + MINUTE, { type: 'acknowledge', incidentId: 'inc-1' }],
        [friday + 2 * MINUTE, { type: 'meetDeadline', incidentId: 'inc-1', deadlineId: 'acknowledge-complaint' }],
      ]),
    );
    expect(board.incident().deadlines[1]).toEqual(deadline('customer-complaint', 'close-complaint', endOf('2025-03-12'), {}, 'III'));
    expect(nextDueAt(board.state)).toBe(endOf('2025-03-12'));
    board
      .when(tick(), endOf('2025-03-12') - 1)
      .thenNothing()
      .when(tick(), endOf('2025-03-12'))
      .thenEvents([{ incidentId: 'inc-1', type: 'deadlineMissed', deadlineId: 'close-complaint' }])
      .when(tick(), endOf('2025-03-13'))
      .thenNothing();
  });

  it('setCalendar is journaled and the calendar applies to complaints raised after it', () => {
    const before = happened([[beijing('2025-04-30', '09:00'), complaint]]);
    const changed = given(before)
      .when(setCalendar(LABOUR_DAY_2025), beijing('2025-04-30', '09:30'))
      .thenEvents([{ incidentId: null, type: 'calendarSet', calendar: LABOUR_DAY_2025 }]);
    expect(changed.state.plan.calendar).toEqual(LABOUR_DAY_2025);
    const raised = changed.when(complaint, beijing('2025-04-30', '10:00'));
    expect(raised.result.ok && raised.result.value.map((e) => [e.type, e.incidentId])).toEqual([['incidentRaised', 'inc-2']]);
    const after = given([], raised.after);
    // the one raised before keeps the deadline it was given; the new one skips the holidays
    expect(after.incident('inc-1').deadlines[1]?.dueAt).toBe(endOf('2025-05-05'));
    expect(after.incident('inc-2').deadlines[1]?.dueAt).toBe(endOf('2025-05-08'));
  });

  it('a make-up Saturday brings the deadline a day forward', () => {
    const state = given(
      happened([
        [beijing('2025-05-01'), setCalendar(LABOUR_DAY_2025)],
        [beijing('2025-05-09', '16:00'), complaint],
      ]),
    ).state;
    expect(state.incidents['inc-1']?.deadlines[1]?.dueAt).toBe(endOf('2025-05-13'));
  });

  it('the calendar starts as the default one', () => {
    expect(initialState.plan.calendar).toEqual(DEFAULT_CALENDAR);
  });
});
