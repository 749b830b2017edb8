import { findType, LEVEL_SCHEMES } from '../plan/catalogue.js';
import type { Command } from '../contract/commands.js';
import type { Drafts } from '../draft.js';
import { fail, ok } from '../contract/result.js';
import type { BoardState } from '../state.js';

type BoardCommand = Extract<
  Command,
  {
    type:
      | 'setPolicy'
      | 'setCalendar'
      | 'setCatalogue'
      | 'setIncidentType'
      | 'setRoster'
      | 'handOver'
      | 'changePin'
      | 'updateSettings'
      | 'verifyPin';
  }
>;

/** Changes to the plan and the organisation. Each is journaled with actor and time. */
export function organisationRules(state: BoardState, command: BoardCommand): Drafts {
  switch (command.type) {
    case 'setPolicy':
      if (command.incidentType !== null && findType(state.plan.catalogue, command.incidentType) === undefined) {
        return fail('invalid', 'unknown incident type', 'incidentType');
      }
      return ok([
        { incidentId: null, type: 'policySet', incidentType: command.incidentType, level: command.level, policy: command.policy },
      ]);
    case 'setCalendar':
      return ok([{ incidentId: null, type: 'calendarSet', calendar: command.calendar }]);
    case 'setCatalogue':
      return ok([{ incidentId: null, type: 'catalogueSet', catalogue: command.catalogue }]);
    case 'setIncidentType':
      return ok([{ incidentId: null, type: 'incidentTypeSet', incidentType: command.incidentType }]);
    case 'setRoster':
      return ok([{ incidentId: null, type: 'rosterSet', people: command.people }]);
    case 'handOver': {
      const unknown = command.incoming.findIndex((id) => !state.roster.some((p) => p.id === id));
      if (unknown !== -1) return fail('not_found', 'no person with this id in the roster', `incoming.${unknown}`);
      return ok([
        { incidentId: null, type: 'shiftHandedOver', outgoing: state.shift.onDuty, incoming: command.incoming, note: command.note },
      ]);
    }
    case 'changePin':
      return ok([{ incidentId: null, type: 'pinChanged' }]);
    case 'updateSettings':
      return ok([{ incidentId: null, type: 'settingsChanged', changes: command.settings }]);
    case 'verifyPin':
      // the services checked the PIN before deciding; a right one changes nothing
      return ok([]);
  }
}

/** A level outside the incident type's scheme (IV on a three-level plan) is refused. */
export function levelAllowed(state: BoardState, incidentType: string, level: string): boolean {
  const type = findType(state.plan.catalogue, incidentType);
  return type === undefined || (LEVEL_SCHEMES[type.levelScheme] as readonly string[]).includes(level);
}
