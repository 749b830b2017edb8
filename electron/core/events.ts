import type { WorkingCalendar } from './plan/calendar.js';
import type { Catalogue, ChecklistStep, IncidentType } from './plan/catalogue.js';
import type { Impact } from './incident/impact.js';
import type { Position } from './organisation/organisation.js';
import type { AccidentReport } from './incident/report.js';
import type { Person } from './organisation/roster.js';
import type { SettingsPatch } from './organisation/settings.js';
import type { Level } from './incident/levels.js';
import type { EscalationPolicy } from './plan/plan.js';
import type { Alarm, AlarmSource, Deadline } from './state.js';

/** Fields every journaled event carries. Events are plain, read-only data. */
interface EventBase {
  readonly seq: number;
  /** epoch milliseconds, taken from the `now` given to decide */
  readonly at: number;
  readonly actor: string;
  readonly incidentId: string;
}
/** Events about the whole board rather than one incident. */
interface BoardEventBase extends Omit<EventBase, 'incidentId'> {
  readonly incidentId: null;
}

export interface IncidentRaised extends EventBase {
  readonly type: 'incidentRaised';
  readonly number: number;
  readonly incidentType: string;
  readonly level: Level;
  readonly title: string;
  readonly location: string;
  readonly reporter: string;
  readonly details: string;
  readonly drill: boolean;
  /** the escalation policy in force, copied so that replay never depends on today's plan */
  readonly policy: EscalationPolicy;
  readonly nextEscalationAt: number;
  readonly deadlines: readonly Deadline[];
  readonly source: AlarmSource | null;
  /** the plan's checklist and required positions, copied like the policy */
  readonly checklist: readonly ChecklistStep[];
  readonly rolesToFill: readonly Position[];
}
export interface IncidentAcknowledged extends EventBase {
  readonly type: 'incidentAcknowledged';
  readonly reminderAt: number | null;
  /** deadlines counted from the first acknowledgement */
  readonly deadlines: readonly Deadline[];
}
export interface NoteAdded extends EventBase {
  readonly type: 'noteAdded';
  readonly text: string;
}
export interface LevelChanged extends EventBase {
  readonly type: 'levelChanged';
  readonly from: Level;
  readonly to: Level;
  readonly reason: string;
  readonly policy: EscalationPolicy;
  readonly tier: number;
  readonly nextEscalationAt: number | null;
  /** the new level's reminder, if it comes sooner for an acknowledged incident */
  readonly reminderAt: number | null;
  readonly deadlines: readonly Deadline[];
}
export interface IncidentResolved extends EventBase {
  readonly type: 'incidentResolved';
  readonly summary: string;
}
export interface IncidentClosed extends EventBase {
  readonly type: 'incidentClosed';
}
export interface IncidentReopened extends EventBase {
  readonly type: 'incidentReopened';
  readonly reason: string;
  readonly unacknowledged: boolean;
  readonly nextEscalationAt: number | null;
  readonly reminderAt: number | null;
}
export interface Escalated extends EventBase {
  readonly type: 'escalated';
  readonly fromTier: number;
  readonly toTier: number;
  readonly manual: boolean;
  readonly nextEscalationAt: number;
  /** a manual escalation keeps the alarm as it was, so that it can be undone for a few seconds */
  readonly before?: AlarmBefore;
}
/** The parts of the alarm an escalation changes. */
export type AlarmBefore = Pick<Alarm, 'unacknowledged' | 'reason' | 'repeatsDone' | 'nextEscalationAt' | 'reminderAt' | 'silencedUntil'>;
/** A manual escalation taken back within the undo window: the alarm is as it was before. */
export interface EscalationUndone extends EventBase {
  readonly type: 'escalationUndone';
  readonly fromTier: number;
  readonly toTier: number;
  readonly alarm: AlarmBefore;
}
export interface AlertRepeated extends EventBase {
  readonly type: 'alertRepeated';
  readonly tier: number;
  readonly repeatsDone: number;
  readonly nextEscalationAt: number;
}
export interface AlarmSilenced extends EventBase {
  readonly type: 'alarmSilenced';
  readonly until: number;
}
export interface AlarmShelved extends EventBase {
  readonly type: 'alarmShelved';
  readonly until: number;
  readonly reason: string;
}
export interface AlarmUnshelved extends EventBase {
  readonly type: 'alarmUnshelved';
  readonly expired: boolean;
  readonly nextEscalationAt: number | null;
}
export interface ReminderDue extends EventBase {
  readonly type: 'reminderDue';
}
export interface DeadlineMet extends EventBase {
  readonly type: 'deadlineMet';
  readonly deadlineId: string;
}
export interface DeadlineExtended extends EventBase {
  readonly type: 'deadlineExtended';
  readonly deadlineId: string;
  readonly from: number;
  readonly until: number;
  readonly reason: string;
}
export interface DeadlineWaived extends EventBase {
  readonly type: 'deadlineWaived';
  readonly deadlineId: string;
  readonly reason: string;
}
export interface DeadlineMissed extends EventBase {
  readonly type: 'deadlineMissed';
  readonly deadlineId: string;
}
export interface AlarmRetriggered extends EventBase {
  readonly type: 'alarmRetriggered';
  readonly count: number;
  readonly summary: string;
  /** a new trigger sounds again if the alarm had returned to normal or been acknowledged */
  readonly nextEscalationAt: number | null;
}
export interface AlarmReturned extends EventBase {
  readonly type: 'alarmReturned';
}
export interface RoleAssigned extends EventBase {
  readonly type: 'roleAssigned';
  readonly position: Position;
  readonly personId: string;
  readonly personName: string;
  readonly previousPersonId: string | null;
}
export interface RoleUnassigned extends EventBase {
  readonly type: 'roleUnassigned';
  readonly position: Position;
  readonly personId: string;
}
export interface ContactCalled extends EventBase {
  readonly type: 'contactCalled';
  readonly number: string;
  readonly name: string;
}
export interface StepChecked extends EventBase {
  readonly type: 'stepChecked';
  readonly stepId: string;
}
export interface StepSkipped extends EventBase {
  readonly type: 'stepSkipped';
  readonly stepId: string;
  readonly reason: string;
}
export interface StepUnchecked extends EventBase {
  readonly type: 'stepUnchecked';
  readonly stepId: string;
}
export interface ImpactUpdated extends EventBase {
  readonly type: 'impactUpdated';
  readonly impact: Impact;
}
export interface ReportUpdated extends EventBase {
  readonly type: 'reportUpdated';
  readonly report: AccidentReport;
}
export interface FloodStarted extends BoardEventBase {
  readonly type: 'floodStarted';
  readonly count: number;
}
export interface FloodEnded extends BoardEventBase {
  readonly type: 'floodEnded';
}
export interface PolicySet extends BoardEventBase {
  readonly type: 'policySet';
  /** null sets the default policy of the level */
  readonly incidentType: string | null;
  readonly level: Level;
  readonly policy: EscalationPolicy;
}
export interface CalendarSet extends BoardEventBase {
  readonly type: 'calendarSet';
  readonly calendar: WorkingCalendar;
}
/** The host's wall clock went back: relative timers keep the time they had left. */
export interface ClockJumped extends BoardEventBase {
  readonly type: 'clockJumped';
  readonly deltaMs: number;
}

