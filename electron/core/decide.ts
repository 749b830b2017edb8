import { alarmRules } from './alarm/alarm-rules.js';
import type { Command, PublicCommand } from './contract/commands.js';
import type { Draft, Drafts } from './draft.js';
import type { DomainEvent } from './events.js';
import { intakeRules } from './alarm/intake-rules.js';
import { levelAllowed, organisationRules } from './organisation/organisation-rules.js';
import { workRules } from './incident/work-rules.js';
import { isLowering } from './incident/levels.js';
import { policyFor } from './plan/plan.js';
import { raise } from './incident/raise-rules.js';
import { fail, ok, type Result } from './contract/result.js';
import { deadlinesFrom, tierTimeout } from './alarm/schedule.js';
import { openDeadlines, type BoardState, type Incident, type IncidentStatus } from './state.js';
import { decideTick } from './alarm/tick.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

/**
 * The rules of the board: given the current state, a validated command and the time, which
 * events happen, or why the command is refused. Pure: no clock, no I/O.
 */
export function decide(state: BoardState, command: Command, now: number): Result<readonly DomainEvent[]> {
  const drafts = draft(state, command, now);
  if (!drafts.ok) return drafts;
  return ok(drafts.value.map((d, i) => ({ ...d, seq: state.seq + 1 + i, at: now, actor: command.actor })));
}

function draft(state: BoardState, command: Command, now: number): Drafts {
  switch (command.type) {
    case 'tick':
      return ok(decideTick(state, now, command.clockJumpMs));
    case 'raiseIncident':
      return raise(state, command, now);
    case 'triggerAlarm':
    case 'acknowledgeAlarm':
    case 'resolveAlarm':
      return intakeRules(state, command, now);
    case 'setPolicy':
    case 'setCalendar':
    case 'setCatalogue':
    case 'setIncidentType':
    case 'setRoster':
    case 'handOver':
    case 'changePin':
    case 'updateSettings':
    case 'verifyPin':
      return organisationRules(state, command);
    case 'rejectPin':
      return ok([
        { incidentId: null, type: 'pinRejected', client: command.client, failures: command.failures, lockedUntil: command.lockedUntil },
      ]);
  }
  const incident = state.incidents[command.incidentId];
  if (incident === undefined) return fail('not_found', 'no incident with this id', 'incidentId');
  return onIncident(state, incident, command, now);
}

type IncidentCommand = Extract<PublicCommand, { incidentId: string }>;

function onIncident(state: BoardState, incident: Incident, command: IncidentCommand, now: number): Drafts {
  const id = incident.id;
  switch (command.type) {
    case 'addNote':
      return ok([{ incidentId: id, type: 'noteAdded', text: command.text }]);
    case 'changeLevel':
      return changeLevel(state, incident, command, now);
    case 'resolve':
      return whenStatus(incident, ['raised', 'acknowledged'], 'only an active incident can be resolved', [
        { incidentId: id, type: 'incidentResolved', summary: command.summary },
      ]);
    case 'close': {
      // A legal deadline outlives the work on the scene: it must be met or waived before closing.
      const open = openDeadlines(incident);
      if (incident.status === 'resolved' && open.length > 0) {
        const names = open.map((d) => `${d.id} (${d.name.en})`).join(', ');
        return fail('conflict', `meet or waive the open deadlines first: ${names}`, 'deadlines');
      }
      return whenStatus(incident, ['resolved'], 'only a resolved incident can be closed', [{ incidentId: id, type: 'incidentClosed' }]);
    }
    case 'reopen': {
      const neverAcknowledged = incident.acknowledgedAt === null;
      const policy = incident.alarm.policy;
      return whenStatus(incident, ['resolved', 'closed'], 'only a resolved or closed incident can be reopened', [
        {
          incidentId: id,
          type: 'incidentReopened',
          reason: command.reason,
          unacknowledged: neverAcknowledged,
          nextEscalationAt: neverAcknowledged ? now + tierTimeout(policy, incident.alarm.tier) : null,
          reminderAt: !neverAcknowledged && policy.reminderMs !== null ? now + policy.reminderMs : null,
        },
      ]);
    }
    case 'acknowledge':
    case 'escalate':
    case 'silence':
    case 'shelve':
    case 'unshelve':
    case 'meetDeadline':
    case 'extendDeadline':
    case 'waiveDeadline':
    case 'undoEscalation':
      return alarmRules(state, incident, command, now);
    default:
      return workRules(state, incident, command);
  }
}

function changeLevel(state: BoardState, incident: Incident, command: Of<'changeLevel'>, now: number): Drafts {
  if (incident.status === 'closed') return fail('conflict', 'a closed incident cannot change level', 'incidentId');
  if (command.level === incident.level) return fail('conflict', 'the incident has this level already', 'level');
  if (!levelAllowed(state, incident.incidentType, command.level))
    return fail('invalid', "not a level of this incident type's scheme", 'level');
  // Raising is always allowed at once; lowering must say why (DOMAIN.md).
  if (isLowering(incident.level, command.level) && command.reason === '') {
    return fail('invalid', 'lowering a level needs a reason', 'reason');
  }
  // The new level's policy applies at once: a faster ladder can bring the next alert forward.
  const policy = policyFor(state.plan, incident.incidentType, command.level);
  const tier = Math.min(incident.alarm.tier, policy.tiers.length - 1);
  const current = incident.alarm.nextEscalationAt;
  const nextEscalationAt = current === null ? null : Math.min(current, now + tierTimeout(policy, tier));
  // So does its reminder, for an acknowledged incident that is quiet; a pending one is never delayed.
  const reminderMs = policy.reminderMs;
  const quiet = incident.status === 'acknowledged' && !incident.alarm.unacknowledged;
  const reminderAt =
    quiet && reminderMs !== null ? Math.min(incident.alarm.reminderAt ?? Infinity, now + reminderMs) : incident.alarm.reminderAt;
  const fromRaise = deadlinesFrom(state.plan, incident.incidentType, command.level, 'raised', incident.raisedAt, incident.deadlines);
  const fromAck =
    incident.acknowledgedAt === null
      ? []
      : deadlinesFrom(state.plan, incident.incidentType, command.level, 'acknowledged', incident.acknowledgedAt, incident.deadlines);
  return ok([
    {
      incidentId: incident.id,
      type: 'levelChanged',
      from: incident.level,
      to: command.level,
      reason: command.reason,
      policy,
      tier,
      nextEscalationAt,
      reminderAt,
      deadlines: [...fromRaise, ...fromAck],
    },
  ]);
}

export function whenStatus(incident: Incident, allowed: readonly IncidentStatus[], message: string, drafts: Draft[]): Drafts {
  return allowed.includes(incident.status) ? ok(drafts) : fail('conflict', `${message} (it is ${incident.status})`, 'incidentId');
}
