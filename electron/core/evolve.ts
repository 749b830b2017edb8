import type { BoardEvent, DomainEvent, IncidentArchived, IncidentEvent, IncidentRaised } from './events.js';
import { withRaise } from './alarm/flood.js';
import { NO_IMPACT } from './incident/impact.js';
import type { Alarm, BoardState, ChecklistItem, Incident } from './state.js';

/** How a step writes an incident into the record: a fresh copy (evolve) or a working copy (evolveAll). */
type Put = (incidents: Readonly<Record<string, Incident>>, id: string, incident: Incident | null) => Readonly<Record<string, Incident>>;

const copying: Put = (incidents, id, incident) => {
  if (incident !== null) return { ...incidents, [id]: incident };
  const { [id]: _gone, ...rest } = incidents;
  return rest;
};

/** Applies one confirmed event. Pure; the renderer runs the very same function on pushed events. */
export const evolve = (state: BoardState, event: DomainEvent): BoardState => step(state, event, copying);

/**
 * Applies events in order. Pure as well, but it copies the incident record once for the whole run
 * instead of once per event, so replaying a long journal tail costs O(events), not
 * O(events × incidents). Nothing the caller holds is changed.
 */
export function evolveAll(state: BoardState, events: readonly DomainEvent[]): BoardState {
  if (events.length < 2) return events.reduce(evolve, state);
  const inPlace: Put = (incidents, id, incident) => {
    const owned = incidents as Record<string, Incident>;
    if (incident === null) delete owned[id];
    else owned[id] = incident;
    return owned;
  };
  let board: BoardState = { ...state, incidents: { ...state.incidents } };
  for (const event of events) board = step(board, event, inPlace);
  return board;
}

function step(state: BoardState, event: DomainEvent, put: Put): BoardState {
  if (event.incidentId === null) return { ...evolveBoard(state, event), seq: event.seq };
  if (event.type === 'incidentRaised') {
    const incident = newIncident(event);
    return {
      ...state,
      seq: event.seq,
      lastNumber: Math.max(state.lastNumber, event.number),
      incidents: put(state.incidents, incident.id, incident),
      recentRaises: withRaise(state.recentRaises, event.at),
    };
  }
  const current = state.incidents[event.incidentId];
  if (current === undefined) return { ...state, seq: event.seq };
  if (event.type === 'incidentArchived') return { ...state, seq: event.seq, incidents: put(state.incidents, current.id, null) };
  const incident = { ...applyToIncident(current, event), updatedAt: event.at, timeline: [...current.timeline, event] };
  return { ...state, seq: event.seq, incidents: put(state.incidents, incident.id, incident) };
}

function newIncident(event: IncidentRaised): Incident {
  return {
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
    alarm: {
      unacknowledged: true,
      reason: 'raised',
      policy: event.policy,
      tier: 0,
      repeatsDone: 0,
      nextEscalationAt: event.nextEscalationAt,
      reminderAt: null,
      silencedUntil: null,
      shelved: null,
      returned: false,
    },
    deadlines: event.deadlines,
    source: event.source,
    checklist: event.checklist.map((step) => ({ step, status: 'open', at: null, by: null, reason: '' })),
    rolesToFill: event.rolesToFill,
    assignments: {},
    impact: NO_IMPACT,
    report: null,
    timeline: [event],
  };
}

/** Back to quiet: nothing sounds, nothing escalates. */
const quiet = (alarm: Alarm): Alarm => ({
  ...alarm,
  unacknowledged: false,
  nextEscalationAt: null,
  reminderAt: null,
  silencedUntil: null,
  shelved: null,
});

