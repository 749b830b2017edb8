import type { StateCreator } from 'zustand';
import type { WorkingCalendar } from '../../electron/core/plan/calendar.js';
import type { Catalogue, IncidentType } from '../../electron/core/plan/catalogue.js';
import type { CommandOutcome } from '../../electron/core/contract/contract.js';
import type { Impact } from '../../electron/core/incident/impact.js';
import type { Level } from '../../electron/core/incident/levels.js';
import type { Position } from '../../electron/core/organisation/organisation.js';
import type { EscalationPolicy } from '../../electron/core/plan/plan.js';
import type { AccidentReport } from '../../electron/core/incident/report.js';
import type { Result } from '../../electron/core/contract/result.js';
import type { Person } from '../../electron/core/organisation/roster.js';
import type { SettingsPatch } from '../../electron/core/organisation/settings.js';
import { UNDO_ESCALATION_MS } from '../../electron/core/alarm/alarm-rules.js';
import type { BoardStoreState } from './types.js';

type Reply = Promise<Result<CommandOutcome>>;

/**
 * The work of the emergency plan on one incident (positions, calls, checklist, impact, report)
 * and the plan and organisation behind it (roster, shift, catalogue, site settings). Every action
 * is one command through the command slice's `send`, so refusals land in `ui.lastError` like the
 * others and the board changes only when the host's events come back.
 */
export type ConsoleDialog = 'help' | 'settings' | 'setup';

/** An action that asks first (resolve lists the open deadlines; escalate says who is alerted next). */
export interface PendingConfirm {
  readonly kind: 'resolve' | 'escalate';
  readonly incidentId: string;
}

/** A manual escalation that can still be taken back, until `until` on this display's clock. */
export interface Undoable {
  readonly incidentId: string;
  readonly until: number;
}

export interface WorkSlice {
  /** the console's open dialog (keyboard help or settings); null for none */
  readonly dialog: ConsoleDialog | null;
  readonly openDialog: (dialog: ConsoleDialog | null) => void;
  readonly confirm: PendingConfirm | null;
  readonly askConfirm: (confirm: PendingConfirm | null) => void;
  readonly undoable: Undoable | null;
  /** Escalates after the confirmation and offers undo for the core's window. */
  readonly escalateConfirmed: (incidentId: string) => Reply;
  readonly undoEscalation: (incidentId: string) => Reply;
  readonly waiveDeadline: (incidentId: string, deadlineId: string, reason: string) => Reply;
  readonly resolveWithSummary: (incidentId: string, summary: string) => Reply;
  readonly verifyPin: (pin: string) => Reply;
  /** the incident the detail pane shows; null for none */
  readonly selectIncident: (incidentId: string | null) => void;
  readonly addNote: (incidentId: string, text: string) => Reply;
  readonly changeLevel: (incidentId: string, level: Level, reason: string) => Reply;
  readonly assignRole: (incidentId: string, position: Position, personId: string) => Reply;
  readonly unassignRole: (incidentId: string, position: Position) => Reply;
  readonly recordCall: (incidentId: string, number: string, name: string) => Reply;
  readonly checkStep: (incidentId: string, stepId: string) => Reply;
  readonly skipStep: (incidentId: string, stepId: string, reason: string) => Reply;
  readonly uncheckStep: (incidentId: string, stepId: string) => Reply;
  readonly updateImpact: (incidentId: string, impact: Impact) => Reply;
  readonly updateReport: (incidentId: string, report: AccidentReport) => Reply;
  readonly handOver: (incoming: readonly string[], note: string) => Reply;
  /** The operator PIN is passed through on each protected change, never kept in the store. */
  readonly setRoster: (people: readonly Person[], pin: string | undefined) => Reply;
  readonly setCatalogue: (catalogue: Catalogue, pin: string | undefined) => Reply;
  readonly setIncidentType: (incidentType: IncidentType, pin: string | undefined) => Reply;
  readonly setCalendar: (calendar: WorkingCalendar, pin: string | undefined) => Reply;
  /** The default ladder of one level (per-type overrides come with the catalogue file). */
  readonly setPolicy: (level: Level, policy: EscalationPolicy, pin: string | undefined) => Reply;
  readonly updateSettings: (settings: SettingsPatch, pin: string | undefined) => Reply;
  readonly changePin: (pin: string | undefined, newPin: string) => Reply;
}

