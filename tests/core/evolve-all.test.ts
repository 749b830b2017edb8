import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../electron/core/contract/commands.js';
import { evolve, evolveAll } from '../../electron/core/evolve.js';
import { initialState } from '../../electron/core/state.js';
import { at, DAY, happened, tick } from './given.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const raise = (id: string): CommandInput => ({ type: 'raiseIncident', incidentId: id, incidentType: 'fire', level: 'II', title: id });

describe('evolveAll', () => {
  it('gives what applying evolve one event at a time gives, without changing what it was given', () => {
    const base = deepFreeze(
      happened([
        [at(0), raise('a')],
        [at(1), raise('b')],
      ]).reduce(evolve, initialState),
    );
    const more = happened(
      [
        [at(2), { type: 'acknowledge', incidentId: 'a' }],
        [at(3), { type: 'addNote', incidentId: 'b', text: 'crew on site' }],
        [at(4), { type: 'resolve', incidentId: 'a' }],
        [at(5), { type: 'meetDeadline', incidentId: 'a', deadlineId: 'report-unit-head' }],
        [at(5), { type: 'waiveDeadline', incidentId: 'a', deadlineId: 'report-bureau', reason: 'the park reported it' }],
        [at(5), { type: 'close', incidentId: 'a' }],
        [at(0) + 9 * DAY, tick()],
        [at(1) + 9 * DAY, raise('c')],
      ],
      base,
    );
    // a frozen input would throw in strict mode if evolveAll wrote into it
    const fast = evolveAll(base, more);
    expect(fast).toEqual(more.reduce(evolve, base));
    // the tick archived the closed incident after the retention window
    expect(Object.keys(fast.incidents).sort()).toEqual(['b', 'c']);
    expect(Object.keys(base.incidents).sort()).toEqual(['a', 'b']);
  });
});