function applyToIncident(incident: Incident, event: Exclude<IncidentEvent, IncidentRaised | IncidentArchived>): Incident {
  const alarm = incident.alarm;
  const withAlarm = (changes: Partial<Alarm>): Incident => ({ ...incident, alarm: { ...alarm, ...changes } });
  switch (event.type) {
    case 'incidentAcknowledged':
      return {
        ...incident,
        // a resolved incident's missed deadline is acknowledged without making it active again
        status: incident.status === 'resolved' ? 'resolved' : 'acknowledged',
        acknowledgedAt: incident.acknowledgedAt ?? event.at,
        acknowledgedBy: incident.acknowledgedBy ?? event.actor,
        alarm: { ...quiet(alarm), reminderAt: event.reminderAt },
        deadlines: [...incident.deadlines, ...event.deadlines],
      };
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
        // `?? alarm.reminderAt`: levelChanged events journaled before they carried reminderAt
        alarm: {
          ...alarm,
          policy: event.policy,
          tier: event.tier,
          nextEscalationAt: event.nextEscalationAt,
          reminderAt: event.reminderAt ?? alarm.reminderAt,
        },
        deadlines: [...incident.deadlines, ...event.deadlines],
      };
    case 'incidentResolved':
      return { ...incident, status: 'resolved', resolvedAt: event.at, alarm: quiet(alarm) };
    case 'incidentClosed':
      return { ...incident, status: 'closed', closedAt: event.at };
    case 'incidentReopened':
      // The person reopening is acting on it, so an incident that was acknowledged stays so.
      return {
        ...incident,
        status: incident.acknowledgedAt === null ? 'raised' : 'acknowledged',
        resolvedAt: null,
        closedAt: null,
        alarm: {
          ...quiet(alarm),
          unacknowledged: event.unacknowledged,
          reason: 'reopened',
          returned: false,
          nextEscalationAt: event.nextEscalationAt,
          reminderAt: event.reminderAt,
        },
      };
    case 'escalated':
      // A new tier must hear the horn, even if the last one silenced it.
      return withAlarm({
        unacknowledged: true,
        reason: 'escalated',
        tier: event.toTier,
        repeatsDone: 0,
        nextEscalationAt: event.nextEscalationAt,
        silencedUntil: null,
        reminderAt: null,
      });
    case 'escalationUndone':
      return withAlarm({ ...event.alarm, tier: event.toTier });
    case 'alertRepeated':
      return withAlarm({ reason: 'repeated', repeatsDone: event.repeatsDone, nextEscalationAt: event.nextEscalationAt });
    case 'alarmSilenced':
      return withAlarm({ silencedUntil: event.until });
    case 'alarmShelved':
      return withAlarm({ shelved: { until: event.until, reason: event.reason, by: event.actor } });
    case 'alarmUnshelved':
      return withAlarm({ shelved: null, nextEscalationAt: event.nextEscalationAt });
    case 'reminderDue':
      return withAlarm({ unacknowledged: true, reason: 'reminder', reminderAt: null, nextEscalationAt: null });
    case 'deadlineMet':
      return {
        ...incident,
        deadlines: incident.deadlines.map((d) => (d.id === event.deadlineId ? { ...d, metAt: event.at, metBy: event.actor } : d)),
      };
    case 'deadlineExtended':
      return {
        ...incident,
        deadlines: incident.deadlines.map((d) => (d.id === event.deadlineId ? { ...d, dueAt: event.until, missedAt: null } : d)),
      };
    case 'deadlineWaived':
      return {
        ...incident,
        deadlines: incident.deadlines.map((d) =>
          d.id === event.deadlineId ? { ...d, waived: { at: event.at, by: event.actor, reason: event.reason } } : d,
        ),
      };
    case 'deadlineMissed':
      return {
        ...incident,
        deadlines: incident.deadlines.map((d) => (d.id === event.deadlineId ? { ...d, missedAt: event.at } : d)),
        alarm: { ...alarm, unacknowledged: true, reason: 'deadlineMissed', silencedUntil: null },
      };
    case 'alarmRetriggered': {
      const source = incident.source === null ? null : { ...incident.source, count: event.count, lastSeenAt: event.at };
      const sounding = alarm.unacknowledged && !alarm.returned;
      if (sounding) return { ...incident, source, title: event.summary };
      return {
        ...incident,
        source,
        title: event.summary,
        alarm: {
          ...alarm,
          unacknowledged: true,
          returned: false,
          reason: 'retriggered',
          nextEscalationAt: event.nextEscalationAt,
          reminderAt: null,
        },
      };
    }
    case 'alarmReturned':
      // The condition cleared: it stays until seen, but nobody needs to be chased about it.
      return withAlarm({ returned: true, nextEscalationAt: null });
    case 'roleAssigned':
      return { ...incident, assignments: { ...incident.assignments, [event.position]: event.personId } };
    case 'roleUnassigned': {
      const { [event.position]: _gone, ...rest } = incident.assignments;
      return { ...incident, assignments: rest };
    }
    case 'contactCalled':
      return incident;
    case 'stepChecked':
      return withStep(incident, event.stepId, { status: 'done', at: event.at, by: event.actor, reason: '' });
    case 'stepSkipped':
      return withStep(incident, event.stepId, { status: 'skipped', at: event.at, by: event.actor, reason: event.reason });
    case 'stepUnchecked':
      return withStep(incident, event.stepId, { status: 'open', at: null, by: null, reason: '' });
    case 'impactUpdated':
      return { ...incident, impact: event.impact };
    case 'reportUpdated':
      return { ...incident, report: event.report };
  }
}

