import type { CommandInput, CommandOutcome, HostStatus, ServerMessage } from '../../electron/core/contract/contract.js';
import type { DomainEvent } from '../../electron/core/events.js';
import type { Result } from '../../electron/core/contract/result.js';
import type { BoardState } from '../../electron/core/state.js';

/** What a transport reports to the store; the store decides what to do with it. */
export interface TransportHandlers {
  onStatus(status: HostStatus): void;
  /** The full board: replaces the mirror. */
  onSnapshot(seq: number, state: BoardState): void;
  /** Confirmed events, catch-up or live, in journal order. */
  onEvents(seq: number, events: readonly DomainEvent[]): void;
  onConnection(up: boolean): void;
}

/**
 * The one way the renderer talks to the host, whether over the Electron preload bridge or a
 * WebSocket. The store is its only user.
 */
export interface Transport {
  /** Starts receiving; `after` gives the last seq the store holds each time it (re)subscribes. */
  connect(handlers: TransportHandlers, after: () => number): void;
  send(command: CommandInput): Promise<Result<CommandOutcome>>;
  /** Asks the host again from the store's last seq, after the store saw a gap in the events. */
  resubscribe(): void;
}

export const unavailable = (message: string): Result<never> => ({ ok: false, error: { code: 'unavailable', message } });

/**
 * Hands a board message from either transport to the store's handlers. Replies are the
 * transport's own business (they settle a command's promise), so they come back to it.
 */
export function deliver(
  message: ServerMessage,
  handlers: TransportHandlers | null,
  source: string,
): Extract<ServerMessage, { kind: 'reply' }> | null {
  switch (message.kind) {
    case 'status':
      handlers?.onStatus(message.status);
      return null;
    case 'snapshot':
      handlers?.onSnapshot(message.seq, message.state);
      return null;
    case 'events':
      handlers?.onEvents(message.seq, message.events);
      return null;
    case 'error':
      console.warn(`the ${source} reported an error: ${message.error.code}: ${message.error.message}`);
      return null;
    case 'reply':
      return message;
  }
}
