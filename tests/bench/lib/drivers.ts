import { parseCommand, type Command, type CommandInput } from '../../../electron/core/contract/commands.js';
import { decide } from '../../../electron/core/decide.js';
import type { DomainEvent } from '../../../electron/core/events.js';
import { evolve } from '../../../electron/core/evolve.js';
import { isActive, type BoardState, type Incident } from '../../../electron/core/state.js';
import { nextDueAt } from '../../../electron/core/alarm/tick.js';
import { floodEndsAt } from '../../../electron/core/alarm/flood.js';
import type { CommandBus } from '../../../electron/services/command-bus.js';
import type { Driver, FakeClock } from './control-room.js';

const TICK: Command = { type: 'tick', actor: 'system', clockJumpMs: 0 };

/**
 * The core alone, for generating big journals fast: the real parseCommand and decide, and the
 * real evolve applied to one incident at a time, kept in one mutable map. The states are the
 * ones CommandBus would hold (evolve only ever touches the incident an event names), but an
 * event costs O(1) instead of a copy of every incident in memory. Ticks are decided on just the
 * incidents that are due (core decideTick ignores the others) and the next due instant is kept
 * per incident (core nextDueAt on that incident alone). Each accepted command is handed on as
 * one batch, exactly as CommandBus would append it. With `fast` false every tick and every due
 * instant is computed on the whole state, as CommandBus and the Scheduler do; both give the
 * same journal, byte for byte (checked by `node dist/bench/tests/bench/coldstart.js verify`).
 */
export class MemoryDriver implements Driver {
  /** every field of the state; its `incidents` is a stale placeholder, replaced by `incidents` below */
  private base: BoardState;
  private readonly incidents: Record<string, Incident> = {};
  /** active incidents and the next instant each has something due (null: nothing pending) */
  private readonly activeDue = new Map<string, number | null>();
  /** closed incidents in the order they closed, to know the next archiving instant */
  private readonly closed: { id: string; closedAt: number }[] = [];
  private closedHead = 0;

  constructor(
    initial: BoardState,
    private readonly clock: FakeClock,
    private readonly onEvents: (events: readonly DomainEvent[], state: BoardState) => void,
    private readonly fast = true,
  ) {
    this.base = initial;
    if (Object.keys(initial.incidents).length > 0) throw new Error('the generator starts from an empty board');
  }

  /** The whole state, fields in the order CommandBus's state has them. */
  get state(): BoardState {
    return { ...this.base, incidents: this.incidents };
  }

  async execute(raw: CommandInput): Promise<readonly DomainEvent[] | null> {
    const parsed = parseCommand(raw, 'Duty officer');
    if (!parsed.ok) throw new Error(`the simulator sent an invalid command: ${JSON.stringify(parsed.error)}`);
    return this.apply(parsed.value, this.state);
  }

  async tick(): Promise<readonly DomainEvent[]> {
    return this.apply(TICK, this.fast ? this.tickState() : this.state) ?? [];
  }

  nextDueAt(): number | null {
    if (!this.fast) return nextDueAt(this.state);
    let due = floodEndsAt(this.base);
    for (const at of this.activeDue.values()) if (at !== null && (due === null || at < due)) due = at;
    const archiveAt = this.nextArchiveAt();
    return archiveAt !== null && (due === null || archiveAt < due) ? archiveAt : due;
  }

  private nextArchiveAt(): number | null {
    while (this.closedHead < this.closed.length) {
      const head = this.closed[this.closedHead] as { id: string; closedAt: number };
      if (this.incidents[head.id]?.closedAt === head.closedAt) return head.closedAt + this.base.plan.retentionMs;
      this.closedHead += 1;
    }
    return null;
  }

  /** The incidents a tick at `now` acts on: active ones with something due, closed ones past retention. */
  private tickState(): BoardState {
    const now = this.clock.now;
    const incidents: Record<string, Incident> = {};
    for (const [id, at] of this.activeDue) if (at !== null && at <= now) incidents[id] = this.incidents[id] as Incident;
    const archivable: Incident[] = [];
    this.nextArchiveAt();
    for (let i = this.closedHead; i < this.closed.length; i += 1) {
      const entry = this.closed[i] as { id: string; closedAt: number };
      if (entry.closedAt + this.base.plan.retentionMs > now) break;
      const incident = this.incidents[entry.id];
      if (incident !== undefined && incident.closedAt === entry.closedAt) archivable.push(incident);
    }
    // decideTick archives in the map's order, which is the order incidents were raised.
    archivable.sort((a, b) => a.number - b.number);
    for (const incident of archivable) incidents[incident.id] = incident;
    return { ...this.base, incidents };
  }

  private apply(command: Command, state: BoardState): readonly DomainEvent[] | null {
    const decision = decide(state, command, this.clock.now);
    if (!decision.ok) return null;
    const events = decision.value;
    if (events.length === 0) return events;
    for (const event of events) {
      const id = event.incidentId;
      if (id === null) {
        if (event.type === 'clockJumped') throw new Error('the generator does not simulate clock jumps');
        this.base = evolve({ ...this.base, incidents: {} }, event);
        continue;
      }
      const current = this.incidents[id];
      const next = evolve({ ...this.base, incidents: current === undefined ? {} : { [id]: current } }, event);
      this.base = next;
      this.place(id, next.incidents[id]);
      if (event.type === 'incidentClosed') this.closed.push({ id, closedAt: event.at });
    }
    this.onEvents(events, this.state);
    return events;
  }

  private place(id: string, incident: Incident | undefined): void {
    if (incident === undefined) {
      delete this.incidents[id];
      this.activeDue.delete(id);
      return;
    }
    this.incidents[id] = incident;
    if (!isActive(incident)) {
      this.activeDue.delete(id);
      return;
    }
    const alone: BoardState = { ...this.base, flood: QUIET, incidents: { [id]: incident } };
    this.activeDue.set(id, nextDueAt(alone));
  }
}

const QUIET: BoardState['flood'] = { active: false, since: null };

/** The real CommandBus (validation, decide, journal append, evolve, broadcast, snapshots). */
export class BusDriver implements Driver {
  constructor(private readonly bus: CommandBus) {}

  get state(): BoardState {
    return this.bus.state;
  }

  nextDueAt(): number | null {
    return nextDueAt(this.bus.state);
  }

  async execute(raw: CommandInput): Promise<readonly DomainEvent[] | null> {
    const result = await this.bus.execute(raw);
    if (result.ok) return result.value.events;
    if (result.error.code === 'invalid' || result.error.code === 'unknown_command' || result.error.code === 'storage') {
      throw new Error(`command failed: ${JSON.stringify(result.error)} for ${JSON.stringify(raw)}`);
    }
    return null;
  }

  async tick(): Promise<readonly DomainEvent[]> {
    const result = await this.bus.tick();
    if (!result.ok) throw new Error(`tick failed: ${JSON.stringify(result.error)}`);
    return result.value.events;
  }
}
