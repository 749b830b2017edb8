import type { Command } from '../contract/commands.js';
import { MAX_DEADLINE_MS } from '../plan/plan-schemas.js';
import type { Drafts } from '../draft.js';
import { fail, ok } from '../contract/result.js';
import { deadlinesFrom, tierTimeout } from './schedule.js';
import type { IncidentEvent } from '../events.js';
import { isActive, isOnBoard, isOpenDeadline, type BoardState, type Incident } from '../state.js';

type AlarmCommand = Extract<
  Command,
  {
    type:
      | 'acknowledge'
      | 'escalate'
      | 'undoEscalation'
      | 'silence'
      | 'shelve'
      | 'unshelve'
      | 'meetDeadline'
      | 'extendDeadline'
      | 'waiveDeadline';
  }
>;

const MINUTE = 60_000;
/** How long a manual escalation can be taken back (a key pressed on the wrong card). */
export const UNDO_ESCALATION_MS = 10_000;

/** Acknowledge, silence, shelve, escalate by hand, meet a deadline. */
export function alarmRules(state: BoardState, incident: Incident, command: AlarmCommand, now: number): Drafts {
  const id = incident.id;
  if (command.type === 'meetDeadline') return meetDeadline(incident, command.deadlineId);
  if (command.type === 'extendDeadline') return extendDeadline(incident, command);
  if (command.type === 'waiveDeadline') return waiveDeadline(incident, command);
  const alarm = incident.alarm;
  // A resolved incident whose open deadline was missed alarms again: that alarm is acknowledged and silenced.
  const answersAlarm = command.type === 'acknowledge' || command.type === 'silence';
  const answerable = isActive(incident) || (answersAlarm && isOnBoard(incident) && alarm.unacknowledged);
  if (!answerable) return fail('conflict', `the incident is ${incident.status}`, 'incidentId');
  switch (command.type) {
    case 'acknowledge':
      return acknowledgeDrafts(state, incident, now);
    case 'undoEscalation':
      return undoEscalation(incident, now);
    case 'escalate': {
      const toTier = alarm.tier + 1;
      if (toTier >= alarm.policy.tiers.length)
        return fail('conflict', 'already at the highest tier of the escalation policy', 'incidentId');
      return ok([
        {
          incidentId: id,
          type: 'escalated',
          fromTier: alarm.tier,
          toTier,
          manual: true,
          nextEscalationAt: now + tierTimeout(alarm.policy, toTier),
          before: {
            unacknowledged: alarm.unacknowledged,
            reason: alarm.reason,
            repeatsDone: alarm.repeatsDone,
            nextEscalationAt: alarm.nextEscalationAt,
            reminderAt: alarm.reminderAt,
            silencedUntil: alarm.silencedUntil,
          },
        },
      ]);
    }
    case 'silence':
      if (!alarm.unacknowledged) return fail('conflict', 'nothing to silence: the alarm is acknowledged', 'incidentId');
      return ok([{ incidentId: id, type: 'alarmSilenced', until: now + command.minutes * MINUTE }]);
    case 'shelve':
      return ok([{ incidentId: id, type: 'alarmShelved', until: now + command.minutes * MINUTE, reason: command.reason }]);
    case 'unshelve':
      if (alarm.shelved === null) return fail('conflict', 'the alarm is not shelved', 'incidentId');
      return ok([{ incidentId: id, type: 'alarmUnshelved', expired: false, nextEscalationAt: resumedEscalation(incident, now) }]);
  }
}

/** After shelving, an alarm nobody acknowledged starts its tier's clock again. */
export const resumedEscalation = (incident: Incident, now: number): number | null =>
  incident.alarm.unacknowledged && !incident.alarm.returned ? now + tierTimeout(incident.alarm.policy, incident.alarm.tier) : null;

