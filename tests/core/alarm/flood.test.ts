/**
 * Issue 3, alarm floods: more than 10 new alarms within 10 minutes is a flood; it ends when a
 * 10-minute window holds fewer than 5. The end is found by a tick at the instant nextDueAt names.
 */
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../../electron/core/contract/commands.js';
import { FLOOD, floodEndsAt, raisesInWindow, withRaise } from '../../../electron/core/alarm/flood.js';
import { initialState } from '../../../electron/core/state.js';
import { nextDueAt } from '../../../electron/core/alarm/tick.js';
import { at, given, happened, HOUR, MINUTE, SECOND, tick, typesOf, type Step } from '../given.js';

/** Level IV system alarms: no deadlines, and nothing escalates before minute 30. */
const raise: CommandInput = { type: 'raiseIncident', incidentType: 'system-alarm', level: 'IV', title: 'Door contact open' };
/** One raise at each of these minutes. */
const raisesAt = (minutes: readonly number[], step: Step = raise) => minutes.map((m) => [at(m), step] as const);
const halfMinutes = (count: number, from = 0) => Array.from({ length: count }, (_, i) => from + i / 2);

describe('the flood rule', () => {
  it('is more than 10 in 10 minutes, and ends below 5', () => {
    expect(FLOOD).toEqual({ windowMs: 10 * MINUTE, startAbove: 10, endBelow: 5 });
  });
});

describe('a flood starts', () => {
  it('with the 11th new alarm within 10 minutes: the raise and floodStarted, in one decision', () => {
    const ten = given(happened(raisesAt(halfMinutes(10))));
    expect(ten.state.flood).toEqual({ active: false, since: null });
    const eleventh = ten.when({ ...raise, actor: 'desk-2' }, at(5));
    expect(eleventh.result.ok && eleventh.result.value[1]).toEqual({
      seq: 12,
      at: at(5),
      actor: 'desk-2',
      incidentId: null,
      type: 'floodStarted',
      count: 11,
    });
    expect(eleventh.after.flood).toEqual({ active: true, since: at(5) });
    expect(eleventh.after.incidents['inc-11']?.raisedAt).toBe(at(5));
  });

  it('the 11th raise event is an ordinary raise, followed by the board event', () => {
    const { result } = given(happened(raisesAt(halfMinutes(10)))).when(raise, at(5));
    expect(result.ok && result.value.map((e) => [e.seq, e.type, e.incidentId, e.actor])).toEqual([
      [11, 'incidentRaised', 'inc-11', 'tester'],
      [12, 'floodStarted', null, 'tester'],
    ]);
  });

  it('not when the first of 11 raises is exactly 10 minutes old: the window has only 10', () => {
    const board = given(happened(raisesAt([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])));
    const { result } = board.when(raise, at(10));
    expect(result.ok && typesOf(result.value)).toEqual(['incidentRaised']);
    // one more half a minute later makes 11 within the window (1..10.5)
    const after = given(happened(raisesAt([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])));
    const twelfth = after.when(raise, at(10.5));
    expect(twelfth.result.ok && typesOf(twelfth.result.value)).toEqual(['incidentRaised', 'floodStarted']);
  });

  it('alarms from other systems count when they open an incident; repeats of one alarm do not', () => {
    const trigger = (n: number): CommandInput => ({
      type: 'triggerAlarm',
      source: 'bms',
      dedupKey: `zone-${n}`,
      summary: `Zone ${n} smoke`,
    });
    const repeats = given(happened(Array.from({ length: 20 }, (_, i) => [at(i / 4), trigger(1)] as const)));
    expect(repeats.state.flood.active).toBe(false);
    expect(Object.keys(repeats.state.incidents)).toEqual(['inc-1']);
    const many = given(happened(Array.from({ length: 10 }, (_, i) => [at(i / 4), trigger(i)] as const)));
    const { result } = many.when(trigger(10), at(3));
    expect(result.ok && typesOf(result.value)).toEqual(['incidentRaised', 'floodStarted']);
  });

  it('only once while it lasts', () => {
    const flooding = given(happened(raisesAt(halfMinutes(11))));
    expect(flooding.state.flood.active).toBe(true);
    const { result } = flooding.when(raise, at(5.5));
    expect(result.ok && typesOf(result.value)).toEqual(['incidentRaised']);
  });
});

