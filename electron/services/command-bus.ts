import { parseCommand, PIN_PROTECTED, type Command, type PublicCommand } from '../core/contract/commands.js';
import type { CommandOutcome, ServerMessage } from '../core/contract/contract.js';
import { decide } from '../core/decide.js';
import type { DomainEvent } from '../core/events.js';
import { evolveAll } from '../core/evolve.js';
import { fail, ok, type Result } from '../core/contract/result.js';
import type { SettingsPatch } from '../core/organisation/settings.js';
import type { BoardState } from '../core/state.js';
import { PIN_LOCKOUT, PinLockout } from './pin-lockout.js';

/** What the bus needs from storage; the Journal satisfies it. */
export interface EventStore {
  append(events: readonly DomainEvent[]): Promise<void>;
  writeSnapshot(state: BoardState): Promise<void>;
}

export type BoardMessage = Extract<ServerMessage, { kind: 'snapshot' | 'events' }>;
export type Subscriber = (message: BoardMessage) => void;

export interface CommandBusOptions {
  readonly clock: () => number;
  /** actor recorded when a command names none (the site's operator setting) */
  readonly defaultActor: () => string;
  /** how many recent events are kept to let a reconnecting view catch up without a snapshot */
  readonly replayWindow?: number;
  readonly snapshotEvery?: number;
  readonly onError?: (message: string, error: unknown) => void;
  /** the operator PIN guard for plan and roster changes; absent means no guard (tests) */
  readonly pins?: PinGuard;
  /** writes a settings change; returns a function that puts the old values back */
  readonly applySettings?: (patch: SettingsPatch) => () => void;
}

export interface PinGuard {
  matches(pin: string | undefined): boolean;
  /** stores a new PIN; returns a function that puts the old one back */
  change(newPin: string): () => void;
}

/**
 * The single path every change takes: validate → decide → append + fsync → evolve → broadcast.
 * Commands run one at a time, so seq numbers are dense and the journal order is the truth.
 */
export class CommandBus {
  private current: BoardState;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly subscribers = new Set<Subscriber>();
  private recent: DomainEvent[] = [];
  private sinceSnapshot = 0;
  private snapshotting: Promise<void> | null = null;
  private readonly replayWindow: number;
  private readonly snapshotEvery: number;
  private readonly lockout = new PinLockout();

  constructor(
    private readonly store: EventStore,
    initial: BoardState,
    private readonly options: CommandBusOptions,
  ) {
    this.current = initial;
    this.replayWindow = options.replayWindow ?? 5000;
    this.snapshotEvery = options.snapshotEvery ?? 1000;
  }

  get state(): BoardState {
    return this.current;
  }

  /** `client` names the sender (an address, the console) so that wrong PINs are slowed down per client. */
  execute(raw: unknown, client = 'local'): Promise<Result<CommandOutcome>> {
    return this.enqueue(() => this.run(raw, client));
  }

