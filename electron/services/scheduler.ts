import { nextDueAt } from '../core/alarm/tick.js';
import type { CommandBus } from './command-bus.js';
import type { Logger } from './logger.js';

export interface SchedulerOptions {
  readonly bus: CommandBus;
  readonly log: Logger;
  readonly wallClock?: () => number;
  readonly monotonicClock?: () => number;
  /** how often the watchdog compares the wall clock with the monotonic one */
  readonly watchdogMs?: number;
  /** wall-clock drift beyond this is a jump (or a suspend) */
  readonly jumpToleranceMs?: number;
  /** long waits are cut into pieces so a drifting timer cannot stay wrong for long */
  readonly maxDelayMs?: number;
}

const RETRY_MS = 1000;

/**
 * Wakes the core up when something falls due. The core decides what fired; this only keeps one
 * timer set to the next due instant, ticks at start (whatever fell due while the app was down
 * fires once) and ticks at once when the wall clock jumps or the machine resumes from sleep.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private lastWall = 0;
  private lastMonotonic = 0;
  private lastTickFailed = false;
  private readonly wall: () => number;
  private readonly monotonic: () => number;

  constructor(private readonly options: SchedulerOptions) {
    this.wall = options.wallClock ?? Date.now;
    this.monotonic = options.monotonicClock ?? (() => performance.now());
  }

  async start(): Promise<void> {
    this.lastWall = this.wall();
    this.lastMonotonic = this.monotonic();
    this.unsubscribe = this.options.bus.subscribe(this.options.bus.state.seq, () => this.arm());
    await this.tick(0);
    this.watchdog = setInterval(() => this.checkClock(), this.options.watchdogMs ?? 1000);
    this.watchdog.unref();
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.timer = null;
    this.watchdog = null;
  }

  private async tick(clockJumpMs: number): Promise<void> {
    const result = await this.options.bus.tick(clockJumpMs);
    this.lastTickFailed = !result.ok;
    if (!result.ok) this.options.log.error(`tick not saved: ${result.error.message}`);
    this.arm();
  }

  private arm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const due = nextDueAt(this.options.bus.state);
    if (due === null) return;
    const wait = Math.max(0, due - this.wall(), this.lastTickFailed ? RETRY_MS : 0);
    this.timer = setTimeout(() => void this.tick(0), Math.min(wait, this.options.maxDelayMs ?? 60_000));
  }

  private checkClock(): void {
    const wall = this.wall();
    const monotonic = this.monotonic();
    const drift = wall - this.lastWall - (monotonic - this.lastMonotonic);
    this.lastWall = wall;
    this.lastMonotonic = monotonic;
    if (Math.abs(drift) <= (this.options.jumpToleranceMs ?? 2000)) return;
    // Forward (or a resume from sleep): overdue items fire once. Back: relative timers are shifted.
    this.options.log.warn(`wall clock moved ${Math.round(drift)} ms against the monotonic clock`);
    void this.tick(drift < 0 ? Math.round(drift) : 0);
  }
}
