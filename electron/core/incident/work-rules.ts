import type { Command } from '../contract/commands.js';
import type { Drafts } from '../draft.js';
import { fail, ok } from '../contract/result.js';
import type { BoardState, Incident } from '../state.js';

type WorkCommand = Extract<
  Command,
  { type: 'assignRole' | 'unassignRole' | 'recordCall' | 'checkStep' | 'skipStep' | 'uncheckStep' | 'updateImpact' | 'updateReport' }
>;

/** The work on an incident: who holds which position, calls made, checklist, impact, report. */
export function workRules(state: BoardState, incident: Incident, command: WorkCommand): Drafts {
  const incidentId = incident.id;
  if (incident.status === 'closed') return fail('conflict', 'the incident is closed; reopen it first', 'incidentId');
  switch (command.type) {
    case 'assignRole': {
      const person = state.roster.find((p) => p.id === command.personId);
      if (person === undefined) return fail('not_found', 'no person with this id in the roster', 'personId');
      const previous = incident.assignments[command.position] ?? null;
      if (previous === person.id) return fail('conflict', `${person.name} holds this position already`, 'personId');
      return ok([
        {
          incidentId,
          type: 'roleAssigned',
          position: command.position,
          personId: person.id,
          personName: person.name,
          previousPersonId: previous,
        },
      ]);
    }
    case 'unassignRole': {
      const holder = incident.assignments[command.position];
      if (holder === undefined) return fail('conflict', 'nobody holds this position', 'position');
      return ok([{ incidentId, type: 'roleUnassigned', position: command.position, personId: holder }]);
    }
    case 'recordCall':
      return ok([{ incidentId, type: 'contactCalled', number: command.number, name: command.name }]);
    case 'checkStep':
    case 'skipStep':
    case 'uncheckStep': {
      const item = incident.checklist.find((i) => i.step.id === command.stepId);
      if (item === undefined) return fail('not_found', 'the checklist has no such step', 'stepId');
      if (command.type === 'uncheckStep') {
        return item.status === 'open'
          ? fail('conflict', 'the step is still open', 'stepId')
          : ok([{ incidentId, type: 'stepUnchecked', stepId: item.step.id }]);
      }
      if (item.status !== 'open') return fail('conflict', `the step is ${item.status} already`, 'stepId');
      return command.type === 'checkStep'
        ? ok([{ incidentId, type: 'stepChecked', stepId: item.step.id }])
        : ok([{ incidentId, type: 'stepSkipped', stepId: item.step.id, reason: command.reason }]);
    }
    case 'updateImpact':
      return ok([{ incidentId, type: 'impactUpdated', impact: command.impact }]);
    case 'updateReport':
      return ok([{ incidentId, type: 'reportUpdated', report: command.report }]);
  }
}
