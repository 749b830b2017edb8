import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../electron/core/contract/commands.js';
import { evolveAll } from '../../electron/core/evolve.js';
import { activeIncidents } from '../../electron/core/incident/selectors.js';
import { initialState } from '../../electron/core/state.js';
import { groupBySourceAndType, selectFloodGroups } from '../../renderer/store/alarmGroups.js';
import { at, happened, type Step } from '../core/given.js';

const raise = (incidentType: string, level: 'I' | 'II' | 'III' | 'IV', title: string): CommandInput => ({
  type: 'raiseIncident',
  incidentType,
  level,
  title,
});
const trigger = (source: string, dedupKey: string, level: 'I' | 'II' | 'III' | 'IV' = 'III'): CommandInput => ({
  type: 'triggerAlarm',
  source,
  dedupKey,
  summary: `${source} ${dedupKey}`,
  level,
});

function flood() {
  const steps: [number, Step][] = [
    [at(0), raise('fire', 'III', 'Smoke A')],
    [at(0.1), trigger('SCADA', 'pump-1')],
    [at(0.2), trigger('SCADA', 'pump-2', 'II')],
    [at(0.3), trigger('BMS', 'door-1')],
    [at(0.4), raise('injury', 'IV', 'Cut hand')],
    [at(0.5), raise('fire', 'IV', 'Smoke B')],
    [at(0.6), trigger('SCADA', 'pump-3')],
    [at(0.7), trigger('BMS', 'door-2')],
    [at(0.8), trigger('SCADA', 'pump-4', 'IV')],
    [at(0.9), raise('fire', 'I', 'Fire in the store')],
    [at(1.0), trigger('SCADA', 'pump-5')],
  ];
  return evolveAll(initialState, happened(steps));
}

describe('grouping the board during an alarm flood', () => {
  it('the eleven raises are a flood', () => {
    expect(flood().flood.active).toBe(true);
  });

  it('groups by source and incident type; manual raises have no source', () => {
    const groups = selectFloodGroups(flood());
    expect(groups.map((g) => [g.source, g.incidentType, g.ids.length])).toEqual([
      [null, 'fire', 3],
      ['SCADA', 'system-alarm', 5],
      ['BMS', 'system-alarm', 2],
      [null, 'injury', 1],
    ]);
  });

  it('orders groups by their gravest, longest-waiting incident, and cards within a group in board order', () => {
    const board = flood();
    const order = activeIncidents(board).map((i) => i.id);
    const groups = selectFloodGroups(board);
    // The level I fire puts the manual fire group first; the level II pump puts SCADA second.
    expect(groups[0]?.ids[0]).toBe(order[0]);
    for (const group of groups) {
      const positions = group.ids.map((id) => order.indexOf(id));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('nothing is hidden: every active incident is in exactly one group', () => {
    const board = flood();
    const ids = selectFloodGroups(board).flatMap((g) => g.ids);
    expect(ids).toHaveLength(11);
    expect(new Set(ids)).toEqual(new Set(activeIncidents(board).map((i) => i.id)));
  });

  it('the same type from different sources stays apart', () => {
    const board = evolveAll(
      initialState,
      happened([
        [at(0), trigger('SCADA', 'k1')],
        [at(0.1), trigger('BMS', 'k1')],
        [at(0.2), trigger('SCADA', 'k2')],
      ]),
    );
    const groups = groupBySourceAndType(activeIncidents(board));
    expect(groups.map((g) => [g.source, g.ids.length])).toEqual([
      ['SCADA', 2],
      ['BMS', 1],
    ]);
  });

  it('an empty board has no groups', () => {
    expect(groupBySourceAndType([])).toEqual([]);
  });
});
