/**
 * Benchmark 1: command round trip over the real WebSocket, on a new board. A client sends
 * commands one at a time to the host (a separate process, started from the compiled serve.ts)
 * and waits for both the broadcast events and the reply: validate → decide → append + fsync →
 * evolve → broadcast. Floor: right after each round trip, the same record bytes are appended and
 * fsync'd to a file in the journal's directory with node:fs/promises (interleaved, so both see the
 * same disk and load). The same measurement on a board with months of history runs in
 * coldstart.ts, on its generated journal.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerParent, type BenchResult, type Row } from './lib/child.js';
import { spawnHost } from './lib/host.js';
import { measureRoundTrips, ROUND_TRIP_MIX, type RoundTrips } from './lib/roundtrip-client.js';
import { round, roundSummary, summarize } from './lib/stats.js';
import { ratio } from './lib/child.js';

export const WARMUP = 50;
export const MEASURED = 500;
export const SERVE = fileURLToPath(new URL('../../electron/host/serve.js', import.meta.url));

/** The table rows and JSON details of one round-trip measurement. */
export function roundTripReport(r: RoundTrips, board: string): { rows: Row[]; details: Record<string, unknown> } {
  const p = summarize(r.product);
  const f = summarize(r.floor);
  const limit = 2 * f.p99 + 5;
  const bench = '1 Command round trip (WebSocket)';
  return {
    rows: [
      {
        bench,
        figure: `p50 of ${r.product.length}, ${board}`,
        value: round(p.p50),
        unit: 'ms',
        floor: round(f.p50),
        ratio: round(ratio(p.p50, f.p50)),
        target: null,
        pass: null,
      },
      {
        bench,
        figure: `p99 of ${r.product.length}, ${board}`,
        value: round(p.p99),
        unit: 'ms',
        floor: round(f.p99),
        ratio: round(ratio(p.p99, f.p99)),
        target: `≤ 2 × floor p99 + 5 ms (${round(limit)} ms)`,
        pass: p.p99 <= limit,
      },
    ],
    details: {
      board,
      commands: r.product.length,
      warmup: WARMUP,
      mix: ROUND_TRIP_MIX,
      roundTripMs: roundSummary(p),
      floorAppendFsyncMs: roundSummary(f),
      floorBytesEqualJournal: r.sameBytes,
      appendedBytes: r.appendedBytes,
    },
  };
}

async function bench(): Promise<BenchResult> {
  const began = performance.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-bench-rt-'));
  const host = await spawnHost(SERVE, dataDir);
  try {
    const report = roundTripReport(await measureRoundTrips(host.url, dataDir, WARMUP, MEASURED), 'new board');
    return { name: 'roundtrip', rows: report.rows, details: report.details, seconds: round((performance.now() - began) / 1000) };
  } finally {
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) answerParent(bench);