export function acknowledgeDrafts(state: BoardState, incident: Incident, now: number): Drafts {
  if (!incident.alarm.unacknowledged) {
    return fail('conflict', `already acknowledged by ${incident.acknowledgedBy ?? 'someone'}`, 'incidentId');
  }
  const policy = incident.alarm.policy;
  const first = incident.acknowledgedAt === null;
  // a resolved incident (its deadline was missed) needs no reminder: nobody works on it any more
  const remind = policy.reminderMs !== null && isActive(incident);
  const acknowledged = {
    incidentId: incident.id,
    type: 'incidentAcknowledged' as const,
    reminderAt: remind ? now + (policy.reminderMs ?? 0) : null,
    deadlines: first ? deadlinesFrom(state.plan, incident.incidentType, incident.level, 'acknowledged', now, incident.deadlines) : [],
  };
  // An outside alarm that already returned to normal leaves the board once someone has seen it.
  if (!incident.alarm.returned) return ok([acknowledged]);
  return ok([acknowledged, { incidentId: incident.id, type: 'incidentResolved', summary: 'returned to normal' }]);
}

function meetDeadline(incident: Incident, deadlineId: string): Drafts {
  const deadline = incident.deadlines.find((d) => d.id === deadlineId);
  if (deadline === undefined) return fail('not_found', 'the incident has no such deadline', 'deadlineId');
  if (deadline.metAt !== null) return fail('conflict', `already met by ${deadline.metBy ?? 'someone'}`, 'deadlineId');
  if (!isOpenDeadline(deadline)) return fail('conflict', 'the deadline was waived', 'deadlineId');
  return ok([{ incidentId: incident.id, type: 'deadlineMet', deadlineId }]);
}

/** A deadline that no longer applies (the report went another way) is waived with a reason, on record. */
function waiveDeadline(incident: Incident, command: Extract<AlarmCommand, { type: 'waiveDeadline' }>): Drafts {
  const deadline = incident.deadlines.find((d) => d.id === command.deadlineId);
  if (deadline === undefined) return fail('not_found', 'the incident has no such deadline', 'deadlineId');
  if (deadline.metAt !== null) return fail('conflict', 'the deadline has been met', 'deadlineId');
  if (!isOpenDeadline(deadline)) return fail('conflict', 'the deadline was waived already', 'deadlineId');
  return ok([{ incidentId: incident.id, type: 'deadlineWaived', deadlineId: deadline.id, reason: command.reason }]);
}

/** Events after which a manual escalation can no longer be taken back: the alarm has moved on. */
const ALARM_MOVES: ReadonlySet<IncidentEvent['type']> = new Set([
  'escalated',
  'escalationUndone',
  'alertRepeated',
  'incidentAcknowledged',
  'alarmSilenced',
  'alarmShelved',
  'alarmUnshelved',
  'reminderDue',
  'deadlineMissed',
  'levelChanged',
  'alarmRetriggered',
  'alarmReturned',
]);

function undoEscalation(incident: Incident, now: number): Drafts {
  const last = incident.timeline.findLast((e) => ALARM_MOVES.has(e.type));
  if (last?.type !== 'escalated' || !last.manual || last.before === undefined) {
    return fail('conflict', 'there is no manual escalation to undo', 'incidentId');
  }
  if (now - last.at > UNDO_ESCALATION_MS) {
    return fail('conflict', `a manual escalation can be undone within ${UNDO_ESCALATION_MS / 1000} s only`, 'incidentId');
  }
  return ok([{ incidentId: incident.id, type: 'escalationUndone', fromTier: last.toTier, toTier: last.fromTier, alarm: last.before }]);
}

/** Some limits may be extended with a reason told to the customer (bank complaints: 15 → 60 days). */
function extendDeadline(incident: Incident, command: Extract<AlarmCommand, { type: 'extendDeadline' }>): Drafts {
  const deadline = incident.deadlines.find((d) => d.id === command.deadlineId);
  if (deadline === undefined) return fail('not_found', 'the incident has no such deadline', 'deadlineId');
  if (deadline.metAt !== null) return fail('conflict', 'the deadline has been met', 'deadlineId');
  if (command.until <= deadline.dueAt) return fail('invalid', 'must be later than the current due time', 'until');
  if (command.until > deadline.dueAt + MAX_DEADLINE_MS) return fail('invalid', 'at most a year after the current due time', 'until');
  return ok([
    {
      incidentId: incident.id,
      type: 'deadlineExtended',
      deadlineId: deadline.id,
      from: deadline.dueAt,
      until: command.until,
      reason: command.reason,
    },
  ]);
}
