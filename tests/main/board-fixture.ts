import { parseCommand, type CommandInput } from '../../electron/core/contract/commands.js';
import { decide } from '../../electron/core/decide.js';
import type { DomainEvent } from '../../electron/core/events.js';
import { evolveAll } from '../../electron/core/evolve.js';
import { initialState, type BoardState } from '../../electron/core/state.js';

/** A board built by the real core from commands, and the events that built it. */
export function boardAfter(
  commands: readonly CommandInput[],
  now = Date.UTC(2025, 0, 6, 8, 0),
): { state: BoardState; events: DomainEvent[] } {
  let state = initialState;
  const events: DomainEvent[] = [];
  for (const raw of commands) {
    const command = parseCommand(raw, 'Duty officer Wang');
    if (!command.ok) throw new Error(`bad test command: ${command.error.field} ${command.error.message}`);
    const decided = decide(state, command.value, now);
    if (!decided.ok) throw new Error(`refused test command: ${decided.error.message}`);
    state = evolveAll(state, decided.value);
    events.push(...decided.value);
  }
  return { state, events };
}
