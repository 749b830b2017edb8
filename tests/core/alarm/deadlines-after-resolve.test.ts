/**
 * Issue 13, point 2: a legal deadline outlives the work on the scene. Resolving a fire does not
 * stop "report to the bureau" from counting and alarming; closing waits until every deadline is
 * met or waived with a reason.
 */
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../../electron/core/contract/commands.js';
import { nextDueAt } from '../../../electron/core/alarm/tick.js';
import { activeIncidents, hornPattern, recentIncidents } from '../../../electron/core/incident/selectors.js';
import { at, deadline, given, happened, tick } from '../given.js';

const raise: CommandInput = { type: 'raiseIncident', incidentType: 'fire', level: 'II', title: 'warehouse fire' };
const ack: CommandInput = { type: 'acknowledge', incidentId: 'inc-1', actor: 'alice' };
const resolve: CommandInput = { type: 'resolve', incidentId: 'inc-1', summary: 'fire out' };
const close: CommandInput = { type: 'close', incidentId: 'inc-1' };
const meet = (deadlineId: string): CommandInput => ({ type: 'meetDeadline', incidentId: 'inc-1', deadlineId });
const waive = (deadlineId: string, reason = 'reported by the park office'): CommandInput => ({
  type: 'waiveDeadline',
  incidentId: 'inc-1',
  deadlineId,
  reason,
  actor: 'bob',
});

/** A level II fire, acknowledged, the unit head told, resolved at minute 10: the bureau report is still open. */
const RESOLVED = happened([
  [at(0), raise],
  [at(1), ack],
  [at(2), meet('report-unit-head')],
  [at(10), resolve],
]);

describe('a resolved incident keeps its open legal deadlines', () => {
  it('stays on the board, not among the recent ones, until the deadline is met or waived', () => {
    const board = given(RESOLVED);
    expect(board.incident().status).toBe('resolved');
    expect(activeIncidents(board.state).map((i) => i.id)).toEqual(['inc-1']);
    expect(recentIncidents(board.state)).toEqual([]);
    const met = board.and([[at(20), meet('report-bureau')]]);
    expect(activeIncidents(met.state)).toEqual([]);
    expect(recentIncidents(met.state).map((i) => i.id)).toEqual(['inc-1']);
  });

  it('the bureau deadline fires at 1 hour after resolve and sounds the horn; no escalation or reminder returns', () => {
    const board = given(RESOLVED);
    expect(nextDueAt(board.state)).toBe(at(60));
    const late = board
      .when(tick(), at(60) - 1)
      .thenNothing()
      .when(tick(), at(60))
      .thenEvents([{ incidentId: 'inc-1', type: 'deadlineMissed', deadlineId: 'report-bureau' }]);
    expect(late.incident().alarm).toMatchObject({ unacknowledged: true, reason: 'deadlineMissed' });
    expect(hornPattern(late.state, at(60))).toBe('urgent');
    // acknowledged: quiet, still resolved, and no reminder for an incident nobody works on
    const acked = late
      .when(ack, at(61))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: null, deadlines: [] }]);
    expect(acked.incident().status).toBe('resolved');
    expect(hornPattern(acked.state, at(61))).toBeNull();
    expect(nextDueAt(acked.state)).toBeNull();
  });

  it('a missed deadline is still open: the incident stays on the board until it is met late', () => {
    const late = given(RESOLVED).and([[at(60), tick()]]);
    expect(activeIncidents(late.state).map((i) => i.id)).toEqual(['inc-1']);
    const met = late.and([[at(70), meet('report-bureau')]]);
    expect(activeIncidents(met.state)).toEqual([]);
  });
});

describe('closing with open deadlines is refused, naming them', () => {
  it('names every open deadline, and closes once they are met or waived', () => {
    const refused = given(RESOLVED).when(close, at(11)).thenRefused({ code: 'conflict', field: 'deadlines' });
    expect(refused.state.incidents['inc-1']?.status).toBe('resolved');
    const result = given(RESOLVED).when(close, at(11)).result;
    expect(result.ok ? '' : result.error.message).toMatch(/report-bureau/);
    given(RESOLVED)
      .and([[at(12), waive('report-bureau')]])
      .when(close, at(13))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentClosed' }]);
  });
});

describe('waiving a deadline is journaled with a reason', () => {
  it('records who, when and why; the deadline no longer fires', () => {
    const waived = given(RESOLVED)
      .when(waive('report-bureau'), at(12))
      .thenEvents([{ incidentId: 'inc-1', type: 'deadlineWaived', deadlineId: 'report-bureau', reason: 'reported by the park office' }]);
    expect(waived.incident().deadlines[1]).toEqual(
      deadline('fire', 'report-bureau', at(60), { waived: { at: at(12), by: 'bob', reason: 'reported by the park office' } }),
    );
    expect(nextDueAt(waived.state)).toBeNull();
    waived.when(tick(), at(60)).thenNothing();
  });

  it('needs a reason, a known deadline, and one neither met nor waived already', () => {
    const board = given(RESOLVED);
    board.when(waive('report-bureau', '  '), at(12)).thenRefused({ code: 'invalid', field: 'reason' });
    board.when(waive('nope'), at(12)).thenRefused({ code: 'not_found', field: 'deadlineId' });
    board.when(waive('report-unit-head'), at(12)).thenRefused({ code: 'conflict', field: 'deadlineId' });
    const waived = board.and([[at(12), waive('report-bureau')]]);
    waived.when(waive('report-bureau'), at(13)).thenRefused({ code: 'conflict', field: 'deadlineId' });
    waived.when(meet('report-bureau'), at(13)).thenRefused({ code: 'conflict', field: 'deadlineId' });
  });
});