export interface CatalogueSet extends BoardEventBase {
  readonly type: 'catalogueSet';
  readonly catalogue: Catalogue;
}
export interface IncidentTypeSet extends BoardEventBase {
  readonly type: 'incidentTypeSet';
  readonly incidentType: IncidentType;
}
export interface RosterSet extends BoardEventBase {
  readonly type: 'rosterSet';
  readonly people: readonly Person[];
}
export interface ShiftHandedOver extends BoardEventBase {
  readonly type: 'shiftHandedOver';
  readonly outgoing: readonly string[];
  readonly incoming: readonly string[];
  readonly note: string;
}
/** A closed incident past the retention window leaves memory; its events stay in the journal. */
export interface IncidentArchived extends EventBase {
  readonly type: 'incidentArchived';
}
/** Audit of a change to the site settings (who changed the 119 row, and when). */
export interface SettingsChanged extends BoardEventBase {
  readonly type: 'settingsChanged';
  readonly changes: SettingsPatch;
}
/** Audit only: the PIN itself is never journaled. */
export interface PinChanged extends BoardEventBase {
  readonly type: 'pinChanged';
}

/** Audit of a wrong operator PIN; after repeated ones the client is locked out until lockedUntil. */
export interface PinRejected extends BoardEventBase {
  readonly type: 'pinRejected';
  readonly client: string;
  readonly failures: number;
  readonly lockedUntil: number | null;
}

export type IncidentEvent =
  | IncidentRaised
  | IncidentAcknowledged
  | NoteAdded
  | LevelChanged
  | IncidentResolved
  | IncidentClosed
  | IncidentReopened
  | Escalated
  | EscalationUndone
  | AlertRepeated
  | AlarmSilenced
  | AlarmShelved
  | AlarmUnshelved
  | ReminderDue
  | DeadlineMet
  | DeadlineMissed
  | DeadlineExtended
  | DeadlineWaived
  | AlarmRetriggered
  | AlarmReturned
  | RoleAssigned
  | RoleUnassigned
  | ContactCalled
  | StepChecked
  | StepSkipped
  | StepUnchecked
  | ImpactUpdated
  | ReportUpdated
  | IncidentArchived;

export type BoardEvent =
  | FloodStarted
  | FloodEnded
  | PolicySet
  | CalendarSet
  | ClockJumped
  | CatalogueSet
  | IncidentTypeSet
  | RosterSet
  | ShiftHandedOver
  | SettingsChanged
  | PinChanged
  | PinRejected;

export type DomainEvent = IncidentEvent | BoardEvent;
export type EventType = DomainEvent['type'];

export const isIncidentEvent = (event: DomainEvent): event is IncidentEvent => event.incidentId !== null;
