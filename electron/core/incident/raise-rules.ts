import { findType } from '../plan/catalogue.js';
import type { Command } from '../contract/commands.js';
import type { Draft, Drafts } from '../draft.js';
import type { IncidentRaised } from '../events.js';
import { floodStartsWith, withRaise } from '../alarm/flood.js';
import { policyFor } from '../plan/plan.js';
import { levelAllowed } from '../organisation/organisation-rules.js';
import { fail, ok } from '../contract/result.js';
import { deadlinesFrom, tierTimeout } from '../alarm/schedule.js';
import type { BoardState } from '../state.js';

export function raise(state: BoardState, command: Extract<Command, { type: 'raiseIncident' }>, now: number): Drafts {
  if (findType(state.plan.catalogue, command.incidentType) === undefined) return fail('invalid', 'unknown incident type', 'incidentType');
  if (!levelAllowed(state, command.incidentType, command.level))
    return fail('invalid', "not a level of this incident type's scheme", 'level');
  const number = command.incidentId === undefined ? nextFreeNumber(state) : state.lastNumber + 1;
  const incidentId = command.incidentId ?? `inc-${number}`;
  if (state.incidents[incidentId] !== undefined) {
    return fail('conflict', 'an incident with this id exists already', 'incidentId');
  }
  const { type: _command, actor: _actor, ...fields } = command;
  return ok(raiseDrafts(state, { ...fields, incidentId, number, source: null }, now));
}

/**
 * The next running number whose default id `inc-<n>` is free: a caller may have chosen such an
 * id itself, and a default id skips past it rather than being refused on every later raise.
 */
export function nextFreeNumber(state: BoardState): number {
  let number = state.lastNumber + 1;
  while (state.incidents[`inc-${number}`] !== undefined) number += 1;
  return number;
}

/** What a raise needs to know about the new incident; the rest of the event is the plan's. */
export type NewIncident = Pick<
  IncidentRaised,
  'incidentId' | 'number' | 'incidentType' | 'level' | 'title' | 'location' | 'reporter' | 'details' | 'drill' | 'source'
>;

/** The raise itself and, when it tips the board into a flood, the flood's start. */
export function raiseDrafts(state: BoardState, incident: NewIncident, now: number): Draft[] {
  const policy = policyFor(state.plan, incident.incidentType, incident.level);
  const type = findType(state.plan.catalogue, incident.incidentType);
  const raised: Draft = {
    ...incident,
    checklist: type?.checklist ?? [],
    rolesToFill: type?.rolesToFill ?? [],
    type: 'incidentRaised',
    policy,
    nextEscalationAt: now + tierTimeout(policy, 0),
    deadlines: deadlinesFrom(state.plan, incident.incidentType, incident.level, 'raised', now),
  };
  if (!floodStartsWith(state, now)) return [raised];
  return [raised, { incidentId: null, type: 'floodStarted', count: withRaise(state.recentRaises, now).length }];
}
