/**
 * The bus runs one command at a time; this decides which is next. Each client (a socket, an HTTP
 * address, the scheduler) has its own queue, served in turn, and alarm-class work (raising,
 * acknowledging, escalating, the timers' ticks) goes before routine work such as notes, so one
 * client's flood of notes cannot keep a level I raise from another waiting.
 */
export type Lane = 'alarm' | 'routine';

interface Waiting {
  readonly alarm: (() => Promise<void>)[];
  readonly routine: (() => Promise<void>)[];
}

export class FairQueue {
  /** clients with waiting work, in the order they are served next (Map keeps insertion order) */
  private readonly clients = new Map<string, Waiting>();
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly perClientLimit: number) {}

  /** Queues the job, or answers null when the client already has its limit waiting. */
  submit<T>(client: string, lane: Lane, job: () => Promise<T>): Promise<T> | null {
    const waiting = this.clients.get(client) ?? { alarm: [], routine: [] };
    if (waiting.alarm.length + waiting.routine.length >= this.perClientLimit) return null;
    this.clients.set(client, waiting);
    const done = new Promise<T>((resolve, reject) => {
      waiting[lane].push(() => job().then(resolve, reject));
    });
    this.pump();
    return done;
  }

  /** Resolves once nothing is waiting or running. */
  idle(): Promise<void> {
    if (!this.running && this.clients.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    if (this.running) return;
    const next = this.takeNext();
    if (next === null) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    this.running = true;
    void next().finally(() => {
      this.running = false;
      this.pump();
    });
  }

  private takeNext(): (() => Promise<void>) | null {
    for (const lane of ['alarm', 'routine'] as const) {
      for (const [client, waiting] of this.clients) {
        const job = waiting[lane].shift();
        if (job === undefined) continue;
        // Served: to the back of the line (or out of it, when nothing else waits).
        this.clients.delete(client);
        if (waiting.alarm.length + waiting.routine.length > 0) this.clients.set(client, waiting);
        return job;
      }
    }
    return null;
  }
}