function withStep(incident: Incident, stepId: string, change: Omit<ChecklistItem, 'step'>): Incident {
  return { ...incident, checklist: incident.checklist.map((item) => (item.step.id === stepId ? { ...item, ...change } : item)) };
}

function evolveBoard(state: BoardState, event: BoardEvent): BoardState {
  switch (event.type) {
    case 'floodStarted':
      return { ...state, flood: { active: true, since: event.at } };
    case 'floodEnded':
      return { ...state, flood: { active: false, since: null } };
    case 'policySet':
      return event.incidentType === null
        ? { ...state, plan: { ...state.plan, policies: { ...state.plan.policies, [event.level]: event.policy } } }
        : {
            ...state,
            plan: {
              ...state.plan,
              catalogue: state.plan.catalogue.map((t) =>
                t.id === event.incidentType ? { ...t, escalation: { ...t.escalation, [event.level]: event.policy } } : t,
              ),
            },
          };
    case 'calendarSet':
      return { ...state, plan: { ...state.plan, calendar: event.calendar } };
    case 'clockJumped':
      // The flood window is relative too: raises keep their distance from the new clock.
      return {
        ...state,
        incidents: mapValues(state.incidents, (incident) => shiftTimers(incident, event.deltaMs)),
        recentRaises: state.recentRaises.map((t) => t + event.deltaMs),
      };
    case 'catalogueSet':
      return { ...state, plan: { ...state.plan, catalogue: event.catalogue } };
    case 'incidentTypeSet': {
      const exists = state.plan.catalogue.some((t) => t.id === event.incidentType.id);
      const catalogue = exists
        ? state.plan.catalogue.map((t) => (t.id === event.incidentType.id ? event.incidentType : t))
        : [...state.plan.catalogue, event.incidentType];
      return { ...state, plan: { ...state.plan, catalogue } };
    }
    case 'rosterSet':
      return { ...state, roster: event.people };
    case 'shiftHandedOver':
      return { ...state, shift: { onDuty: event.incoming, since: event.at, note: event.note } };
    case 'pinChanged':
    case 'pinRejected':
    case 'settingsChanged':
      return state;
  }
}

/** Relative timers (escalation, reminder, silence, shelving) move with a clock that went back. */
function shiftTimers(incident: Incident, delta: number): Incident {
  const a = incident.alarm;
  const shift = (at: number | null) => (at === null ? null : at + delta);
  return {
    ...incident,
    alarm: {
      ...a,
      nextEscalationAt: shift(a.nextEscalationAt),
      reminderAt: shift(a.reminderAt),
      silencedUntil: shift(a.silencedUntil),
      shelved: a.shelved === null ? null : { ...a.shelved, until: a.shelved.until + delta },
    },
  };
}

function mapValues<T>(record: Readonly<Record<string, T>>, fn: (value: T) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) out[key] = fn(value);
  return out;
}
