import { z } from 'zod';
import type { Command, CommandInput } from './commands.js';
import type { DomainEvent } from '../events.js';
import type { AppError, Result } from './result.js';
import type { PublicSettings } from '../organisation/settings.js';
import type { BoardState, Incident } from '../state.js';

/**
 * The API contract shared by the host (HTTP + WebSocket), the Electron preload bridge and the
 * renderer. Both sides import these names and types, so they cannot drift apart.
 */
export const API = {
  state: '/api/v1/state',
  commands: '/api/v1/commands',
  alarms: '/api/v1/alarms',
  settings: '/api/v1/settings',
  types: '/api/v1/types',
  socket: '/api/v1/socket',
} as const;

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * A problem the board must show until someone deals with it (torn journal tail, bad settings).
 * `storageFault` is live: present while journal writes fail, gone once one succeeds again.
 */
export interface HostWarning {
  readonly kind: 'journalTornTail' | 'settingsCorrupt' | 'snapshotUnreadable' | 'storageFault' | 'recordQuarantined' | 'hostRestarted';
  readonly message: string;
  readonly file: string;
  /** where the damaged bytes were kept, so nothing is lost */
  readonly copy?: string;
  readonly offset?: number;
}

export interface HostStatus {
  readonly warnings: readonly HostWarning[];
  readonly settings: PublicSettings;
  /** host clock at the moment of sending, so views can correct their own clock */
  readonly now: number;
}

export interface StateView {
  readonly seq: number;
  readonly active: readonly Incident[];
  readonly recent: readonly Incident[];
  readonly status: HostStatus;
}

export interface CommandOutcome {
  readonly seq: number;
  readonly incidentId: string;
  readonly events: readonly DomainEvent[];
}

/** Messages from a view to the host over the socket. */
export const clientMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('subscribe'), after: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal('command'), requestId: z.string().min(1).max(64), command: z.unknown() }),
]);
export type ClientMessage = { kind: 'subscribe'; after: number } | { kind: 'command'; requestId: string; command: CommandInput };

/** Messages from the host to a view. */
export type ServerMessage =
  | { kind: 'status'; status: HostStatus }
  | { kind: 'snapshot'; seq: number; state: BoardState }
  | { kind: 'events'; seq: number; events: readonly DomainEvent[] }
  | { kind: 'reply'; requestId: string; result: Result<CommandOutcome> }
  | { kind: 'error'; error: AppError };

export type { Command, CommandInput };