// An empty PIN field means "none given"; the host then answers whether one was needed.
const withPin = (pin: string | undefined) => (pin === undefined || pin === '' ? {} : { pin });

export const createWorkSlice: StateCreator<BoardStoreState, [], [], WorkSlice> = (set, get) => ({
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  confirm: null,
  askConfirm: (confirm) => set({ confirm }),
  undoable: null,
  escalateConfirmed: async (incidentId) => {
    const result = await get().send({ type: 'escalate', incidentId });
    if (result.ok) {
      const undoable = { incidentId, until: Date.now() + UNDO_ESCALATION_MS };
      set({ undoable });
      // the offer goes when the core's window closes
      setTimeout(() => set((s) => (s.undoable === undoable ? { undoable: null } : s)), UNDO_ESCALATION_MS);
    }
    return result;
  },
  undoEscalation: async (incidentId) => {
    const result = await get().send({ type: 'undoEscalation', incidentId });
    set((s) => (s.undoable?.incidentId === incidentId ? { undoable: null } : s));
    return result;
  },
  waiveDeadline: (incidentId, deadlineId, reason) => get().send({ type: 'waiveDeadline', incidentId, deadlineId, reason }),
  resolveWithSummary: (incidentId, summary) => get().send({ type: 'resolve', incidentId, summary }),
  verifyPin: (pin) => get().send({ type: 'verifyPin', ...withPin(pin) }),
  selectIncident: (incidentId) => set((s) => ({ ui: { ...s.ui, selectedIncidentId: incidentId } })),
  addNote: (incidentId, text) => get().send({ type: 'addNote', incidentId, text }),
  changeLevel: (incidentId, level, reason) => get().send({ type: 'changeLevel', incidentId, level, reason }),
  assignRole: (incidentId, position, personId) => get().send({ type: 'assignRole', incidentId, position, personId }),
  unassignRole: (incidentId, position) => get().send({ type: 'unassignRole', incidentId, position }),
  recordCall: (incidentId, number, name) => get().send({ type: 'recordCall', incidentId, number, name }),
  checkStep: (incidentId, stepId) => get().send({ type: 'checkStep', incidentId, stepId }),
  skipStep: (incidentId, stepId, reason) => get().send({ type: 'skipStep', incidentId, stepId, reason }),
  uncheckStep: (incidentId, stepId) => get().send({ type: 'uncheckStep', incidentId, stepId }),
  updateImpact: (incidentId, impact) => get().send({ type: 'updateImpact', incidentId, impact }),
  updateReport: (incidentId, report) => get().send({ type: 'updateReport', incidentId, report }),
  handOver: (incoming, note) => get().send({ type: 'handOver', incoming: [...incoming], note }),
  setRoster: (people, pin) => get().send({ type: 'setRoster', people: [...people], ...withPin(pin) }),
  setCatalogue: (catalogue, pin) => get().send({ type: 'setCatalogue', catalogue: [...catalogue], ...withPin(pin) }),
  setIncidentType: (incidentType, pin) => get().send({ type: 'setIncidentType', incidentType, ...withPin(pin) }),
  setCalendar: (calendar, pin) => get().send({ type: 'setCalendar', calendar, ...withPin(pin) }),
  setPolicy: (level, policy, pin) => get().send({ type: 'setPolicy', incidentType: null, level, policy, ...withPin(pin) }),
  updateSettings: (settings, pin) => get().send({ type: 'updateSettings', settings, ...withPin(pin) }),
  changePin: (pin, newPin) => get().send({ type: 'changePin', newPin, ...withPin(pin) }),
});