  /**
   * Sends what the subscriber missed after `after`, then every new batch. A gap the replay window
   * cannot fill gets the whole state instead.
   */
  subscribe(after: number, subscriber: Subscriber): () => void {
    const first = this.recent[0]?.seq ?? this.current.seq + 1;
    if (after === this.current.seq) {
      // nothing missed
    } else if (after >= first - 1 && after < this.current.seq) {
      subscriber({ kind: 'events', seq: this.current.seq, events: this.recent.filter((e) => e.seq > after) });
    } else {
      subscriber({ kind: 'snapshot', seq: this.current.seq, state: this.current });
    }
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Resolves once the queued commands and a snapshot being written are done. */
  async settled(): Promise<void> {
    await this.queue;
    await this.snapshotting;
  }

  /** Called on orderly shutdown so the next start replays nothing. */
  async flush(): Promise<void> {
    await this.settled();
    if (this.sinceSnapshot > 0) await this.store.writeSnapshot(this.current);
    this.sinceSnapshot = 0;
  }

  /** Asks the core what became due; only the scheduler calls this. */
  tick(clockJumpMs = 0): Promise<Result<CommandOutcome>> {
    return this.enqueue(() => this.apply({ type: 'tick', actor: 'system', clockJumpMs }));
  }

  private enqueue(job: () => Promise<Result<CommandOutcome>>): Promise<Result<CommandOutcome>> {
    const run = this.queue.then(job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(raw: unknown, client: string): Promise<Result<CommandOutcome>> {
    const parsed = parseCommand(raw, this.options.defaultActor() || 'unknown');
    if (!parsed.ok) return parsed;
    const command = parsed.value;
    const pins = this.options.pins;
    if (pins === undefined || !isPinProtected(command)) return this.apply(command);
    const now = this.options.clock();
    const lockedUntil = this.lockout.lockedUntil(client, now);
    if (lockedUntil !== null) return lockedOut(lockedUntil, now);
    if (!pins.matches(command.pin)) return this.rejectPin(command.actor, client, now);
    this.lockout.succeeded(client);
    if (command.type === 'changePin') return this.withRollback(() => pins.change(command.newPin), command);
    if (command.type === 'updateSettings' && this.options.applySettings !== undefined) {
      const apply = this.options.applySettings;
      return this.withRollback(() => apply(command.settings), command);
    }
    return this.apply(command);
  }

  /** A wrong PIN is journaled (who, from where, how many in a row); the fifth in a row locks the client out. */
  private async rejectPin(actor: string, client: string, now: number): Promise<Result<CommandOutcome>> {
    const { failures, lockedUntil } = this.lockout.failed(client, now);
    const recorded = await this.apply({ type: 'rejectPin', actor, client, failures, lockedUntil });
    if (!recorded.ok) return recorded;
    if (lockedUntil !== null) return lockedOut(lockedUntil, now);
    return fail('forbidden', `wrong or missing operator PIN (${failures} of ${PIN_LOCKOUT.attempts} before a pause)`, 'pin');
  }

  /**
   * Settings live outside the journal: they are written first, and if the audit record cannot be
   * journaled, the old values come back, so nothing changes without its record.
   */
  private async withRollback(change: () => () => void, command: Command): Promise<Result<CommandOutcome>> {
    let restore: () => void;
    try {
      restore = change();
    } catch (error) {
      return fail('invalid', `settings not changed: ${(error as Error).message}`);
    }
    const result = await this.apply(command);
    if (!result.ok) restore();
    return result;
  }

  private async apply(command: Command): Promise<Result<CommandOutcome>> {
    const decision = decide(this.current, command, this.options.clock());
    if (!decision.ok) return decision;
    const events = decision.value;
    if (events.length === 0) return ok({ seq: this.current.seq, incidentId: '', events });
    try {
      await this.store.append(events);
    } catch (error) {
      this.options.onError?.('journal append failed', error);
      return fail('storage', `not saved: ${(error as Error).message}`);
    }
    this.current = evolveAll(this.current, events);
    this.remember(events);
    this.broadcast({ kind: 'events', seq: this.current.seq, events });
    this.maybeSnapshot(events.length);
    const incidentId = events.find((e) => e.incidentId !== null)?.incidentId ?? '';
    return ok({ seq: this.current.seq, incidentId, events });
  }

  private remember(events: readonly DomainEvent[]): void {
    this.recent.push(...events);
    if (this.recent.length > this.replayWindow * 2) this.recent = this.recent.slice(-this.replayWindow);
  }

  private broadcast(message: BoardMessage): void {
    for (const subscriber of this.subscribers) {
      try {
        subscriber(message);
      } catch (error) {
        this.options.onError?.('a subscriber failed', error);
      }
    }
  }

  /**
   * The command is already durable in the journal, so neither its answer nor the next command (an
   * escalation may be due) waits for the snapshot's write and fsync; one is written at a time.
   */
  private maybeSnapshot(count: number): void {
    this.sinceSnapshot += count;
    if (this.sinceSnapshot < this.snapshotEvery || this.snapshotting !== null) return;
    const covered = this.sinceSnapshot;
    this.sinceSnapshot = 0;
    this.snapshotting = this.store
      .writeSnapshot(this.current)
      .catch((error: unknown) => {
        // The journal already holds everything; a failed snapshot only makes the next start slower.
        this.options.onError?.('snapshot failed', error);
        this.sinceSnapshot += covered;
      })
      .finally(() => {
        this.snapshotting = null;
      });
  }
}

function lockedOut(until: number, now: number): Result<never> {
  const seconds = Math.ceil((until - now) / 1000);
  return {
    ok: false,
    error: { code: 'rate_limited', field: 'pin', message: `too many wrong PINs: try again in ${seconds} s`, retryAt: until },
  };
}

const isPinProtected = (command: PublicCommand): command is Extract<PublicCommand, { type: (typeof PIN_PROTECTED)[number] }> =>
  (PIN_PROTECTED as readonly string[]).includes(command.type);
