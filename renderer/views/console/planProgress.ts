import { POSITION_NAMES, type Position } from '../../../electron/core/organisation/organisation.js';
import type { Person } from '../../../electron/core/organisation/roster.js';
import type { Language } from '../../../electron/core/organisation/settings.js';
import type { Incident } from '../../../electron/core/state.js';

/** Steps handled (done or skipped with a reason) out of all steps. */
export function checklistProgress(incident: Incident): { readonly handled: number; readonly total: number } {
  return { handled: incident.checklist.filter((i) => i.status !== 'open').length, total: incident.checklist.length };
}

/** Positions the plan requires that nobody holds. */
export const unfilledPositions = (incident: Incident): Position[] =>
  incident.rolesToFill.filter((position) => incident.assignments[position] === undefined);

export interface Holder {
  readonly position: Position;
  readonly positionName: string;
  readonly personId: string;
  readonly personName: string;
  readonly phone: string;
}

/** Who holds which position, required positions first in the plan's order, then the others. */
export function holders(incident: Incident, roster: readonly Person[], language: Language): Holder[] {
  const assigned = Object.keys(incident.assignments) as Position[];
  const order = [...incident.rolesToFill.filter((p) => assigned.includes(p)), ...assigned.filter((p) => !incident.rolesToFill.includes(p))];
  return order.map((position) => {
    const personId = incident.assignments[position] ?? '';
    const person = roster.find((p) => p.id === personId);
    return {
      position,
      positionName: POSITION_NAMES[position][language],
      personId,
      personName: person?.name ?? personNameFromTimeline(incident, position, personId),
      phone: person?.phone ?? '',
    };
  });
}

/** A person removed from the roster since still has the name the assignment recorded. */
function personNameFromTimeline(incident: Incident, position: Position, personId: string): string {
  for (let i = incident.timeline.length - 1; i >= 0; i--) {
    const e = incident.timeline[i];
    if (e?.type === 'roleAssigned' && e.position === position && e.personId === personId) return e.personName;
  }
  return personId;
}
