/**
 * Benchmark 3: cold start (and benchmark 1 on a board with history, on the same journal). A busy control room's journal (100,000 and 1,000,000 events, with the
 * snapshot the bus would have written every 1,000 events) is generated once per run; then fresh
 * Node processes time Journal.open (to the ready state) and the floor: reading the same files and
 * JSON-parsing the bytes the journal has to parse (the snapshot and the records after it).
 */
import { closeSync, createReadStream, createWriteStream, mkdirSync, openSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DomainEvent } from '../../electron/core/events.js';
import { initialState, type BoardState } from '../../electron/core/state.js';
import { evolveAll } from '../../electron/core/evolve.js';
import { EVENTS_FILE, Journal, SNAPSHOT_FILE, scanRecords } from '../../electron/services/journal.js';
import { decodeRecord, encodeRecord, hasValidChecksum } from '../../electron/services/record-codec.js';
import { answerParent, forkJson, gc, ratio, type BenchResult, type Row } from './lib/child.js';
import { ControlRoom } from './lib/control-room.js';
import { spawnHost } from './lib/host.js';
import { measureRoundTrips } from './lib/roundtrip-client.js';
import { MEASURED, roundTripReport, SERVE, WARMUP } from './roundtrip.js';
import { MemoryDriver } from './lib/drivers.js';
import { median, round } from './lib/stats.js';

const SIZES = [100_000, 1_000_000] as const;
const REPEATS = 3;
const SNAPSHOT_EVERY = 1000;
const HISTORY_DAYS = 98.5;
const SELF = fileURLToPath(import.meta.url);

/** The snapshot CommandBus would have written last: the record Journal.writeSnapshot writes (its keys in another order). */
interface SnapshotPoint {
  readonly seq: number;
  readonly bytes: Buffer;
  readonly incidents: number;
}

interface Generated {
  readonly events: number;
  readonly bytes: number;
  readonly snapshotBytes: number;
  readonly snapshotSeq: number;
  readonly incidentsInSnapshot: number;
  readonly simulatedDays: number;
  /** incidents a host started now keeps in memory (active, or closed within the retention) */
  readonly incidentsKeptNow: number;
}