describe('a flood ends by a tick', () => {
  // raises at minutes 0, 0.5, …, 5: the flood starts at minute 5
  const FLOODED = happened(raisesAt(halfMinutes(11)));

  it('when a 10-minute window holds fewer than 5: nextDueAt names that instant', () => {
    const board = given(FLOODED);
    // the 5th newest raise (minute 3) leaves the window at minute 13; 3.5, 4, 4.5 and 5 remain
    expect(floodEndsAt(board.state)).toBe(at(13));
    expect(nextDueAt(board.state)).toBe(at(13));
    expect(raisesInWindow(board.state.recentRaises, at(13) - 1)).toBe(5);
    expect(raisesInWindow(board.state.recentRaises, at(13))).toBe(4);
    const ended = board
      .when(tick(), at(13) - 1)
      .thenNothing()
      .when(tick(), at(13))
      .then([{ seq: 13, at: at(13), actor: 'system', incidentId: null, type: 'floodEnded' }]);
    expect(ended.state.flood).toEqual({ active: false, since: null });
    expect(floodEndsAt(ended.state)).toBeNull();
    expect(nextDueAt(ended.state)).toBe(at(30)); // the first escalation
    ended.when(tick(), at(14)).thenNothing();
  });

  it('later while alarms keep coming', () => {
    const board = given(FLOODED);
    const more = given([...FLOODED, ...happened(raisesAt([6, 7, 8, 9]), board.state)]);
    expect(nextDueAt(more.state)).toBe(at(15));
    more
      .when(tick(), at(13))
      .thenNothing()
      .when(tick(), at(15))
      .thenEvents([{ incidentId: null, type: 'floodEnded' }]);
  });

  it('a late tick ends it once', () => {
    given(FLOODED)
      .when(tick(), at(25))
      .thenEvents([{ incidentId: null, type: 'floodEnded' }])
      .when(tick(), at(25))
      .thenNothing();
  });

  it('and a new flood can start after it', () => {
    const ended = given(FLOODED)
      .when(tick(), at(13))
      .thenEvents([{ incidentId: null, type: 'floodEnded' }]);
    // minutes 20 … 24.5: ten raises, no flood yet; the 11th at minute 25 starts one
    const ten = ended.and(raisesAt(halfMinutes(10, 20)));
    expect(ten.state.flood.active).toBe(false);
    const { result } = ten.when(raise, at(25));
    expect(result.ok && typesOf(result.value)).toEqual(['incidentRaised', 'floodStarted']);
    expect(result.ok && result.value[1]).toMatchObject({ type: 'floodStarted', count: 11, at: at(25) });
  });
});

describe('flood helpers', () => {
  it('floodEndsAt is null without a flood', () => {
    expect(floodEndsAt(initialState)).toBeNull();
    expect(floodEndsAt(given(happened(raisesAt(halfMinutes(10)))).state)).toBeNull();
  });

  it('withRaise keeps only the raises still inside the window of the new one, oldest first', () => {
    expect(withRaise([at(0), at(1), at(9)], at(10))).toEqual([at(1), at(9), at(10)]);
    expect(withRaise([], at(0))).toEqual([at(0)]);
  });

  it('raisesInWindow counts (now - 10 min, now]', () => {
    expect(raisesInWindow([at(0), at(1), at(10), at(11)], at(10))).toBe(2);
  });
});

describe('a flood and the clock', () => {
  const FLOODED = happened(raisesAt(halfMinutes(11)));

  it('a clock that goes back does not end a flood: the window keeps the time it had left', () => {
    const back = at(6) - HOUR;
    const jumped = given(FLOODED)
      .when(tick(-HOUR), back)
      .thenEvents([{ incidentId: null, type: 'clockJumped', deltaMs: -HOUR }]);
    expect(jumped.state.flood.active).toBe(true);
    expect(nextDueAt(jumped.state)).toBe(at(13) - HOUR);
    jumped
      .when(tick(), at(13) - HOUR - 1)
      .thenNothing()
      .when(tick(), at(13) - HOUR)
      .thenEvents([{ incidentId: null, type: 'floodEnded' }]);
  });

  it('a raise after the clock went back still counts with the ones before it', () => {
    const back = at(6) - HOUR;
    const jumped = given(happened(raisesAt(halfMinutes(10))))
      .when(tick(-HOUR), back)
      .thenEvents([{ incidentId: null, type: 'clockJumped', deltaMs: -HOUR }]);
    const eleventh = jumped.when(raise, back);
    expect(eleventh.result.ok && typesOf(eleventh.result.value)).toEqual(['incidentRaised', 'floodStarted']);
  });

  it('the instant nextDueAt names for the end is one at which the tick ends the flood, even with raise times out of order', () => {
    // Six raises at minute 10, then the wall clock was set back 7 minutes while the app was
    // down (no clockJumped) and five more came: the raise times are out of order.
    const board = given(happened([...raisesAt(halfMinutes(6, 10)), ...raisesAt([3, 3.1, 3.2, 3.3, 3.4])]));
    expect(board.state.flood.active).toBe(true);
    const due = nextDueAt(board.state);
    expect(due).not.toBeNull();
    const { result } = board.when(tick(), due ?? 0);
    expect(result.ok && typesOf(result.value)).toEqual(['floodEnded']);
    // and not a moment earlier
    const early = board.when(tick(), (due ?? 0) - SECOND);
    expect(early.result).toEqual({ ok: true, value: [] });
  });
});
