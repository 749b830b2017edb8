import type { CommandInput, CommandOutcome } from '../../electron/core/contract/contract.js';
import type { Result } from '../../electron/core/contract/result.js';
import type { Transport, TransportHandlers } from '../../renderer/api/transport.js';

/**
 * An in-memory Transport: the test plays the host by calling the handlers the store gave it,
 * and decides what each command is answered.
 */
export class FakeTransport implements Transport {
  handlers: TransportHandlers | null = null;
  after: () => number = () => -1;
  readonly sent: CommandInput[] = [];
  resubscribes = 0;
  reply: (command: CommandInput) => Result<CommandOutcome> = () => ({
    ok: true,
    value: { seq: 0, incidentId: '', events: [] },
  });

  connect(handlers: TransportHandlers, after: () => number): void {
    this.handlers = handlers;
    this.after = after;
  }

  send(command: CommandInput): Promise<Result<CommandOutcome>> {
    this.sent.push(command);
    return Promise.resolve(this.reply(command));
  }

  resubscribe(): void {
    this.resubscribes += 1;
  }

  /** The host side; fails the test clearly if the store never connected. */
  get host(): TransportHandlers {
    if (this.handlers === null) throw new Error('the store did not connect its transport');
    return this.handlers;
  }
}
