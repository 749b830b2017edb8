import type { CommandInput } from '../../../electron/core/contract/commands.js';
import type { DomainEvent, IncidentRaised } from '../../../electron/core/events.js';
import { MINUTE, HOUR } from '../../../electron/core/plan/plan-schemas.js';
import type { BoardState } from '../../../electron/core/state.js';
import { random } from '../../helpers/random.js';

/** Where the simulated control room sends its commands: the real CommandBus, or decide+evolve in memory. */
export interface Driver {
  readonly state: BoardState;
  /** Runs a command at the fake clock's time; the events, or null when the core refused it. */
  execute(command: CommandInput): Promise<readonly DomainEvent[] | null>;
  /** The scheduler's tick at the fake clock's time. */
  tick(): Promise<readonly DomainEvent[]>;
  /** What the scheduler asks the core: the next due instant (core nextDueAt on the current state). */
  nextDueAt(): number | null;
}

export interface FakeClock {
  now: number;
}

export interface ControlRoomOptions {
  readonly seed: number;
  readonly incidentsPerHour: number;
}

export interface ControlRoomCounts {
  raised: number;
  commands: number;
  refused: number;
  ticks: number;
  events: number;
  archived: number;
  closed: number;
}

const TYPES = [
  { id: 'fire', weight: 2, levels: ['I', 'II', 'III', 'IV'] },
  { id: 'injury', weight: 3, levels: ['I', 'II', 'III', 'IV'] },
  { id: 'equipment-accident', weight: 3, levels: ['I', 'II', 'III', 'IV'] },
  { id: 'power-outage', weight: 1, levels: ['I', 'II', 'III'] },
  { id: 'customer-complaint', weight: 3, levels: ['II', 'III'] },
] as const;
const LEVEL_WEIGHTS = { I: 1, II: 3, III: 4, IV: 2 } as const;
/** How long the duty officer takes to acknowledge, by level: some of these outlast the ack timeout. */
const ACK_DELAY_MIN = { I: [0.5, 4], II: [1, 8], III: [2, 25], IV: [5, 60] } as const;
const NOTES = [
  'Crew on site, assessing.',
  'Area cordoned off; no one is trapped.',
  '现场已处置完毕，等待复查。Checked again by the shift lead.',
];
const NUMBERS = ['119', '120', '110', '0571-8888 1234'];
const ALARMING = new Set<DomainEvent['type']>(['escalated', 'alertRepeated', 'reminderDue', 'deadlineMissed']);

interface Action {
  readonly at: number;
  readonly order: number;
  readonly run: () => Promise<void>;
}

/** A binary heap of timed actions, earliest first, then in the order they were scheduled. */
class ActionQueue {
  private readonly heap: Action[] = [];
  private order = 0;

  push(at: number, run: () => Promise<void>): void {
    const heap = this.heap;
    heap.push({ at, order: this.order++, run });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Action, heap[parent] as Action)) break;
      [heap[i], heap[parent]] = [heap[parent] as Action, heap[i] as Action];
      i = parent;
    }
  }

  peek(): Action | undefined {
    return this.heap[0];
  }

  pop(): Action | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l] as Action, heap[m] as Action)) m = l;
        if (r < heap.length && before(heap[r] as Action, heap[m] as Action)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as Action, heap[i] as Action];
        i = m;
      }
    }
    return top;
  }
}

const before = (a: Action, b: Action): boolean => a.at < b.at || (a.at === b.at && a.order < b.order);

/**
 * A busy control room on a fake clock: incidents arrive at random (Poisson), are acknowledged
 * (some only after they escalated), get notes, calls, checked steps and met deadlines, are
 * resolved after hours and closed. Whatever the core says is due is ticked exactly at its due
 * instant, as the real Scheduler would; alarms that return (escalation, reminder, missed
 * deadline) are acknowledged again a few minutes later.
 */
export class ControlRoom {
  readonly counts: ControlRoomCounts = { raised: 0, commands: 0, refused: 0, ticks: 0, events: 0, archived: 0, closed: 0 };
  private readonly queue = new ActionQueue();
  private readonly rnd: () => number;
  private readonly ackPending = new Set<string>();
  private readonly meanGapMs: number;

  constructor(
    private readonly driver: Driver,
    private readonly clock: FakeClock,
    options: ControlRoomOptions,
  ) {
    this.rnd = random(options.seed);
    this.meanGapMs = HOUR / options.incidentsPerHour;
    this.queue.push(clock.now + this.gap(), () => this.raise());
  }

  /** Runs everything due up to `end` (the fake clock ends at `end`). */
  async runUntil(end: number, shouldStop: () => boolean = () => false): Promise<void> {
    for (;;) {
      if (shouldStop()) return;
      const next = this.queue.peek();
      const target = next === undefined ? end : Math.min(next.at, end);
      await this.tickThrough(target);
      // What the ticks caused (a new acknowledgement) may now come first.
      if (this.queue.peek() !== next) continue;
      if (next === undefined || next.at > end) {
        this.clock.now = Math.max(this.clock.now, end);
        return;
      }
      this.queue.pop();
      this.clock.now = Math.max(this.clock.now, next.at);
      await next.run();
    }
  }

