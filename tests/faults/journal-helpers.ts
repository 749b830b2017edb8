import { readFile } from 'node:fs/promises';
import { parseCommand, type CommandInput } from '../../electron/core/contract/commands.js';
import { decide } from '../../electron/core/decide.js';
import type { DomainEvent } from '../../electron/core/events.js';
import type { BoardState } from '../../electron/core/state.js';
import { scanRecords } from '../../electron/services/journal.js';

export const T0 = Date.UTC(2026, 10, 29, 8, 0, 0);

/** The events the core decides for `input` in `state`, as the bus would journal them. */
export function decideEvents(state: BoardState, input: CommandInput, at = T0 + state.seq * 1000): DomainEvent[] {
  const command = parseCommand(input, 'tester');
  if (!command.ok) throw new Error(`${command.error.field}: ${command.error.message}`);
  const decision = decide(state, command.value, at);
  if (!decision.ok) throw new Error(decision.error.message);
  return [...decision.value];
}

/** Every event in a whole, intact record of the file, read the way start-up reads it. */
export async function eventsOnDisk(path: string): Promise<{ events: DomainEvent[]; wholeBytes: number; size: number }> {
  const bytes = await readFile(path);
  const { batches, end } = scanRecords(bytes, 0, 0, path);
  return { events: batches.flatMap((b) => [...b.events]), wholeBytes: end, size: bytes.length };
}
