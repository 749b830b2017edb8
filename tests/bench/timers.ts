/**
 * Benchmark 2: timer lateness in the real Scheduler. The kiosk's services run in this process
 * (settings, journal with fsync, CommandBus, Scheduler on the wall clock). Level policies get
 * first-tier ack timeouts of 2, 3.5, 5 and 6 s; 1,000 incidents are raised over about 4 s, so
 * 1,000 escalation instants fall between about 2 and 10 s while the board keeps working.
 * Lateness = wall time the `escalated` event reaches a subscriber (journaled and broadcast) minus
 * the incident's nextEscalationAt; also event.at minus it (when the core decided).
 * Floor: bare setTimeout for the same due instants in a second, otherwise idle Node process running
 * at the same time (each due instant is sent to it as soon as the raise is confirmed), so both see
 * the same machine load; nothing of the product runs there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { CommandInput } from '../../electron/core/contract/commands.js';
import { Journal } from '../../electron/services/journal.js';
import { startKioskServices } from '../../electron/services/kiosk-services.js';
import { createLogger } from '../../electron/services/logger.js';
import { answerParent, ratio, type BenchResult } from './lib/child.js';
import { round, roundSummary, sleep, summarize } from './lib/stats.js';

const INCIDENTS = 1000;
const RAISE_SPREAD_MS = 4000;
const TIMEOUTS = { I: 2000, II: 3500, III: 5000, IV: 6000 } as const;
const LEVELS = ['I', 'II', 'III', 'IV'] as const;
const SELF = fileURLToPath(import.meta.url);

/**
 * Times the journal's own appends and snapshot writes from outside (the prototype is wrapped in
 * this process only), to tell where lateness comes from.
 */
function instrumentJournal(): { appends: number[]; snapshots: number[]; restore: () => void } {
  const appends: number[] = [];
  const snapshots: number[] = [];
  const proto = Journal.prototype;
  const append = proto.append;
  const writeSnapshot = proto.writeSnapshot;
  proto.append = async function (this: Journal, ...args: Parameters<Journal['append']>) {
    const t0 = performance.now();
    try {
      return await append.apply(this, args);
    } finally {
      appends.push(performance.now() - t0);
    }
  };
  proto.writeSnapshot = async function (this: Journal, ...args: Parameters<Journal['writeSnapshot']>) {
    const t0 = performance.now();
    try {
      return await writeSnapshot.apply(this, args);
    } finally {
      snapshots.push(performance.now() - t0);
    }
  };
  return {
    appends,
    snapshots,
    restore: () => {
      proto.append = append;
      proto.writeSnapshot = writeSnapshot;
    },
  };
}

interface ProductTimers {
  arrival: number[];
  decided: number[];
  offsets: number[];
  raiseMs: number;
  escalated: number;
  ticks: number;
  appendMs: number[];
  snapshotMs: number[];
}

async function measureProduct(dataDir: string, floor: { add: (due: number) => void }): Promise<ProductTimers> {
  const logs: string[] = [];
  const probe = instrumentJournal();
  const services = await startKioskServices(
    dataDir,
    createLogger((line) => logs.push(line)),
  );
  try {
    const bus = services.bus;
    for (const level of LEVELS) {
      const command: CommandInput = {
        type: 'setPolicy',
        level,
        policy: {
          tiers: [
            { role: 'dutyOfficer', ackTimeoutMs: TIMEOUTS[level], repeat: 0 },
            { role: 'dutyHead', ackTimeoutMs: 10 * 60_000, repeat: 0 },
          ],
          reminderMs: null,
        },
      };
      const result = await bus.execute(command);
      if (!result.ok) throw new Error(`setPolicy refused: ${JSON.stringify(result.error)}`);
    }
    const due = new Map<string, number>();
    const arrival: number[] = [];
    const decided: number[] = [];
    const arrivalOffsets: number[] = [];
    let escalated = 0;
    let ticks = 0;
    let allDone: () => void = () => {};
    const finished = new Promise<void>((resolve) => (allDone = resolve));
    const start = Date.now();
    bus.subscribe(bus.state.seq, (message) => {
      if (message.kind !== 'events') return;
      const now = Date.now();
      if (message.events.some((e) => e.type === 'escalated')) ticks += 1;
      for (const event of message.events) {
        if (event.type === 'incidentRaised') {
          due.set(event.incidentId, event.nextEscalationAt);
          floor.add(event.nextEscalationAt);
        }
        if (event.type !== 'escalated' || event.manual) continue;
        const dueAt = due.get(event.incidentId);
        if (dueAt === undefined) continue;
        due.delete(event.incidentId);
        arrival.push(now - dueAt);
        decided.push(event.at - dueAt);
        arrivalOffsets.push(dueAt - start);
        escalated += 1;
        if (escalated === INCIDENTS) allDone();
      }
    });
    // Raise on a steady schedule over RAISE_SPREAD_MS, one command at a time, as a busy desk would.
    for (let i = 0; i < INCIDENTS; i += 1) {
      const planned = start + (i * RAISE_SPREAD_MS) / INCIDENTS;
      const wait = planned - Date.now();
      if (wait > 1) await sleep(wait);
      const level = LEVELS[i % LEVELS.length] as (typeof LEVELS)[number];
      const result = await bus.execute({ type: 'raiseIncident', incidentType: 'system-alarm', level, title: `Timer ${i}`, actor: 'Bench' });
      if (!result.ok) throw new Error(`raise refused: ${JSON.stringify(result.error)}`);
    }
    const raiseMs = Date.now() - start;
    const timeout = sleep(60_000).then(() => {
      throw new Error(`only ${escalated} of ${INCIDENTS} escalations arrived within 60 s`);
    });
    await Promise.race([finished, timeout]);
    return { arrival, decided, offsets: arrivalOffsets, raiseMs, escalated, ticks, appendMs: probe.appends, snapshotMs: probe.snapshots };
  } finally {
    await services.close();
    probe.restore();
  }
}

