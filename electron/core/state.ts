import type { ChecklistStep } from './plan/catalogue.js';
import type { IncidentEvent } from './events.js';
import type { Impact } from './incident/impact.js';
import type { Position } from './organisation/organisation.js';
import type { AccidentReport } from './incident/report.js';
import type { DutyShift, Person } from './organisation/roster.js';
import type { Level } from './incident/levels.js';
import { DEFAULT_PLAN, type EscalationPolicy, type Plan } from './plan/plan.js';

export type IncidentStatus = 'raised' | 'acknowledged' | 'resolved' | 'closed';

export interface LevelChange {
  readonly at: number;
  readonly actor: string;
  readonly from: Level | null;
  readonly to: Level;
  readonly reason: string;
}

/** Why the alarm asks for attention right now. */
export type AlarmReason = 'raised' | 'escalated' | 'repeated' | 'reminder' | 'deadlineMissed' | 'retriggered' | 'reopened';

/**
 * The alarm of an incident, after the ISA-18.2 model: acknowledging, silencing the horn and
 * shelving are separate things.
 */
export interface Alarm {
  /** flashing and sounding until someone acknowledges */
  readonly unacknowledged: boolean;
  readonly reason: AlarmReason;
  readonly policy: EscalationPolicy;
  /** index into policy.tiers: who is being alerted */
  readonly tier: number;
  readonly repeatsDone: number;
  readonly nextEscalationAt: number | null;
  readonly reminderAt: number | null;
  /** horn muted until then; the alarm still flashes and escalates */
  readonly silencedUntil: number | null;
  readonly shelved: { readonly until: number; readonly reason: string; readonly by: string } | null;
  /** an outside system said its condition returned to normal */
  readonly returned: boolean;
}

export interface Deadline {
  /** the plan rule's id */
  readonly id: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly dueAt: number;
  readonly metAt: number | null;
  readonly metBy: string | null;
  readonly missedAt: number | null;
  /** set when someone decided, with a reason, that the deadline no longer applies; absent in old records */
  readonly waived?: { readonly at: number; readonly by: string; readonly reason: string } | null;
}

/** An alarm that came from another system, deduplicated by its key. */
export interface AlarmSource {
  readonly system: string;
  readonly dedupKey: string;
  readonly count: number;
  readonly lastSeenAt: number;
}

export interface ChecklistItem {
  readonly step: ChecklistStep;
  readonly status: 'open' | 'done' | 'skipped';
  readonly at: number | null;
  readonly by: string | null;
  readonly reason: string;
}

export interface Incident {
  readonly id: string;
  /** Short running number for people to say aloud ("incident 12"). */
  readonly number: number;
  readonly incidentType: string;
  readonly level: Level;
  readonly levelHistory: readonly LevelChange[];
  readonly title: string;
  readonly location: string;
  readonly reporter: string;
  readonly details: string;
  readonly drill: boolean;
  readonly status: IncidentStatus;
  readonly raisedAt: number;
  readonly raisedBy: string;
  readonly acknowledgedAt: number | null;
  readonly acknowledgedBy: string | null;
  readonly resolvedAt: number | null;
  readonly closedAt: number | null;
  readonly updatedAt: number;
  readonly alarm: Alarm;
  readonly deadlines: readonly Deadline[];
  readonly source: AlarmSource | null;
  readonly checklist: readonly ChecklistItem[];
  readonly rolesToFill: readonly Position[];
  /** position → person id */
  readonly assignments: Readonly<Partial<Record<Position, string>>>;
  readonly impact: Impact;
  /** the accident report as edited; null until someone edits it (views prefill it) */
  readonly report: AccidentReport | null;
  /** Every event of this incident, oldest first: the record of who did what, when. */
  readonly timeline: readonly IncidentEvent[];
}

export interface Flood {
  readonly active: boolean;
  readonly since: number | null;
}

export interface BoardState {
  /** seq of the last event applied; 0 for an empty journal */
  readonly seq: number;
  readonly lastNumber: number;
  readonly incidents: Readonly<Record<string, Incident>>;
  /** the plan in force: escalation policies, deadline rules, working calendar */
  readonly plan: Plan;
  readonly flood: Flood;
  /** raise times within the flood window, oldest first */
  readonly recentRaises: readonly number[];
  readonly roster: readonly Person[];
  readonly shift: DutyShift;
}

export const initialState: BoardState = {
  seq: 0,
  lastNumber: 0,
  incidents: {},
  plan: DEFAULT_PLAN,
  flood: { active: false, since: null },
  recentRaises: [],
  roster: [],
  shift: { onDuty: [], since: null, note: '' },
};

export const isActive = (incident: Incident): boolean => incident.status === 'raised' || incident.status === 'acknowledged';

/** A legal deadline is open until it is met or waived with a reason; missing it does not close it. */
export const isOpenDeadline = (deadline: Deadline): boolean => deadline.metAt === null && (deadline.waived ?? null) === null;

export const openDeadlines = (incident: Incident): Deadline[] => incident.deadlines.filter(isOpenDeadline);

/**
 * On the board: active, or resolved while a legal deadline is still open (it keeps counting and
 * alarming until met or waived, so the incident stays in sight).
 */
export const isOnBoard = (incident: Incident): boolean =>
  isActive(incident) || (incident.status === 'resolved' && incident.deadlines.some(isOpenDeadline));
