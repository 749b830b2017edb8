import { parseCommand, PIN_PROTECTED, type Command, type PublicCommand } from '../core/contract/commands.js';
import type { CommandOutcome, ServerMessage } from '../core/contract/contract.js';
import { decide } from '../core/decide.js';
import type { DomainEvent } from '../core/events.js';
import { evolveAll } from '../core/evolve.js';
import { fail, ok, type Result } from '../core/contract/result.js';
import type { SettingsPatch } from '../core/organisation/settings.js';
import type { BoardState } from '../core/state.js';
import { AtomicWriteError } from './durable-fs.js';
import { FairQueue, type Lane } from './fair-queue.js';
import { PIN_LOCKOUT, PinLockout } from './pin-lockout.js';

/** Commands that make or stop an alarm go first; the timers' ticks are of this class too. */
const ALARM_CLASS: ReadonlySet<string> = new Set([
  'raiseIncident',
  'acknowledge',
  'escalate',
  'silence',
  'triggerAlarm',
  'acknowledgeAlarm',
  'resolveAlarm',
]);
const laneOf = (raw: unknown): Lane =>
  typeof raw === 'object' && raw !== null && ALARM_CLASS.has(String((raw as { type?: unknown }).type)) ? 'alarm' : 'routine';

/** How many commands one client may have waiting; a client that sends without waiting is told to slow down. */
export const MAX_WAITING_PER_CLIENT = 100;

/** What the bus needs from storage; the Journal satisfies it. */
export interface EventStore {
  /** appends one record per entry, all with one write and one fsync; durable once it resolves */
  appendRecords(records: readonly (readonly DomainEvent[])[]): Promise<void>;
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

/** A decided command waiting for its group's fsync. */
interface Enlisted {
  readonly events: readonly DomainEvent[];
  /** the decided state once these events apply: durable when the group's fsync is done */
  readonly after: BoardState;
  readonly resolve: (result: Result<CommandOutcome>) => void;
}

/** The most records one write and fsync takes; more wait for the next. */
const MAX_GROUP = 256;

/**
 * The single path every change takes: validate → decide → append + fsync → evolve → broadcast.
 * Commands are decided one at a time, so seq numbers are dense and the journal order is the
 * truth. Group commit: while one write + fsync is under way, the commands behind it are decided
 * on the state they will have and go to disk together with the next fsync, so a due tick waits
 * for at most one fsync besides its own, not for one per command queued before it. Nothing is
 * answered, broadcast or readable before its record is durable; a failed write voids its group
 * and every command decided on top of it.
 */
export class CommandBus {
  /** what is on disk: what readers, subscribers and snapshots see */
  private current: BoardState;
  /** what commands are decided on: `current` plus the enlisted groups */
  private decided: BoardState;
  private enlisted: Enlisted[] = [];
  private committing: Promise<void> | null = null;
  private readonly queue = new FairQueue(MAX_WAITING_PER_CLIENT);
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
    this.decided = initial;
    this.replayWindow = options.replayWindow ?? 5000;
    this.snapshotEvery = options.snapshotEvery ?? 1000;
  }

  get state(): BoardState {
    return this.current;
  }

  /**
   * Runs a command in its client's turn (`client` names the connection it came from); wrong PINs
   * are slowed down per `address`, so that reconnecting does not reset the count.
   */
  execute(raw: unknown, client = 'local', address = client): Promise<Result<CommandOutcome>> {
    return this.enqueue(client, laneOf(raw), () => this.run(raw, address));
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

  /** Resolves once the queued commands, their commits and a snapshot being written are done. */
  async settled(): Promise<void> {
    await this.queue.idle();
    while (this.committing !== null) await this.committing;
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
    return this.enqueue('scheduler', 'alarm', () => this.apply({ type: 'tick', actor: 'system', clockJumpMs }));
  }

  /**
   * The queue's job ends once the command is decided (the next one may be decided at once); the
   * caller's answer comes when its group is durable.
   */
  private enqueue(client: string, lane: Lane, job: () => Promise<Result<CommandOutcome>>): Promise<Result<CommandOutcome>> {
    const queued = this.queue.submit(client, lane, () => Promise.resolve({ answer: job() }));
    if (queued === null) {
      return Promise.resolve(
        fail('rate_limited', `at most ${MAX_WAITING_PER_CLIENT} commands may wait from one connection: wait for the answers`),
      );
    }
    return queued.then(({ answer }) => answer);
  }

  private run(raw: unknown, client: string): Promise<Result<CommandOutcome>> {
    const parsed = parseCommand(raw, this.options.defaultActor() || 'unknown');
    if (!parsed.ok) return Promise.resolve(parsed);
    const command = parsed.value;
    const pins = this.options.pins;
    if (pins === undefined || !isPinProtected(command)) return this.apply(command);
    const now = this.options.clock();
    const lockedUntil = this.lockout.lockedUntil(client, now);
    if (lockedUntil !== null) return Promise.resolve(lockedOut(lockedUntil, now));
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
      // A disk that refuses the file is a storage fault (503, send again later), not bad input.
      const code = error instanceof AtomicWriteError ? 'storage' : 'invalid';
      return fail(code, `settings not changed: ${(error as Error).message}`);
    }
    const result = await this.apply(command);
    if (!result.ok) restore();
    return result;
  }

  /** Decides on the decided state and enlists the events for the next group commit. */
  private apply(command: Command): Promise<Result<CommandOutcome>> {
    const decision = decide(this.decided, command, this.options.clock());
    if (!decision.ok) return Promise.resolve(decision);
    const events = decision.value;
    if (events.length === 0) return Promise.resolve(ok({ seq: this.decided.seq, incidentId: '', events }));
    this.decided = evolveAll(this.decided, events);
    const after = this.decided;
    return new Promise((resolve) => {
      this.enlisted.push({ events, after, resolve });
      this.commitNext();
    });
  }

  private commitNext(): void {
    if (this.committing !== null || this.enlisted.length === 0) return;
    const group = this.enlisted.splice(0, MAX_GROUP);
    this.committing = this.commit(group).finally(() => {
      this.committing = null;
      this.commitNext();
    });
  }

  private async commit(group: readonly Enlisted[]): Promise<void> {
    try {
      await this.store.appendRecords(group.map((entry) => entry.events));
    } catch (error) {
      this.options.onError?.('journal append failed', error);
      // Everything decided on top of the failed group is void too: back to what is on disk.
      const voided = [...group, ...this.enlisted.splice(0)];
      this.decided = this.current;
      for (const entry of voided) entry.resolve(fail('storage', `not saved: ${(error as Error).message}`));
      return;
    }
    for (const { events, after, resolve } of group) {
      this.current = after;
      this.remember(events);
      this.broadcast({ kind: 'events', seq: after.seq, events });
      this.maybeSnapshot(events.length);
      const incidentId = events.find((e) => e.incidentId !== null)?.incidentId ?? '';
      resolve(ok({ seq: after.seq, incidentId, events }));
    }
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
