/**
 * Benchmark 5: soak. Seven simulated days of a busy control room (20 incidents an hour, each with
 * notes, calls, checked steps, met or missed deadlines, escalations and reminders by tick,
 * acknowledged, resolved and closed after hours) through the real CommandBus and Journal on a
 * fake clock. The plan's retention is set to one day in the initial state (there is no command
 * for it), so closed incidents are archived out of memory within the week. Heap after a full GC
 * at the end of each simulated day. Floor: the same process's heap with the bus open on an empty
 * board. The journal's fsync is skipped here (its file layer), since the soak is about memory.
 */
import { open, rename, mkdtemp, readFile, rm } from 'node:fs/promises';
import { renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOUR } from '../../electron/core/plan/plan-schemas.js';
import type { BoardState } from '../../electron/core/state.js';
import { isActive } from '../../electron/core/state.js';
import { CommandBus } from '../../electron/services/command-bus.js';
import { EVENTS_FILE, Journal, type JournalFileLayer } from '../../electron/services/journal.js';
import { answerParent, gc, ratio, type BenchResult } from './lib/child.js';
import { ControlRoom } from './lib/control-room.js';
import { BusDriver } from './lib/drivers.js';
import { round } from './lib/stats.js';

const DAYS = 7;
const DAY = 24 * HOUR;
const RETENTION_MS = DAY;
const WARMUP_DAYS = 2;
const TOLERANCE = 0.1;

/** Real files, no fsync: the soak measures memory, and 60,000 fsyncs would only cost time. */
const noSyncFiles: JournalFileLayer = {
  rename,
  renameSync,
  open: async (path, flags) => {
    const handle = await open(path, flags);
    return {
      write: (buffer, offset, length) => handle.write(buffer, offset, length),
      read: (buffer, offset, length, position) => handle.read(buffer, offset, length, position),
      sync: async () => {},
      truncate: (length) => handle.truncate(length),
      stat: () => handle.stat(),
      close: () => handle.close(),
    };
  },
};

const heapMB = (): number => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

interface Day {
  day: number;
  heapMB: number;
  incidentsInMemory: number;
  active: number;
  closedInMemory: number;
  raisedSoFar: number;
  archivedSoFar: number;
  eventsSoFar: number;
  cpuMsPerCommand: number;
  wallSeconds: number;
}

async function bench(): Promise<BenchResult> {
  const began = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-bench-soak-'));
  try {
    const opened = await Journal.open(join(dir, 'journal'), Date.now, { files: noSyncFiles });
    const start = Date.UTC(2025, 2, 3, 0, 0, 0);
    const clock = { now: start };
    const initial: BoardState = { ...opened.state, plan: { ...opened.state.plan, retentionMs: RETENTION_MS } };
    const bus = new CommandBus(opened.journal, initial, { clock: () => clock.now, defaultActor: () => 'Duty officer' });
    // A view stays subscribed all week, as the wall display would.
    let broadcasts = 0;
    bus.subscribe(0, () => (broadcasts += 1));
    const room = new ControlRoom(new BusDriver(bus), clock, { seed: 20250303, incidentsPerHour: 20 });
    const baseline = heapMB();
    const days: Day[] = [];
    let commandsBefore = 0;
    for (let day = 1; day <= DAYS; day += 1) {
      const cpu0 = process.cpuUsage();
      const wall0 = performance.now();
      await room.runUntil(start + day * DAY);
      const cpu = process.cpuUsage(cpu0);
      const commands = room.counts.commands + room.counts.ticks - commandsBefore;
      commandsBefore = room.counts.commands + room.counts.ticks;
      const wallSeconds = (performance.now() - wall0) / 1000;
      const incidents = Object.values(bus.state.incidents);
      days.push({
        day,
        heapMB: round(heapMB()),
        incidentsInMemory: incidents.length,
        active: incidents.filter(isActive).length,
        closedInMemory: incidents.filter((i) => i.status === 'closed').length,
        raisedSoFar: room.counts.raised,
        archivedSoFar: room.counts.archived,
        eventsSoFar: bus.state.seq,
        cpuMsPerCommand: round((cpu.user + cpu.system) / 1000 / Math.max(1, commands)),
        wallSeconds: round(wallSeconds),
      });
    }
    await bus.flush();
    await opened.journal.close();

    // Archived incidents left memory but not the journal: every raise is still on disk.
    const journal = (await readFile(join(dir, 'journal', EVENTS_FILE), 'utf8')).split('\n');
    let raisedOnDisk = 0;
    let archivedOnDisk = 0;
    for (const line of journal) {
      if (line.length === 0) continue;
      const { events } = JSON.parse(line.slice(9)) as { events: { type: string }[] };
      for (const event of events) {
        if (event.type === 'incidentRaised') raisedOnDisk += 1;
        if (event.type === 'incidentArchived') archivedOnDisk += 1;
      }
    }

    const warm = days[WARMUP_DAYS - 1] as Day;
    const after = days.slice(WARMUP_DAYS);
    const last = days[days.length - 1] as Day;
    const peak = Math.max(...after.map((d) => d.heapMB));
    const slope = leastSquaresSlope(days.slice(WARMUP_DAYS - 1).map((d) => [d.day, d.heapMB]));
    const first = days[0] as Day;
    const perIncidentKB = ((first.heapMB - baseline) * 1024) / Math.max(1, first.incidentsInMemory);
    const bench = '5 Soak, 7 simulated days';
    return {
      name: 'soak',
      rows: [
        {
          bench,
          figure: `heap after day ${WARMUP_DAYS} (warm-up), MB`,
          value: warm.heapMB,
          unit: 'MB',
          floor: round(baseline),
          ratio: round(ratio(warm.heapMB, baseline)),
          target: null,
          pass: null,
        },
        {
          bench,
          figure: `peak heap, days ${WARMUP_DAYS + 1}–${DAYS}, MB`,
          value: round(peak),
          unit: 'MB',
          floor: round(baseline),
          ratio: round(ratio(peak, baseline)),
          target: `≤ day ${WARMUP_DAYS} + ${TOLERANCE * 100} % (${round(warm.heapMB * (1 + TOLERANCE))} MB)`,
          pass: peak <= warm.heapMB * (1 + TOLERANCE),
        },
        {
          bench,
          figure: `heap trend, days ${WARMUP_DAYS}–${DAYS}, MB/day`,
          value: round(slope),
          unit: 'MB/day',
          floor: null,
          ratio: null,
          target: null,
          pass: null,
        },
      ],
      details: {
        days,
        baselineHeapMB: round(baseline),
        retentionMs: RETENTION_MS,
        incidentsPerHour: 20,
        counts: room.counts,
        broadcasts,
        journalMB: round(journal.reduce((s, l) => s + l.length + 1, 0) / 2 ** 20),
        raisedOnDisk,
        archivedOnDisk,
        allRaisesStayInJournal: raisedOnDisk === last.raisedSoFar,
        heapPerIncidentInMemoryKB: round(perIncidentKB),
        projectedHeapWithDefault7DayRetentionMB: round(baseline + (perIncidentKB * (7 * 24 * 20 + last.active)) / 1024),
      },
      seconds: round((performance.now() - began) / 1000),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function leastSquaresSlope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

answerParent(bench);