  /** The scheduler's rule: tick at every due instant up to `target`. */
  private async tickThrough(target: number): Promise<void> {
    let previous: number | null = null;
    for (;;) {
      const due = this.driver.nextDueAt();
      if (due === null || due > target) return;
      // A due instant the core did not act on would spin forever; the scheduler would wait for the next one.
      if (due === previous) return;
      previous = due;
      this.clock.now = Math.max(this.clock.now, due);
      const events = await this.driver.tick();
      this.counts.ticks += 1;
      this.observe(events);
    }
  }

  private async run(command: CommandInput): Promise<readonly DomainEvent[] | null> {
    this.counts.commands += 1;
    const events = await this.driver.execute(command);
    if (events === null) this.counts.refused += 1;
    else this.observe(events);
    return events;
  }

  private observe(events: readonly DomainEvent[]): void {
    this.counts.events += events.length;
    for (const event of events) {
      if (event.type === 'incidentArchived') this.counts.archived += 1;
      if (event.type === 'incidentClosed') this.counts.closed += 1;
      if (ALARMING.has(event.type) && event.incidentId !== null) this.scheduleAck(event.incidentId, this.between(0.5, 5) * MINUTE);
    }
  }

  private scheduleAck(incidentId: string, delay: number): void {
    if (this.ackPending.has(incidentId)) return;
    this.ackPending.add(incidentId);
    this.at(delay, async () => {
      this.ackPending.delete(incidentId);
      const incident = this.driver.state.incidents[incidentId];
      if (incident === undefined || !incident.alarm.unacknowledged) return;
      await this.run({ type: 'acknowledge', incidentId, actor: 'Duty officer Wang' });
    });
  }

  private async raise(): Promise<void> {
    this.at(this.gap(), () => this.raise());
    const type = this.pick(TYPES.map((t) => [t, t.weight] as const));
    const level = this.pick(type.levels.map((l) => [l, LEVEL_WEIGHTS[l]] as const));
    const n = this.counts.raised + 1;
    const events = await this.run({
      type: 'raiseIncident',
      incidentType: type.id,
      level,
      title: `Simulated incident ${n}`,
      location: `Building ${1 + Math.floor(this.rnd() * 9)}, floor ${Math.floor(this.rnd() * 5)}`,
      reporter: 'Guard Li',
      details: 'Reported by phone to the duty desk; the shift crew is on the way.',
      actor: 'Duty officer Wang',
    });
    const raised = events?.find((e): e is IncidentRaised => e.type === 'incidentRaised');
    if (raised === undefined) return;
    this.counts.raised += 1;
    const id = raised.incidentId;
    const [lo, hi] = ACK_DELAY_MIN[level];
    this.scheduleAck(id, this.between(lo, hi) * MINUTE);
    const resolveAfter = this.between(1, 6) * HOUR;
    for (const text of NOTES) this.at(this.between(1, 90) * MINUTE, () => this.ignore(this.run({ type: 'addNote', incidentId: id, text })));
    for (let k = 0; k < 2; k += 1) {
      const number = this.pick(NUMBERS.map((x) => [x, 1] as const));
      this.at(this.between(1, 40) * MINUTE, () => this.ignore(this.run({ type: 'recordCall', incidentId: id, number })));
    }
    for (const item of raised.checklist.slice(0, 2)) {
      this.at(this.between(2, 50) * MINUTE, () => this.ignore(this.run({ type: 'checkStep', incidentId: id, stepId: item.id })));
    }
    for (const deadline of raised.deadlines) {
      if (this.rnd() > 0.9) continue; // one in ten is missed and alarms again
      const inTime = Math.min((deadline.dueAt - raised.at) * this.between(0.2, 0.9), resolveAfter * 0.9);
      this.at(inTime, () => this.ignore(this.run({ type: 'meetDeadline', incidentId: id, deadlineId: deadline.id })));
    }
    this.at(resolveAfter, () => this.ignore(this.run({ type: 'resolve', incidentId: id, summary: 'Handled; the area is safe again.' })));
    this.at(resolveAfter + this.between(10, 60) * MINUTE, () => this.ignore(this.run({ type: 'close', incidentId: id })));
  }

  private at(delay: number, run: () => Promise<void>): void {
    this.queue.push(this.clock.now + Math.max(0, Math.round(delay)), run);
  }

  private async ignore(work: Promise<unknown>): Promise<void> {
    await work;
  }

  private gap(): number {
    return -Math.log(1 - this.rnd()) * this.meanGapMs;
  }

  private between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.rnd();
  }

  private pick<T>(weighted: readonly (readonly [T, number])[]): T {
    const total = weighted.reduce((s, [, w]) => s + w, 0);
    let r = this.rnd() * total;
    for (const [value, weight] of weighted) {
      r -= weight;
      if (r <= 0) return value;
    }
    return (weighted[weighted.length - 1] as readonly [T, number])[0];
  }
}
