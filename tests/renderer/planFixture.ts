import type { CommandInput } from '../../electron/core/contract/contract.js';
import { evolveAll } from '../../electron/core/evolve.js';
import type { Person } from '../../electron/core/organisation/roster.js';
import { initialState, type BoardState, type Incident } from '../../electron/core/state.js';
import { at, happened, type Step } from '../core/given.js';

/** People of the site, as the settings screen would have saved them. */
export const PEOPLE: Person[] = [
  { id: 'li-wei', name: 'Li Wei', phone: '138 0000 0001', department: 'Plant management', positions: ['commander'] },
  { id: 'chen-jie', name: 'Chen Jie', phone: '138 0000 0003', department: 'Fire team', positions: ['rescueGroup'] },
  { id: 'wang-fang', name: 'Wang Fang', phone: '', department: 'Duty office', positions: ['dutyOfficer'] },
];

const on = (type: CommandInput['type'], extra: Record<string, unknown> = {}): CommandInput =>
  ({ type, incidentId: 'inc-1', actor: 'Wang Fang', ...extra }) as CommandInput;

/**
 * A level II fire worked for a few minutes, built by the real core: 119 called, commander and
 * rescue group assigned, two steps done and one skipped, casualties entered, a note.
 */
export function fireBoard(extra: readonly (readonly [number, Step])[] = []): BoardState {
  const events = happened([
    [at(0), { type: 'setRoster', people: PEOPLE, actor: 'admin' }],
    [
      at(0),
      {
        type: 'raiseIncident',
        incidentType: 'fire',
        level: 'II',
        title: 'Fire in warehouse 3',
        location: 'Warehouse 3, bay 2',
        details: 'Smoke from the racks',
        actor: 'Wang Fang',
      },
    ],
    [at(1), on('recordCall', { number: '119', name: 'Fire' })],
    [at(2), on('checkStep', { stepId: 'call-119' })],
    [at(3), on('assignRole', { position: 'commander', personId: 'li-wei' })],
    [at(4), on('assignRole', { position: 'rescueGroup', personId: 'chen-jie' })],
    [at(5), on('checkStep', { stepId: 'report' })],
    [at(6), on('skipStep', { stepId: 'keep-scene', reason: 'Handed to the brigade' })],
    [at(7), on('updateImpact', { impact: { injured: 2, seriouslyInjured: 1, directLossYuan: 250000 } })],
    [at(8), on('addNote', { text: 'Brigade on site' })],
    ...extra,
  ]);
  return evolveAll(initialState, events);
}

export function fire(state: BoardState = fireBoard()): Incident {
  const incident = state.incidents['inc-1'];
  if (incident === undefined) throw new Error('no inc-1 on the board');
  return incident;
}
