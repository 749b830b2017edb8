import type { Language } from '../../../electron/core/organisation/settings.js';
import { ROLE_NAMES } from '../../../electron/core/plan/roles.js';
import { isOpenDeadline, type Deadline, type Incident } from '../../../electron/core/state.js';
import type { Messages } from '../../i18n/messages.js';

/**
 * Pure readings of an incident's alarm for the views, tested in tests/renderer/alarmView.test.ts.
 */

/**
 * Flashes while nobody has taken the alarm on, silenced or not: silence mutes the horn, it does
 * not acknowledge. A shelved alarm is put aside on purpose and stays steady.
 */
export const isFlashing = (incident: Incident): boolean => incident.alarm.unacknowledged && incident.alarm.shelved === null;

/** Nobody above: Escalate has nowhere to go. */
export const atTopTier = (incident: Incident): boolean => incident.alarm.tier >= incident.alarm.policy.tiers.length - 1;

export type NextStep =
  | { readonly kind: 'escalate'; readonly at: number; readonly toTier: number }
  | { readonly kind: 'repeat' | 'reminder'; readonly at: number };

/** The next timed step of the ladder, if any: escalation, a repeat at this tier, or a reminder. */
export function nextStep(incident: Incident): NextStep | null {
  const { alarm } = incident;
  if (alarm.shelved !== null) return null;
  if (alarm.unacknowledged) {
    if (alarm.nextEscalationAt === null) return null;
    const current = alarm.policy.tiers[alarm.tier];
    // The core repeats at a tier while repeats are left, and the top tier keeps repeating (core/tick.ts).
    if (atTopTier(incident) || (current !== undefined && alarm.repeatsDone < current.repeat))
      return { kind: 'repeat', at: alarm.nextEscalationAt };
    return { kind: 'escalate', at: alarm.nextEscalationAt, toTier: alarm.tier + 1 };
  }
  return alarm.reminderAt === null ? null : { kind: 'reminder', at: alarm.reminderAt };
}

export type DeadlineState = 'open' | 'met' | 'missed' | 'waived';

export const deadlineState = (deadline: Deadline): DeadlineState =>
  deadline.metAt !== null ? 'met' : (deadline.waived ?? null) !== null ? 'waived' : deadline.missedAt !== null ? 'missed' : 'open';

/** The role alerted at a tier of the incident's ladder (tiers past the end are the top one's). */
export function tierRole(incident: Incident, tier: number, language: Language): string {
  const tiers = incident.alarm.policy.tiers;
  const role = (tiers[tier] ?? tiers[tiers.length - 1])?.role;
  return role === undefined ? '' : ROLE_NAMES[role][language];
}

/**
 * The status chip in words that agree with the buttons: an acknowledged incident whose alarm
 * calls again (escalated, reminder, missed deadline) is waiting for someone, not "acknowledged".
 */
export function statusText(t: Messages, incident: Incident, language: Language): string {
  if (incident.status === 'acknowledged' && incident.alarm.unacknowledged) {
    return t.work.awaitingAck(tierRole(incident, incident.alarm.tier, language));
  }
  if (incident.status === 'resolved' && incident.deadlines.some(isOpenDeadline)) return t.work.stillOpen;
  return t.status[incident.status];
}
