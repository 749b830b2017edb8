import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../electron/core/contract/commands.js';
import { evolveAll } from '../../electron/core/evolve.js';
import { hornPattern } from '../../electron/core/incident/selectors.js';
import { initialState, type BoardState } from '../../electron/core/state.js';
import { atTopTier, deadlineState, isFlashing, nextStep } from '../../renderer/views/alarm/alarmView.js';
import { at, happened, incidentOf, tick, type Step } from '../core/given.js';

// Board states come from the real core, so the views read what the host really sends.
const SHORT: CommandInput = {
  type: 'setPolicy',
  level: 'IV',
  policy: {
    tiers: [
      { role: 'dutyOfficer', ackTimeoutMs: 60_000, repeat: 1 },
      { role: 'dutyHead', ackTimeoutMs: 60_000, repeat: 0 },
      { role: 'commander', ackTimeoutMs: 60_000, repeat: 0 },
    ],
    reminderMs: 5 * 60_000,
  },
};
const raise = (level: 'I' | 'IV' = 'IV'): CommandInput => ({ type: 'raiseIncident', incidentType: 'fire', level, title: 'Smoke' });
const boardAfter = (steps: readonly (readonly [number, Step])[]): BoardState => evolveAll(initialState, happened(steps));
const after = (...steps: (readonly [number, Step])[]) => incidentOf(boardAfter([[at(0), SHORT], [at(0), raise()], ...steps]));

describe('the alarm as a card reads it', () => {
  it('a new alarm flashes and counts down to a repeat while the tier has repeats left', () => {
    const incident = after();
    expect(isFlashing(incident)).toBe(true);
    expect(nextStep(incident)).toEqual({ kind: 'repeat', at: at(1) });
    expect(atTopTier(incident)).toBe(false);
  });

  it('then to the escalation, and at the top tier only to repeats', () => {
    const repeated = after([at(1), tick()]);
    expect(nextStep(repeated)).toEqual({ kind: 'escalate', at: at(2), toTier: 1 });
    const top = after([at(1), tick()], [at(2), tick()], [at(3), tick()]);
    expect(top.alarm.tier).toBe(2);
    expect(atTopTier(top)).toBe(true);
    expect(nextStep(top)).toEqual({ kind: 'repeat', at: at(4) });
  });

  it('silence keeps the flash; the horn stops', () => {
    const steps: (readonly [number, Step])[] = [
      [at(0), SHORT],
      [at(0), raise()],
      [at(0.5), { type: 'silence', incidentId: 'inc-1' }],
    ];
    const board = boardAfter(steps);
    expect(isFlashing(incidentOf(board))).toBe(true);
    expect(hornPattern(board, at(0.6))).toBeNull();
    expect(nextStep(incidentOf(board))?.kind).toBe('repeat');
  });

  it('acknowledged: steady, no escalation countdown, only the reminder', () => {
    const incident = after([at(0.5), { type: 'acknowledge', incidentId: 'inc-1' }]);
    expect(isFlashing(incident)).toBe(false);
    expect(nextStep(incident)).toEqual({ kind: 'reminder', at: at(5.5) });
  });

  it('shelved: steady, and no countdown until it returns', () => {
    const incident = after([at(0.5), { type: 'shelve', incidentId: 'inc-1', reason: 'sensor fault', minutes: 15 }]);
    expect(incident.alarm.unacknowledged).toBe(true);
    expect(isFlashing(incident)).toBe(false);
    expect(nextStep(incident)).toBeNull();
  });

  it('deadlines read open, missed, met', () => {
    const board = boardAfter([
      [at(0), raise('I')],
      [at(6), tick()],
      [at(7), { type: 'meetDeadline', incidentId: 'inc-1', deadlineId: 'report-unit-head' }],
    ]);
    const [unitHead, bureau] = incidentOf(board).deadlines;
    expect(unitHead?.missedAt).not.toBeNull();
    expect(deadlineState(unitHead!)).toBe('met');
    expect(deadlineState(bureau!)).toBe('open');
    const missedOnly = boardAfter([
      [at(0), raise('I')],
      [at(6), tick()],
    ]);
    expect(deadlineState(incidentOf(missedOnly).deadlines[0]!)).toBe('missed');
  });
});
