import type { StateCreator } from 'zustand';
import type { CommandInput, CommandOutcome } from '../../electron/core/contract/contract.js';
import type { Result } from '../../electron/core/contract/result.js';
import { unavailable, type Transport } from '../api/transport.js';
import { selectActor, selectOnline } from './selectors.js';
import type { BoardStoreState, CommandFailure, CommandSlice } from './types.js';

const incidentOf = (command: CommandInput): string | null => ('incidentId' in command ? (command.incidentId ?? null) : null);

const sameTarget = (failure: CommandFailure | null, command: CommandInput): boolean =>
  failure !== null && failure.command === command.type && failure.incidentId === incidentOf(command);

// Without a name the host records its own default actor; an empty one would be refused.
const withActor = (command: CommandInput, actor: string): CommandInput => (actor === '' ? command : { ...command, actor });

/** Commands go to the host; the board changes only when the host's events come back. */
export const createCommandSlice =
  (transport: Transport): StateCreator<BoardStoreState, [], [], CommandSlice> =>
  (set, get) => {
    async function send(command: CommandInput): Promise<Result<CommandOutcome>> {
      // Offline, answer at once: a duty officer must not wait on a command that cannot go.
      const result = selectOnline(get())
        ? await transport.send(withActor(command, selectActor(get())))
        : unavailable('not connected to the host');
      set((s) => {
        if (!result.ok) {
          return { ui: { ...s.ui, lastError: { command: command.type, incidentId: incidentOf(command), error: result.error } } };
        }
        // A success clears only its own earlier refusal: another card's error stays until dealt with.
        // Otherwise the state itself comes back, which notifies no subscriber.
        return sameTarget(s.ui.lastError, command) ? { ui: { ...s.ui, lastError: null } } : s;
      });
      return result;
    }

    return {
      raise: (input) => send({ type: 'raiseIncident', ...input }),
      acknowledge: (incidentId) => send({ type: 'acknowledge', incidentId }),
      resolve: (incidentId) => send({ type: 'resolve', incidentId }),
      close: (incidentId) => send({ type: 'close', incidentId }),
      reopen: (incidentId, reason) => send({ type: 'reopen', incidentId, reason }),
      silence: (incidentId, minutes) =>
        send(minutes === undefined ? { type: 'silence', incidentId } : { type: 'silence', incidentId, minutes }),
      shelve: (incidentId, reason, minutes) => send({ type: 'shelve', incidentId, reason, minutes }),
      unshelve: (incidentId) => send({ type: 'unshelve', incidentId }),
      escalate: (incidentId) => send({ type: 'escalate', incidentId }),
      meetDeadline: (incidentId, deadlineId) => send({ type: 'meetDeadline', incidentId, deadlineId }),
      send,
    };
  };
