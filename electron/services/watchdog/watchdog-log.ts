import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HostWarning } from '../../core/contract/contract.js';
import { appendLineSync } from '../durable-fs.js';

/**
 * What the watchdogs saw, one JSON line each, in the data folder: the host stalled (no heartbeat
 * for the limit), the host exited without being asked to, the host started. A start after a stall
 * or an exit is a gap the board must show: alarms and escalations may have been late in it.
 */
export const WATCHDOG_LOG = 'watchdog.ndjson';

export type WatchdogRecord =
  | {
      readonly kind: 'stalled';
      readonly at: number;
      readonly lastBeat: number;
      readonly by: 'thread' | 'supervisor';
      readonly replayOffset?: number;
    }
  | { readonly kind: 'exited'; readonly at: number; readonly code: number | null; readonly signal: string | null }
  | { readonly kind: 'started'; readonly at: number; readonly pid: number };

/** Synchronous so that a watchdog thread can write while the main thread is stuck. */
export function appendWatchdogRecord(dataDir: string, record: WatchdogRecord): void {
  appendLineSync(join(dataDir, WATCHDOG_LOG), JSON.stringify(record));
}

export async function readWatchdogLog(dataDir: string): Promise<WatchdogRecord[]> {
  const text = await readFile(join(dataDir, WATCHDOG_LOG), 'utf8').catch(() => '');
  return text.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as WatchdogRecord];
    } catch {
      return [];
    }
  });
}

/** How long the board keeps showing a gap after the restart that ended it. */
export const GAP_SHOWN_MS = 24 * 60 * 60 * 1000;

/**
 * Called at start: records the start and, when the run before ended in a stall or an exit
 * nobody asked for, returns the warning that shows the gap.
 */
export async function recordStart(dataDir: string, now: number): Promise<HostWarning | null> {
  const records = await readWatchdogLog(dataDir);
  appendWatchdogRecord(dataDir, { kind: 'started', at: now, pid: process.pid });
  const lastStart = records.findLastIndex((r) => r.kind === 'started');
  const sinceStart = records.slice(lastStart + 1);
  const stall = sinceStart.find((r) => r.kind === 'stalled');
  const exit = sinceStart.find((r) => r.kind === 'exited');
  const from = stall?.kind === 'stalled' ? stall.lastBeat : exit?.at;
  if (from === undefined || now - from > GAP_SHOWN_MS) return null;
  const cause =
    stall?.kind === 'stalled'
      ? `stopped answering (no heartbeat for ${Math.round((stall.at - stall.lastBeat) / 1000)} s${stall.replayOffset === undefined ? '' : `, while replaying the record at byte ${stall.replayOffset}`})`
      : `exited unexpectedly (${exit?.kind === 'exited' ? (exit.signal ?? `code ${exit.code}`) : 'unknown'})`;
  return {
    kind: 'hostRestarted',
    file: join(dataDir, WATCHDOG_LOG),
    message: `the host ${cause} at ${new Date(from).toISOString()} and was restarted at ${new Date(now).toISOString()}: a gap of ${Math.round((now - from) / 1000)} s`,
  };
}
