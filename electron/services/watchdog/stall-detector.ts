import { Worker } from 'node:worker_threads';

/**
 * A thread beside the event loop that notices when the loop stops turning. The main thread stores
 * a heartbeat (and, during replay, the offset of the record being replayed) in shared memory; if
 * it is older than `stallMs`, the thread records the stall with synchronous writes and kills the
 * process, so that the supervisor (host mode) or the relaunch (Electron) brings it back, and a
 * record that hung the replay is quarantined instead of hanging the next start too.
 */
export interface StallDetectorOptions {
  readonly dataDir: string;
  readonly journalDir: string;
  readonly stallMs?: number;
  /** start the program again (Electron has no supervisor process); host mode leaves it to the supervisor */
  readonly relaunch?: boolean;
  /** told if the watchdog thread itself fails; the host goes on without it rather than stopping */
  readonly onError?: (error: Error) => void;
}

export const STALL_MS = 5_000;
const BEAT_MS = 1_000;
const IDLE = -1n;

// Plain JavaScript, run from a data: URL (always an ES module): it must not depend on the build layout.
const WORKER_SOURCE = `
import { workerData } from 'node:worker_threads';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
const shared = new BigInt64Array(workerData.buffer);
const append = (file, record) => {
  const fd = fs.openSync(file, 'a');
  try { fs.writeSync(fd, JSON.stringify(record) + '\\n'); fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
};
setInterval(() => {
  const lastBeat = Number(Atomics.load(shared, 0));
  const now = Date.now();
  if (now - lastBeat < workerData.stallMs) return;
  const offset = Atomics.load(shared, 1);
  const record = { kind: 'stalled', at: now, lastBeat, by: 'thread' };
  if (offset >= 0n) {
    record.replayOffset = Number(offset);
    append(path.join(workerData.journalDir, 'quarantine.ndjson'), { offset: Number(offset), reason: 'replay hung on it for ' + Math.round((now - lastBeat) / 1000) + ' s', at: now });
  }
  append(path.join(workerData.dataDir, 'watchdog.ndjson'), record);
  if (workerData.relaunch) spawn(workerData.execPath, workerData.argv, { detached: true, stdio: 'ignore' }).unref();
  process.kill(process.pid, 'SIGKILL');
}, 250);
`;

export class StallDetector {
  private readonly shared = new BigInt64Array(new SharedArrayBuffer(16));
  private readonly worker: Worker;
  private readonly timer: NodeJS.Timeout;

  constructor(options: StallDetectorOptions) {
    this.beat();
    Atomics.store(this.shared, 1, IDLE);
    this.worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`), {
      workerData: {
        buffer: this.shared.buffer,
        dataDir: options.dataDir,
        journalDir: options.journalDir,
        stallMs: options.stallMs ?? STALL_MS,
        relaunch: options.relaunch ?? false,
        execPath: process.execPath,
        argv: process.argv.slice(1),
      },
    });
    this.worker.on('error', (error) => options.onError?.(error));
    this.worker.unref();
    this.timer = setInterval(() => this.beat(), BEAT_MS);
    this.timer.unref();
  }

  /** The journal calls this before each record it replays: progress counts as a heartbeat. */
  replaying(offset: number): void {
    Atomics.store(this.shared, 1, BigInt(offset));
    this.beat();
  }

  replayDone(): void {
    Atomics.store(this.shared, 1, IDLE);
    this.beat();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.worker.terminate();
  }

  private beat(): void {
    Atomics.store(this.shared, 0, BigInt(Date.now()));
  }
}