/** The floor's process: one bare setTimeout per due instant it is sent; answers the lateness list. */
function floorChild(): void {
  const lateness: number[] = [];
  let pending = 0;
  let ended = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const check = () => {
    if (ended && pending === 0) finish();
  };
  // If the benchmark's process goes away, so does its floor.
  process.once('disconnect', () => process.exit(0));
  process.on('message', (message: { due?: number; end?: boolean }) => {
    if (message.due !== undefined) {
      const due = message.due;
      pending += 1;
      setTimeout(
        () => {
          lateness.push(Date.now() - due);
          pending -= 1;
          check();
        },
        Math.max(0, due - Date.now()),
      );
    }
    if (message.end === true) {
      ended = true;
      check();
    }
  });
  answerParent(async () => {
    await done;
    process.removeAllListeners('message');
    process.removeAllListeners('disconnect');
    return lateness;
  });
}

/** Starts the floor's process; `add` hands it a due instant, `result` ends it and returns the lateness list. */
function startFloor(): { add: (due: number) => void; result: () => Promise<number[]> } {
  const child = fork(SELF, ['floor'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let answer: { ok: boolean; value?: number[]; error?: string } | null = null;
  child.on('message', (message) => (answer = message as typeof answer));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    add: (due) => child.send({ due }),
    result: async () => {
      child.send({ end: true });
      await exited;
      const a = answer;
      if (a === null || !a.ok || a.value === undefined) throw new Error(`timer floor failed: ${a?.error ?? 'no answer'}`);
      return a.value;
    },
  };
}

function byDueSecond(offsets: readonly number[], lateness: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  offsets.forEach((offset, i) => {
    const key = String(Math.floor(offset / 1000));
    out[key] = Math.max(out[key] ?? 0, lateness[i] as number);
  });
  return out;
}

async function bench(): Promise<BenchResult> {
  const began = performance.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-bench-timers-'));
  try {
    const floorProcess = startFloor();
    const product = await measureProduct(dataDir, floorProcess);
    const floor = await floorProcess.result();
    const a = summarize(product.arrival);
    const d = summarize(product.decided);
    const f = summarize(floor);
    const bench = '2 Timer lateness (Scheduler)';
    return {
      name: 'timers',
      rows: [
        {
          bench,
          figure: `p50 of ${INCIDENTS} escalations (arrival − due)`,
          value: round(a.p50),
          unit: 'ms',
          floor: round(f.p50),
          ratio: round(ratio(a.p50, f.p50)),
          target: null,
          pass: null,
        },
        {
          bench,
          figure: `p99 of ${INCIDENTS} escalations (arrival − due)`,
          value: round(a.p99),
          unit: 'ms',
          floor: round(f.p99),
          ratio: round(ratio(a.p99, f.p99)),
          target: '≤ 50 ms',
          pass: a.p99 <= 50,
        },
        {
          bench,
          figure: 'max (arrival − due)',
          value: round(a.max),
          unit: 'ms',
          floor: round(f.max),
          ratio: round(ratio(a.max, f.max)),
          target: null,
          pass: null,
        },
      ],
      details: {
        incidents: INCIDENTS,
        ackTimeoutsMs: TIMEOUTS,
        raisedOverMs: product.raiseMs,
        dueSpanMs: [round(Math.min(...product.offsets)), round(Math.max(...product.offsets))],
        arrivalMinusDueMs: roundSummary(a),
        decidedMinusDueMs: roundSummary(d),
        floorSetTimeoutMs: roundSummary(f),
        tickBatchesWithEscalations: product.ticks,
        /** max arrival lateness of the escalations due in each second after the start, to see when it piles up */
        maxLatenessByDueSecond: byDueSecond(product.offsets, product.arrival),
        journalAppendMs: roundSummary(summarize(product.appendMs)),
        snapshotWrites: product.snapshotMs.map(round),
        note: 'lateness is measured with Date.now (1 ms resolution); a floor of 1 ms is the timer granularity',
      },
      seconds: round((performance.now() - began) / 1000),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'floor') floorChild();
else answerParent(bench);
