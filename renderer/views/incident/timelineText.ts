import { EMERGENCY_NUMBER_NAMES, POSITION_NAMES, type EmergencyNumber } from '../../../electron/core/organisation/organisation.js';
import type { IncidentEvent } from '../../../electron/core/events.js';
import { ROLE_NAMES } from '../../../electron/core/plan/roles.js';
import type { Person } from '../../../electron/core/organisation/roster.js';
import type { Language } from '../../../electron/core/organisation/settings.js';
import type { Incident } from '../../../electron/core/state.js';
import { formatTime } from '../../i18n/format.js';
import type { Messages } from '../../i18n/messages.js';
import { impactSummary } from './impactText.js';

/** The kinds a dispatcher filters the timeline by. */
export const TIMELINE_KINDS = ['alarms', 'actions', 'calls', 'notes', 'checklist', 'roles'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

const KIND_OF: Partial<Record<IncidentEvent['type'], TimelineKind>> = {
  escalated: 'alarms',
  alertRepeated: 'alarms',
  alarmSilenced: 'alarms',
  alarmShelved: 'alarms',
  alarmUnshelved: 'alarms',
  reminderDue: 'alarms',
  deadlineMissed: 'alarms',
  deadlineMet: 'alarms',
  deadlineExtended: 'alarms',
  deadlineWaived: 'alarms',
  escalationUndone: 'alarms',
  alarmRetriggered: 'alarms',
  alarmReturned: 'alarms',
  contactCalled: 'calls',
  noteAdded: 'notes',
  stepChecked: 'checklist',
  stepSkipped: 'checklist',
  stepUnchecked: 'checklist',
  roleAssigned: 'roles',
  roleUnassigned: 'roles',
};

/** Raising, acknowledging, level changes, resolving, the impact and the report are the dispatcher's actions. */
export const kindOf = (event: IncidentEvent): TimelineKind => KIND_OF[event.type] ?? 'actions';

export interface TimelineContext {
  readonly t: Messages;
  readonly language: Language;
  readonly incident: Incident;
  readonly roster: readonly Person[];
}

/** Who did it: a person's name as typed, or the host itself (its ticks: escalations, missed deadlines) in the board's language. */
export const actorName = (actor: string, t: Messages): string => (actor === 'system' ? t.systemActor : actor);

export const personName = (roster: readonly Person[], personId: string, t: Messages): string =>
  roster.find((p) => p.id === personId)?.name ?? t.plans.unknownPerson(personId);

/** 119/110/120/122 are named in the display's language, whatever language the call was recorded in. */
const numberName = (number: string, name: string, language: Language): string =>
  (EMERGENCY_NUMBER_NAMES as Record<string, (typeof EMERGENCY_NUMBER_NAMES)[EmergencyNumber] | undefined>)[number]?.[language] ?? name;

/** What the event means, in a sentence of the display's language. */
export function describeEvent(event: IncidentEvent, ctx: TimelineContext): string {
  const { t, language, incident } = ctx;
  const x = t.plans.text;
  const step = (stepId: string) => incident.checklist.find((i) => i.step.id === stepId)?.step.text[language] ?? stepId;
  const deadline = (id: string) => incident.deadlines.find((d) => d.id === id)?.name[language] ?? id;
  const tierRole = (tier: number) => {
    const role = incident.alarm.policy.tiers[tier]?.role;
    return role === undefined ? String(tier + 1) : ROLE_NAMES[role][language];
  };
  switch (event.type) {
    case 'incidentRaised':
      return x.raised(t.levelText(event.level), event.title);
    case 'incidentAcknowledged':
      return x.acknowledged;
    case 'noteAdded':
      return x.note(event.text);
    case 'levelChanged':
      return x.levelChanged(t.levelText(event.from), t.levelText(event.to), event.reason);
    case 'incidentResolved':
      return x.resolved(event.summary);
    case 'incidentClosed':
      return x.closed;
    case 'incidentReopened':
      return x.reopened(event.reason);
    case 'escalated':
      return x.escalated(tierRole(event.toTier), event.manual);
    case 'alertRepeated':
      return x.repeated(tierRole(event.tier));
    case 'alarmSilenced':
      return x.silenced(formatTime(event.until, language));
    case 'alarmShelved':
      return x.shelved(formatTime(event.until, language), event.reason);
    case 'alarmUnshelved':
      return x.unshelved(event.expired);
    case 'reminderDue':
      return x.reminder;
    case 'deadlineMet':
      return x.deadlineMet(deadline(event.deadlineId));
    case 'deadlineExtended':
      return x.deadlineExtended(deadline(event.deadlineId), formatTime(event.until, language), event.reason);
    case 'deadlineWaived':
      return x.deadlineWaived(deadline(event.deadlineId), event.reason);
    case 'escalationUndone':
      return x.escalationUndone(tierRole(event.toTier));
    case 'deadlineMissed':
      return x.deadlineMissed(deadline(event.deadlineId));
    case 'alarmRetriggered':
      return x.retriggered(event.count, event.summary);
    case 'alarmReturned':
      return x.returned;
    case 'roleAssigned':
      return x.assigned(
        event.personName,
        POSITION_NAMES[event.position][language],
        event.previousPersonId === null ? null : personName(ctx.roster, event.previousPersonId, t),
      );
    case 'roleUnassigned':
      return x.unassigned(personName(ctx.roster, event.personId, t), POSITION_NAMES[event.position][language]);
    case 'contactCalled':
      return x.called(event.number, numberName(event.number, event.name, language));
    case 'stepChecked':
      return x.stepChecked(step(event.stepId));
    case 'stepSkipped':
      return x.stepSkipped(step(event.stepId), event.reason);
    case 'stepUnchecked':
      return x.stepUnchecked(step(event.stepId));
    case 'impactUpdated':
      return x.impact(impactSummary(event.impact, t, language));
    case 'reportUpdated':
      return x.report;
    case 'incidentArchived':
      return x.archived;
    default:
      // An event type added to the core later still shows, by its name.
      return t.events[(event as IncidentEvent).type] ?? (event as IncidentEvent).type;
  }
}
