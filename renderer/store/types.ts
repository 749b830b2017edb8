import type { CommandInput, CommandOutcome, HostStatus, HostWarning } from '../../electron/core/contract/contract.js';
import type { AppError, Result } from '../../electron/core/contract/result.js';
import type { Language } from '../../electron/core/organisation/settings.js';
import type { BoardState } from '../../electron/core/state.js';
import type { TransportHandlers } from '../api/transport.js';
import type { WorkSlice } from './workSlice.js';

/** The mirror of the host's board; only confirmed events change it. */
export interface MirrorSlice {
  readonly board: BoardState;
  readonly receiveSnapshot: TransportHandlers['onSnapshot'];
  readonly receiveEvents: TransportHandlers['onEvents'];
}

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export interface ConnectionSlice {
  readonly connection: { readonly status: ConnectionStatus; readonly since: number };
  readonly setConnection: TransportHandlers['onConnection'];
}

export interface HostSlice {
  readonly host: {
    readonly warnings: readonly HostWarning[];
    readonly settings: HostStatus['settings'];
    /** host clock minus this display's clock, so elapsed times agree on every screen */
    readonly clockOffset: number;
  };
  readonly receiveStatus: TransportHandlers['onStatus'];
}

/** The command a refusal belongs to, so that the right form field or card shows it. */
export interface CommandFailure {
  readonly command: CommandInput['type'];
  readonly incidentId: string | null;
  readonly error: AppError;
}

export interface UiSlice {
  readonly ui: {
    /** the display's own choice; null follows the site setting */
    readonly languageChoice: Language | null;
    /** the name typed on this display, used when the site has no operator name */
    readonly operator: string;
    readonly selectedIncidentId: string | null;
    readonly lastError: CommandFailure | null;
  };
  readonly setLanguage: (language: Language) => void;
  readonly setOperator: (name: string) => void;
  readonly toggleSelected: (incidentId: string) => void;
}

export type RaiseInput = Omit<Extract<CommandInput, { type: 'raiseIncident' }>, 'type' | 'actor' | 'incidentId'>;

export interface CommandSlice {
  readonly raise: (input: RaiseInput) => Promise<Result<CommandOutcome>>;
  readonly acknowledge: (incidentId: string) => Promise<Result<CommandOutcome>>;
  readonly resolve: (incidentId: string) => Promise<Result<CommandOutcome>>;
  readonly close: (incidentId: string) => Promise<Result<CommandOutcome>>;
  readonly reopen: (incidentId: string, reason: string) => Promise<Result<CommandOutcome>>;
  // alarms: silence mutes the horn only; shelve puts a nuisance alarm aside for a time, with a reason
  readonly silence: (incidentId: string, minutes?: number) => Promise<Result<CommandOutcome>>;
  readonly shelve: (incidentId: string, reason: string, minutes: number) => Promise<Result<CommandOutcome>>;
  readonly unshelve: (incidentId: string) => Promise<Result<CommandOutcome>>;
  readonly escalate: (incidentId: string) => Promise<Result<CommandOutcome>>;
  readonly meetDeadline: (incidentId: string, deadlineId: string) => Promise<Result<CommandOutcome>>;
  /** Any command, with the actor filled in and its refusal recorded; named actions are built on it. */
  readonly send: (command: CommandInput) => Promise<Result<CommandOutcome>>;
}

export type BoardStoreState = MirrorSlice & ConnectionSlice & HostSlice & UiSlice & CommandSlice & WorkSlice;
