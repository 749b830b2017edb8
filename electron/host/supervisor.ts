import { fork, type ChildProcess } from 'node:child_process';
import { appendWatchdogRecord } from '../services/watchdog/watchdog-log.js';
import { STALL_MS } from '../services/watchdog/stall-detector.js';
import type { Logger } from '../services/logger.js';

/**
 * Host mode's watchdog: a second process that runs the host as its child, expects a heartbeat
 * over IPC every second and, when none came for 5 s (a stuck event loop, a stopped process) or the
 * child died, records it in the data folder and starts the host again on the same port. The new
 * host reads the record and shows the gap on every board.
 */
export const SUPERVISED_ENV = 'KIOSK_SUPERVISED';

/** Exit codes that a restart cannot cure: bad usage, a damaged journal (start-up stops on purpose). */
const FINAL_EXIT_CODES: ReadonlySet<number> = new Set([2, 64]);
const RESTART_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];

export type ChildMessage = { kind: 'beat' } | { kind: 'ready'; port: number };

export interface SupervisorOptions {
  readonly script: string;
  readonly args: readonly string[];
  readonly dataDir: string;
  readonly log: Logger;
  readonly stallMs?: number;
}

export function supervise(options: SupervisorOptions): Promise<number> {
  const stallMs = options.stallMs ?? STALL_MS;
  let args = [...options.args];
  let child: ChildProcess | null = null;
  let stopping = false;
  let restarts = 0;
  let lastBeat = Date.now();
  let stalled = false;

  return new Promise((resolve) => {
    const start = () => {
      lastBeat = Date.now();
      stalled = false;
      const current = fork(options.script, args, { env: { ...process.env, [SUPERVISED_ENV]: '1' }, stdio: 'inherit' });
      child = current;
      current.on('message', (message: ChildMessage) => {
        lastBeat = Date.now();
        if (message.kind === 'ready') {
          args = withPort(args, message.port); // a restart keeps the port the views know
          restarts = 0;
        }
      });
      current.once('exit', (code, signal) => {
        child = null;
        if (stopping) return resolve(code ?? 0);
        if (code !== null && FINAL_EXIT_CODES.has(code)) return resolve(code);
        if (!stalled) appendWatchdogRecord(options.dataDir, { kind: 'exited', at: Date.now(), code, signal });
        const delay = RESTART_DELAYS_MS[Math.min(restarts, RESTART_DELAYS_MS.length - 1)] ?? 30_000;
        restarts += 1;
        options.log.error(`host exited (${signal ?? `code ${code}`}); starting it again in ${delay} ms`);
        setTimeout(start, delay);
      });
    };

    const watch = setInterval(() => {
      if (child === null || stalled || Date.now() - lastBeat < stallMs) return;
      stalled = true;
      appendWatchdogRecord(options.dataDir, { kind: 'stalled', at: Date.now(), lastBeat, by: 'supervisor' });
      options.log.error(`host gave no heartbeat for ${Math.round((Date.now() - lastBeat) / 1000)} s: killing and restarting it`);
      child.kill('SIGKILL');
    }, 250);

    const stop = () => {
      stopping = true;
      clearInterval(watch);
      if (child === null) resolve(0);
      else child.kill('SIGTERM');
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    start();
  });
}

function withPort(args: readonly string[], port: number): string[] {
  const index = args.findIndex((a) => a === '--port');
  if (index >= 0) return [...args.slice(0, index), '--port', String(port), ...args.slice(index + 2)];
  return [...args.filter((a) => !a.startsWith('--port=')), '--port', String(port)];
}

/** The child's side: a heartbeat from the event loop, the port once serving, and exit with the parent. */
export function reportToSupervisor(port: number, shutdown: () => void): void {
  const send = process.send?.bind(process);
  if (send === undefined) return;
  send({ kind: 'ready', port } satisfies ChildMessage);
  const timer = setInterval(() => send({ kind: 'beat' } satisfies ChildMessage), 1_000);
  timer.unref();
  // A supervisor killed with SIGKILL must not leave its host running unsupervised on the port.
  process.once('disconnect', shutdown);
}
