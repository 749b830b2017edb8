import type { DomainEvent } from './events.js';
import type { BoardState, Incident } from './state.js';

/** Applies one confirmed event. Pure; the renderer runs the very same function on pushed events. */
export function evolve(state: BoardState, event: DomainEvent): BoardState {
  if (event.type === 'incidentRaised') {
    const incident: Incident = {
      id: event.incidentId,
      number: event.number,
      incidentType: event.incidentType,
      level: event.level,
      levelHistory: [{ at: event.at, actor: event.actor, from: null, to: event.level, reason: '' }],
      title: event.title,
      location: event.location,
      reporter: event.reporter,
      details: event.details,
      drill: event.drill,
      status: 'raised',
      raisedAt: event.at,
      raisedBy: event.actor,
      acknowledgedAt: null,
      acknowledgedBy: null,
      resolvedAt: null,
      closedAt: null,
      updatedAt: event.at,
      timeline: [event],
    };
    return {
      seq: event.seq,
      lastNumber: Math.max(state.lastNumber, event.number),
      incidents: { ...state.incidents, [incident.id]: incident },
    };
  }
  const current = state.incidents[event.incidentId];
  if (current === undefined) return { ...state, seq: event.seq };
  const incident = { ...applyToIncident(current, event), updatedAt: event.at, timeline: [...current.timeline, event] };
  return { ...state, seq: event.seq, incidents: { ...state.incidents, [incident.id]: incident } };
}

export const evolveAll = (state: BoardState, events: readonly DomainEvent[]): BoardState => events.reduce(evolve, state);

function applyToIncident(incident: Incident, event: Exclude<DomainEvent, { type: 'incidentRaised' }>): Incident {
  switch (event.type) {
    case 'incidentAcknowledged':
      return { ...incident, status: 'acknowledged', acknowledgedAt: event.at, acknowledgedBy: event.actor };
    case 'noteAdded':
      return incident;
    case 'levelChanged':
      return {
        ...incident,
        level: event.to,
        levelHistory: [
          ...incident.levelHistory,
          { at: event.at, actor: event.actor, from: event.from, to: event.to, reason: event.reason },
        ],
      };
    case 'incidentResolved':
      return { ...incident, status: 'resolved', resolvedAt: event.at };
    case 'incidentClosed':
      return { ...incident, status: 'closed', closedAt: event.at };
    case 'incidentReopened':
      // The person reopening is acting on it, so an incident that was acknowledged stays so.
      return {
        ...incident,
        status: incident.acknowledgedAt === null ? 'raised' : 'acknowledged',
        resolvedAt: null,
        closedAt: null,
      };
  }
}
