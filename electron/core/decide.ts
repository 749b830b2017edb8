import { DEFAULT_CATALOGUE } from './catalogue.js';
import type { Command } from './commands.js';
import type { DomainEvent } from './events.js';
import { isLowering } from './levels.js';
import { fail, ok, type Result } from './result.js';
import type { BoardState, Incident, IncidentStatus } from './state.js';

type Decision = Result<readonly DomainEvent[]>;
type Of<T extends Command['type']> = Extract<Command, { type: T }>;

/**
 * The rules of the board: given the current state, a validated command and the time, which
 * events happen, or why the command is refused. Pure: no clock, no I/O.
 */
export function decide(state: BoardState, command: Command, now: number): Decision {
  if (command.type === 'raiseIncident') return raise(state, command, now);
  const incident = state.incidents[command.incidentId];
  if (incident === undefined) return fail('not_found', 'no incident with this id', 'incidentId');
  const head = { seq: state.seq + 1, at: now, actor: command.actor, incidentId: incident.id };
  switch (command.type) {
    case 'acknowledge':
      return acknowledge(incident, head);
    case 'addNote':
      return ok([{ ...head, type: 'noteAdded', text: command.text }]);
    case 'changeLevel':
      return changeLevel(incident, command, head);
    case 'resolve':
      return whenStatus(incident, ['raised', 'acknowledged'], 'only an active incident can be resolved', () => [
        { ...head, type: 'incidentResolved', summary: command.summary },
      ]);
    case 'close':
      return whenStatus(incident, ['resolved'], 'only a resolved incident can be closed', () => [
        { ...head, type: 'incidentClosed' },
      ]);
    case 'reopen':
      return whenStatus(incident, ['resolved', 'closed'], 'only a resolved or closed incident can be reopened', () => [
        { ...head, type: 'incidentReopened', reason: command.reason },
      ]);
  }
}

type Head = { seq: number; at: number; actor: string; incidentId: string };

function raise(state: BoardState, command: Of<'raiseIncident'>, now: number): Decision {
  if (!DEFAULT_CATALOGUE.some((t) => t.id === command.incidentType)) {
    return fail('invalid', 'unknown incident type', 'incidentType');
  }
  let number = state.lastNumber + 1;
  // A caller may have chosen an id like "inc-7" itself; a default id skips past it rather than
  // being refused (and refused again on every later raise).
  if (command.incidentId === undefined) while (state.incidents[`inc-${number}`] !== undefined) number += 1;
  const incidentId = command.incidentId ?? `inc-${number}`;
  if (state.incidents[incidentId] !== undefined) {
    return fail('conflict', 'an incident with this id exists already', 'incidentId');
  }
  return ok([
    {
      seq: state.seq + 1,
      at: now,
      actor: command.actor,
      incidentId,
      type: 'incidentRaised',
      number,
      incidentType: command.incidentType,
      level: command.level,
      title: command.title,
      location: command.location,
      reporter: command.reporter,
      details: command.details,
      drill: command.drill,
    },
  ]);
}

function acknowledge(incident: Incident, head: Head): Decision {
  if (incident.status === 'acknowledged') {
    return fail('conflict', `already acknowledged by ${incident.acknowledgedBy ?? 'someone'}`, 'incidentId');
  }
  return whenStatus(incident, ['raised'], 'only an active incident can be acknowledged', () => [
    { ...head, type: 'incidentAcknowledged' },
  ]);
}

function changeLevel(incident: Incident, command: Of<'changeLevel'>, head: Head): Decision {
  if (incident.status === 'closed') return fail('conflict', 'a closed incident cannot change level', 'incidentId');
  if (command.level === incident.level) return fail('conflict', 'the incident has this level already', 'level');
  // Raising is always allowed at once; lowering must say why (DOMAIN.md).
  if (isLowering(incident.level, command.level) && command.reason === '') {
    return fail('invalid', 'lowering a level needs a reason', 'reason');
  }
  return ok([{ ...head, type: 'levelChanged', from: incident.level, to: command.level, reason: command.reason }]);
}

function whenStatus(
  incident: Incident,
  allowed: readonly IncidentStatus[],
  message: string,
  events: () => DomainEvent[],
): Decision {
  return allowed.includes(incident.status) ? ok(events()) : fail('conflict', `${message} (it is ${incident.status})`, 'incidentId');
}
