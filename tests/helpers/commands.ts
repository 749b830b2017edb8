import type { CommandInput } from '../../electron/core/contract/commands.js';

let counter = 0;

/** A valid raise command; override what the test is about. */
export function raise(overrides: Partial<Extract<CommandInput, { type: 'raiseIncident' }>> = {}): CommandInput {
  counter += 1;
  return {
    type: 'raiseIncident',
    incidentType: 'fire',
    level: 'II',
    title: `Smoke in warehouse ${counter}`,
    location: 'B3',
    actor: 'Duty officer Wang',
    ...overrides,
  };
}