/** Writes `<dir>/<size>/journal/{events.ndjson,snapshot.json}` for every size, in one simulation. */
async function generate(root: string): Promise<Map<number, Generated>> {
  const largest = SIZES[SIZES.length - 1] as number;
  const mainDir = join(root, String(largest), 'journal');
  mkdirSync(mainDir, { recursive: true });
  const fd = openSync(join(mainDir, EVENTS_FILE), 'w');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let written = 0;
  const flush = () => {
    if (pendingBytes === 0) return;
    writeSync(fd, Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
  };
  let sinceSnapshot = 0;
  let lastSnapshot: SnapshotPoint | null = null;
  const cuts = new Map<number, { offset: number; seq: number; snapshot: SnapshotPoint; at: number; keptNow: number }>();
  let nextCut = 0;

  // About 10,200 events a day: the million ends a day or so before now, so a host started on it
  // holds a week of history in memory (what a busy kiosk holds) instead of archiving it all.
  const start = Math.round(Date.now() - HISTORY_DAYS * 86_400_000);
  const clock = { now: start };
  const driver = new MemoryDriver(initialState, clock, (events: readonly DomainEvent[], state: BoardState) => {
    const record = encodeRecord({ events });
    const offsetBefore = written;
    const seqBefore = state.seq - events.length;
    pending.push(record);
    pendingBytes += record.length;
    written += record.length;
    if (pendingBytes > 16 * 1024 * 1024) flush();
    // CommandBus.maybeSnapshot: after a command, once 1,000 events have gathered.
    sinceSnapshot += events.length;
    if (sinceSnapshot < SNAPSHOT_EVERY) return;
    sinceSnapshot = 0;
    const size = SIZES[nextCut];
    if (size !== undefined && seqBefore >= size) {
      // The journal of `size` events ends just before this command: the bus had not yet written its
      // next snapshot, so start-up replays the ~1,000 events after the previous one (a crash's worst case).
      if (lastSnapshot === null) throw new Error(`no snapshot was kept for the ${size} cut`);
      const now = Date.now();
      const keptNow = Object.values(state.incidents).filter((i) => i.closedAt === null || i.closedAt + state.plan.retentionMs > now).length;
      cuts.set(size, { offset: offsetBefore, seq: seqBefore, snapshot: lastSnapshot, at: clock.now, keptNow });
      nextCut += 1;
    }
    // Only the snapshots that can end up on disk (the last before a cut) are encoded.
    const upcoming = SIZES[nextCut];
    lastSnapshot =
      upcoming !== undefined && state.seq >= upcoming - 3 * SNAPSHOT_EVERY
        ? {
            seq: state.seq,
            bytes: encodeRecord({ seq: state.seq, offset: written, state }),
            incidents: Object.keys(state.incidents).length,
          }
        : null;
  });
  const room = new ControlRoom(driver, clock, { seed: 20250106, incidentsPerHour: 20 });
  await room.runUntil(Number.POSITIVE_INFINITY, () => cuts.has(largest));
  flush();
  closeSync(fd);

  const out = new Map<number, Generated>();
  for (const size of SIZES) {
    const cut = cuts.get(size);
    if (cut === undefined) throw new Error(`generation stopped before ${size} events`);
    const dir = join(root, String(size), 'journal');
    if (size !== largest) {
      mkdirSync(dir, { recursive: true });
      await pipeline(
        createReadStream(join(mainDir, EVENTS_FILE), { start: 0, end: cut.offset - 1 }),
        createWriteStream(join(dir, EVENTS_FILE)),
      );
    }
    writeFileSync(join(dir, SNAPSHOT_FILE), cut.snapshot.bytes);
    out.set(size, {
      events: cut.seq,
      bytes: cut.offset,
      snapshotBytes: cut.snapshot.bytes.length,
      snapshotSeq: cut.snapshot.seq,
      incidentsInSnapshot: cut.snapshot.incidents,
      simulatedDays: round((cut.at - start) / 86_400_000),
      incidentsKeptNow: cut.keptNow,
    });
  }
  // The simulation ran one command past the last cut.
  truncateSync(join(mainDir, EVENTS_FILE), (cuts.get(largest) as { offset: number }).offset);
  return out;
}

/** In a fresh process: the product's start-up, from Journal.open to the rebuilt state. */
async function measureOpen(dir: string): Promise<{ ms: number; seq: number; incidents: number; heapMB: number }> {
  const t0 = performance.now();
  const opened = await Journal.open(dir);
  const ms = performance.now() - t0;
  const seq = opened.state.seq;
  const incidents = Object.keys(opened.state.incidents).length;
  await opened.journal.close();
  gc();
  return { ms, seq, incidents, heapMB: process.memoryUsage().heapUsed / 2 ** 20 };
}

/** In a fresh process: the floor, reading both files and parsing what the journal parses, nothing else. */
async function measureFloor(dir: string): Promise<{ ms: number; parsedBytes: number }> {
  const t0 = performance.now();
  const bytes = await readFile(join(dir, EVENTS_FILE));
  const snapshotBytes = await readFile(join(dir, SNAPSHOT_FILE));
  const snapshot = JSON.parse(snapshotBytes.subarray(9, snapshotBytes.length - 1).toString('utf8')) as { offset: number; state: unknown };
  let parsed = snapshotBytes.length;
  let offset = snapshot.offset;
  let count = 0;
  while (offset < bytes.length) {
    const newline = bytes.indexOf(0x0a, offset);
    const end = newline === -1 ? bytes.length : newline;
    const record = JSON.parse(bytes.subarray(offset + 9, end).toString('utf8')) as { events: unknown[] };
    count += record.events.length;
    parsed += end - offset;
    offset = end + 1;
  }
  const ms = performance.now() - t0;
  if (count < 0 || snapshot.state === null) throw new Error('unreachable');
  return { ms, parsedBytes: parsed };
}

/**
 * Where start-up spends its time: Journal.open's steps done one by one with the journal's own
 * exported functions (decodeRecord, hasValidChecksum, scanRecords, evolveAll), in a fresh process.
 */
async function measureBreakdown(dir: string): Promise<Record<string, number>> {
  const lap = (() => {
    let t = performance.now();
    return () => {
      const now = performance.now();
      const elapsed = now - t;
      t = now;
      return round(elapsed);
    };
  })();
  const snapshotBytes = await readFile(join(dir, SNAPSHOT_FILE));
  const readSnapshotMs = lap();
  const snapshot = decodeRecord(snapshotBytes.subarray(0, snapshotBytes.length - 1)) as { seq: number; offset: number; state: BoardState };
  const decodeSnapshotMs = lap();
  const bytes = await readFile(join(dir, EVENTS_FILE));
  const readEventsMs = lap();
  let offset = 0;
  while (offset < snapshot.offset) {
    const newline = bytes.indexOf(0x0a, offset);
    if (!hasValidChecksum(bytes.subarray(offset, newline))) throw new Error(`bad record at ${offset}`);
    offset = newline + 1;
  }
  const checksumsMs = lap();
  const { batches } = scanRecords(bytes, snapshot.offset, snapshot.seq, join(dir, EVENTS_FILE));
  const scanTailMs = lap();
  // As Journal.open does: the whole tail in one run, so the incident record is copied once.
  const tail = batches.flatMap((batch) => batch.events);
  const state = evolveAll(snapshot.state, tail);
  const tailEvents = tail.length;
  const evolveTailMs = lap();
  if (state.seq <= snapshot.seq && tailEvents > 0) throw new Error('replay did not advance');
  // The next snapshot: encoded in one piece, it would hold the bus's thread this long ...
  encodeRecord({ seq: state.seq, offset: bytes.length, state });
  const encodeSnapshotMs = lap();
  // ... written as the bus writes it, in slices, the event loop waits at most this long.
  const { longestPauseMs, writeMs } = await snapshotPauses(state);
  return {
    readSnapshotMs,
    decodeSnapshotMs,
    readEventsMs,
    checksumsMs,
    scanTailMs,
    evolveTailMs,
    tailEvents,
    encodeSnapshotMs,
    snapshotWriteMs: round(writeMs),
    snapshotLongestPauseMs: round(longestPauseMs),
    incidentsInMemory: Object.keys(state.incidents).length,
  };
}

/** Journal.writeSnapshot of `state` (to a scratch journal), with a ticker timing the event loop's longest pause. */
async function snapshotPauses(state: BoardState): Promise<{ longestPauseMs: number; writeMs: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-bench-snap-'));
  const { journal } = await Journal.open(dir);
  let last = performance.now();
  let longestPauseMs = 0;
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    longestPauseMs = Math.max(longestPauseMs, now - last);
    last = now;
    if (ticking) setImmediate(tick);
  };
  try {
    const t0 = performance.now();
    setImmediate(tick);
    await journal.writeSnapshot(state);
    ticking = false;
    return { longestPauseMs, writeMs: performance.now() - t0 };
  } finally {
    await journal.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** For reference only: reading and parsing every record, what a start without snapshot must at least do. */
async function measureParseAll(dir: string): Promise<{ ms: number }> {
  const t0 = performance.now();
  const bytes = await readFile(join(dir, EVENTS_FILE));
  let offset = 0;
  let count = 0;
  while (offset < bytes.length) {
    const newline = bytes.indexOf(0x0a, offset);
    const end = newline === -1 ? bytes.length : newline;
    count += (JSON.parse(bytes.subarray(offset + 9, end).toString('utf8')) as { events: unknown[] }).events.length;
    offset = end + 1;
  }
  if (count === 0) throw new Error('empty journal');
  return { ms: performance.now() - t0 };
}

/**
 * Checks the generator's shortcuts: three simulated days (retention 5 h, so archiving happens)
 * generated with the fast driver and with ticks and due instants computed on the whole state,
 * as CommandBus and the Scheduler do, must give the same journal bytes.
 */
async function verifyGenerator(): Promise<{ same: boolean; events: number; fast: string; full: string }> {
  const run = async (fast: boolean) => {
    const start = Date.UTC(2025, 0, 6);
    const clock = { now: start };
    const hash = createHash('sha256');
    let events = 0;
    const initial: BoardState = { ...initialState, plan: { ...initialState.plan, retentionMs: 5 * 3_600_000 } };
    const driver = new MemoryDriver(
      initial,
      clock,
      (batch) => {
        hash.update(encodeRecord({ events: batch }));
        events += batch.length;
      },
      fast,
    );
    await new ControlRoom(driver, clock, { seed: 7, incidentsPerHour: 20 }).runUntil(start + 3 * 86_400_000);
    return { digest: hash.digest('hex'), events };
  };
  const fast = await run(true);
  const full = await run(false);
  return { same: fast.digest === full.digest && fast.events === full.events, events: fast.events, fast: fast.digest, full: full.digest };
}

async function bench(): Promise<BenchResult> {
  const began = performance.now();
  const root = await mkdtemp(join(tmpdir(), 'kiosk-bench-cold-'));
  try {
    const genStart = performance.now();
    const generated = await generate(root);
    const generationSeconds = (performance.now() - genStart) / 1000;
    const rows: Row[] = [];
    const details: Record<string, unknown> = { generationSeconds: round(generationSeconds), repeats: REPEATS };
    for (const size of SIZES) {
      const dir = join(root, String(size), 'journal');
      const opens: number[] = [];
      const floors: number[] = [];
      let last: { seq: number; incidents: number; heapMB: number } | null = null;
      // Alternate product and floor, each in a fresh process, so both see the same page cache and machine.
      for (let i = 0; i < REPEATS; i += 1) {
        const open = await forkJson<{ ms: number; seq: number; incidents: number; heapMB: number }>(SELF, ['open', dir]);
        const floor = await forkJson<{ ms: number; parsedBytes: number }>(SELF, ['floor', dir]);
        opens.push(open.ms);
        floors.push(floor.ms);
        last = open;
      }
      // Reference only, and only where it is cheap: parsing every record (a start without snapshot).
      const parseAll = size <= 100_000 ? await forkJson<{ ms: number }>(SELF, ['parseall', dir]) : null;
      const breakdown = await forkJson<Record<string, number>>(SELF, ['breakdown', dir]);
      const info = generated.get(size) as Generated;
      if (last === null || last.seq !== info.events) throw new Error(`replayed to seq ${last?.seq}, expected ${info.events}`);
      const value = median(opens);
      const floor = median(floors);
      const label = size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`;
      rows.push({
        bench: '3 Cold start',
        figure: `${label} events: Journal.open → ready (median of ${REPEATS})`,
        value: round(value),
        unit: 'ms',
        floor: round(floor),
        ratio: round(ratio(value, floor)),
        target: size === 100_000 ? '≤ 1000 ms' : null,
        pass: size === 100_000 ? value <= 1000 : null,
      });
      details[label] = {
        ...info,
        fileMB: round(info.bytes / 2 ** 20),
        snapshotMB: round(info.snapshotBytes / 2 ** 20),
        openMs: opens.map(round),
        floorMs: floors.map(round),
        parseAllRecordsMs: parseAll === null ? null : round(parseAll.ms),
        openBreakdownMs: breakdown,
        incidentsInState: last.incidents,
        heapAfterOpenMB: round(last.heapMB),
        diskBytes: (await stat(join(dir, EVENTS_FILE))).size,
      };
    }
    // Benchmark 1 again, on the host started on the million-event journal: a board with history.
    const largest = SIZES[SIZES.length - 1] as number;
    const dataDir = join(root, String(largest));
    const t0 = performance.now();
    const host = await spawnHost(SERVE, dataDir, 300_000);
    const hostStartMs = performance.now() - t0;
    try {
      const state = (await (await fetch(new URL('api/v1/state', host.url))).json()) as { value: { active: unknown[]; recent: unknown[] } };
      const trips = await measureRoundTrips(host.url, dataDir, WARMUP, MEASURED);
      const info = generated.get(largest) as Generated;
      const report = roundTripReport(
        trips,
        `board with ${round(info.simulatedDays)} days of journal (1M events, ${info.incidentsKeptNow} incidents in memory)`,
      );
      rows.push(...report.rows);
      details.roundTripOnHistory = { ...report.details, hostStartMs: round(hostStartMs), activeAtStart: state.value.active.length };
    } finally {
      await host.stop();
    }
    return { name: 'coldstart', rows, details, seconds: round((performance.now() - began) / 1000) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const [mode, dir] = process.argv.slice(2);
if (mode === 'open') answerParent(() => measureOpen(dir as string));
else if (mode === 'floor') answerParent(() => measureFloor(dir as string));
else if (mode === 'parseall') answerParent(() => measureParseAll(dir as string));
else if (mode === 'breakdown') answerParent(() => measureBreakdown(dir as string));
else if (mode === 'verify') answerParent(verifyGenerator);
else if (mode === 'generate') answerParent(async () => Object.fromEntries(await generate(dir as string)));
else answerParent(bench);
