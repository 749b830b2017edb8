import type { Draft } from '../draft.js';
import { floodEndsAt, raisesInWindow, FLOOD } from './flood.js';
import { resumedEscalation } from './alarm-rules.js';
import { tierTimeout } from './schedule.js';
import { isActive, isOnBoard, isOpenDeadline, type BoardState, type Incident } from '../state.js';

/**
 * Whatever became due by `now` fires once, however late the tick is (after a restart, a suspend,
 * a clock jump). Each incident gets at most one escalation step per tick.
 */
export function decideTick(state: BoardState, now: number, clockJumpMs: number): Draft[] {
  const drafts: Draft[] = [];
  // A clock that went back must not stretch relative timers: they keep the time they had left.
  if (clockJumpMs < 0) drafts.push({ incidentId: null, type: 'clockJumped', deltaMs: clockJumpMs });
  const shift = clockJumpMs < 0 ? clockJumpMs : 0;
  for (const incident of onBoardByNumber(state)) {
    // A resolved incident no longer escalates, but its open legal deadlines go on counting.
    drafts.push(...(isActive(incident) ? dueFor(incident, now, shift) : overdueDeadlines(incident, now)));
  }
  for (const incident of Object.values(state.incidents)) {
    if (incident.closedAt !== null && incident.closedAt + state.plan.retentionMs <= now) {
      drafts.push({ incidentId: incident.id, type: 'incidentArchived' });
    }
  }
  if (
    state.flood.active &&
    raisesInWindow(
      state.recentRaises.map((t) => t + shift),
      now,
    ) < FLOOD.endBelow
  ) {
    drafts.push({ incidentId: null, type: 'floodEnded' });
  }
  return drafts;
}

function dueFor(incident: Incident, now: number, shift: number): Draft[] {
  const id = incident.id;
  const alarm = incident.alarm;
  const drafts: Draft[] = [];
  const due = (at: number | null): boolean => at !== null && at + shift <= now;

  if (alarm.shelved !== null) {
    if (!due(alarm.shelved.until)) return overdueDeadlines(incident, now);
    drafts.push({ incidentId: id, type: 'alarmUnshelved', expired: true, nextEscalationAt: resumedEscalation(incident, now) });
  } else if (alarm.unacknowledged && due(alarm.nextEscalationAt)) {
    drafts.push(escalationStep(incident, now));
  } else if (!alarm.unacknowledged && due(alarm.reminderAt)) {
    drafts.push({ incidentId: id, type: 'reminderDue' });
  }
  return [...drafts, ...overdueDeadlines(incident, now)];
}

/** Repeat the alert at this tier while repeats are left, then move up; the top tier keeps repeating. */
function escalationStep(incident: Incident, now: number): Draft {
  const { policy, tier, repeatsDone } = incident.alarm;
  const current = policy.tiers[tier];
  const atTop = tier >= policy.tiers.length - 1;
  if ((current !== undefined && repeatsDone < current.repeat) || atTop) {
    return {
      incidentId: incident.id,
      type: 'alertRepeated',
      tier,
      repeatsDone: repeatsDone + 1,
      nextEscalationAt: now + tierTimeout(policy, tier),
    };
  }
  return {
    incidentId: incident.id,
    type: 'escalated',
    fromTier: tier,
    toTier: tier + 1,
    manual: false,
    nextEscalationAt: now + tierTimeout(policy, tier + 1),
  };
}

/** Legal deadlines are wall-clock instants: they are never shifted. */
const overdueDeadlines = (incident: Incident, now: number): Draft[] =>
  incident.deadlines
    .filter((d) => isOpenDeadline(d) && d.missedAt === null && d.dueAt <= now)
    .map((d) => ({ incidentId: incident.id, type: 'deadlineMissed', deadlineId: d.id }));

const onBoardByNumber = (state: BoardState): Incident[] =>
  Object.values(state.incidents)
    .filter(isOnBoard)
    .sort((a, b) => a.number - b.number);

/** The next instant at which a tick has something to decide; null when nothing is pending. */
export function nextDueAt(state: BoardState): number | null {
  let next: number | null = floodEndsAt(state);
  const consider = (at: number | null) => {
    if (at !== null && (next === null || at < next)) next = at;
  };
  for (const incident of Object.values(state.incidents)) {
    if (incident.closedAt !== null) consider(incident.closedAt + state.plan.retentionMs);
    if (!isOnBoard(incident)) continue;
    const alarm = incident.alarm;
    // A resolved incident on the board waits only for its open deadlines.
    if (isActive(incident)) {
      if (alarm.shelved !== null) consider(alarm.shelved.until);
      else if (alarm.unacknowledged) consider(alarm.nextEscalationAt);
      else consider(alarm.reminderAt);
    }
    for (const d of incident.deadlines) if (isOpenDeadline(d) && d.missedAt === null) consider(d.dueAt);
  }
  return next;
}
