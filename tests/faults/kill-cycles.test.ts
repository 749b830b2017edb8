import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ServerMessage } from '../../electron/core/contract/contract.js';
import { EVENTS_FILE, Journal } from '../../electron/services/journal.js';
import { raise } from '../helpers/commands.js';
import { SERVE_SCRIPT } from '../helpers/host-process.js';
import { random } from '../helpers/random.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { eventsOnDisk } from './journal-helpers.js';

/**
 * SIGKILL at random moments, over and over, against the built host in a child process
 * (`npm run build:node` first; `npm run test:faults` does it). FAULT_CYCLES=1000 for the long run;
 * FAULT_SEED replays a run.
 */
const CYCLES = Number(process.env.FAULT_CYCLES ?? 100);
const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const HTTP_CLIENTS = 3;
const COMMANDS_PER_CLIENT = 10;
/** raises give way to resolves beyond this many active incidents */
const MAX_OPEN = 30;
/**
 * The kill comes 0..KILL_WINDOW_MS after the burst starts: mostly mid-burst, sometimes after it.
 * A fresh process answers its first commands slowly (JIT, first fsyncs), hence the width.
 */
const KILL_WINDOW_MS = 150;
/** one cycle in STARTUP_KILL_EVERY is killed while starting (replaying, cutting a torn tail, listening) */
const STARTUP_KILL_EVERY = 5;

const tempDir = useTempDirs();
const live = new Set<ChildProcess>();

/**
 * The run uses its own copy of the built host, taken once at the start: other people rebuilding
 * dist/ during a long run must not swap modules under it. The copy sits under node_modules/.cache
 * so that the host still resolves its dependencies from the project's node_modules.
 */
const COPY_ROOT = fileURLToPath(new URL(`../../node_modules/.cache/kill-cycles-${process.pid}/`, import.meta.url));
const COPIED_SERVE = join(COPY_ROOT, 'electron', 'host', 'serve.js');
beforeAll(async () => {
  if (!existsSync(SERVE_SCRIPT)) throw new Error(`${SERVE_SCRIPT} is missing: run npm run build:node first`);
  await mkdir(COPY_ROOT, { recursive: true });
  await cp(dirname(dirname(SERVE_SCRIPT)), join(COPY_ROOT, 'electron'), { recursive: true });
  await writeFile(join(COPY_ROOT, 'package.json'), '{"type":"module"}\n');
});
afterAll(() => rm(COPY_ROOT, { recursive: true, force: true }));

interface HostProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

/** Runs the copied host as a real child process; resolves when it serves. */
function spawnHost(args: string[], timeoutMs = 20_000): Promise<HostProcess> {
  const child = spawn(process.execPath, [COPIED_SERVE, '--no-watchdog', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in time:\n${stderr}`)), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Serving (http:\/\/\S+)/.exec(stdout);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ url: match[1], child, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code} before serving:\n${stderr}`));
    });
  });
}
afterEach(() => {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
});

interface Ledger {
  /** raises, notes and resolves some client saw answered ok */
  readonly raises: Set<string>;
  readonly notes: Set<string>;
  readonly resolves: Set<string>;
  /** active incidents the clients know of (confirmed, or seen on the board after a restart) */
  readonly open: Set<string>;
  /** sent but never answered (the host died first) or answered with an error */
  readonly unanswered: Set<string>;
  maxSeq: number;
}

type Outcome = { ok: true; seq: number } | { ok: false; answered: boolean };

async function postCommand(url: string, command: unknown): Promise<Outcome> {
  try {
    const response = await fetch(new URL('/api/v1/commands', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(command),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { ok: boolean; value?: { seq: number } };
    return body.ok ? { ok: true, seq: body.value!.seq } : { ok: false, answered: true };
  } catch {
    return { ok: false, answered: false };
  }
}

/** One WebSocket view that also sends commands, as a console does. */
async function socketClient(url: string): Promise<((command: unknown) => Promise<Outcome>) & { close(): void }> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}api/v1/socket`);
  const pending = new Map<string, (outcome: Outcome) => void>();
  let n = 0;
  const failAll = () => {
    for (const resolve of pending.values()) resolve({ ok: false, answered: false });
    pending.clear();
  };
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as ServerMessage;
    if (message.kind !== 'reply') return;
    const resolve = pending.get(message.requestId);
    pending.delete(message.requestId);
    resolve?.(message.result.ok ? { ok: true, seq: message.result.value.seq } : { ok: false, answered: true });
  });
  socket.on('close', failAll);
  socket.on('error', failAll);
  await new Promise<void>((resolve) => {
    socket.once('open', () => resolve());
    socket.once('error', () => resolve());
    socket.once('close', () => resolve());
  });
  const send = (command: unknown) =>
    new Promise<Outcome>((resolve) => {
      if (socket.readyState !== socket.OPEN) return resolve({ ok: false, answered: false });
      const requestId = `r${(n += 1)}`;
      pending.set(requestId, resolve);
      socket.send(JSON.stringify({ kind: 'command', requestId, command }));
    });
  return Object.assign(send, { close: () => socket.terminate() });
}

/**
 * A client sends its commands one after another until done or the host is gone: raises with its
 * own incident ids, notes with unique texts, and resolves, which keep the board to a few dozen
 * active incidents as in a real control room (thousands of never-resolved incidents would turn a
 * long run into a test of escalation storms instead of crash safety).
 */
async function client(name: string, send: (command: unknown) => Promise<Outcome>, ledger: Ledger, rng: () => number): Promise<void> {
  for (let i = 0; i < COMMANDS_PER_CLIENT; i += 1) {
    const open = [...ledger.open];
    const pick = () => open[Math.floor(rng() * open.length)]!;
    const key = `${name}-${i}`;
    const roll = rng();
    const kind = open.length === 0 || (roll < 0.4 && open.length < MAX_OPEN) ? 'raise' : roll < 0.4 || roll > 0.85 ? 'resolve' : 'note';
    const target = kind === 'raise' ? `k${key}` : pick();
    if (kind === 'resolve') ledger.open.delete(target); // no one else picks it while this is in flight
    const command =
      kind === 'raise'
        ? raise({ incidentId: target, title: `Kill test ${key}` })
        : kind === 'note'
          ? { type: 'addNote', incidentId: target, text: `note ${key}` }
          : { type: 'resolve', incidentId: target, summary: `resolved by ${key}` };
    const outcome = await send(command);
    if (outcome.ok) {
      if (kind === 'raise') {
        ledger.raises.add(target);
        ledger.open.add(target);
      } else if (kind === 'note') ledger.notes.add(`note ${key}`);
      else ledger.resolves.add(target);
      ledger.maxSeq = Math.max(ledger.maxSeq, outcome.seq);
    } else {
      ledger.unanswered.add(key);
      if (!outcome.answered) return; // the host is gone
    }
  }
}

/** Starts the host and kills it at a random moment of its start-up (replay, torn-tail repair, listen). */
async function killDuringStartup(dataDir: string, rng: () => number): Promise<void> {
  const child = spawn(process.execPath, [COPIED_SERVE, '--no-watchdog', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  live.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  // module loading takes about half a second: aim mostly at opening settings and the journal
  setTimeout(() => child.kill('SIGKILL'), 300 + rng() * 900);
  const { code, signal } = await exited;
  live.delete(child);
  // it either died by our SIGKILL, or it had started and was killed while serving; never anything else
  if (signal !== 'SIGKILL') throw new Error(`host exited by itself with ${code} during start-up:\n${stderr}`);
}

describe('kill cycles: SIGKILL at random moments, restart, repeat', () => {
  it(
    `keeps every confirmed command exactly once over ${CYCLES} cycles (seed ${SEED})`,
    async () => {
      const dataDir = await tempDir();
      const rng = random(SEED);
      const ledger: Ledger = {
        raises: new Set(),
        notes: new Set(),
        resolves: new Set(),
        open: new Set(),
        unanswered: new Set(),
        maxSeq: 0,
      };
      const started = Date.now();
      let startupKills = 0;
      let killedMidBurst = 0;
      let startupMs = 0;

      for (let cycle = 0; cycle < CYCLES; cycle += 1) {
        if (cycle % STARTUP_KILL_EVERY === STARTUP_KILL_EVERY - 1) {
          await killDuringStartup(dataDir, rng);
          startupKills += 1;
          continue;
        }
        const spawnedAt = Date.now();
        let host: HostProcess;
        try {
          host = await spawnHost(['--port', '0', '--data', dataDir]); // the journal must always open
        } catch (error) {
          throw new Error(`cycle ${cycle} (seed ${SEED}): ${(error as Error).message}`);
        }
        startupMs += Date.now() - spawnedAt;

        // nothing confirmed before the last kill is missing after the restart
        const view = (await (await fetch(new URL('/api/v1/state', host.url))).json()) as {
          value: { seq: number; active: { id: string }[] };
        };
        expect(view.value.seq, `cycle ${cycle} (seed ${SEED})`).toBeGreaterThanOrEqual(ledger.maxSeq);
        // what the board shows active is what the clients work on (this adopts raises that were
        // written but never answered, and drops resolves that were written but never answered)
        ledger.open.clear();
        for (const incident of view.value.active) ledger.open.add(incident.id);

        const socket = await socketClient(host.url);
        const clients = [
          ...Array.from({ length: HTTP_CLIENTS }, (_, c) =>
            client(`${cycle}-h${c}`, (command) => postCommand(host.url, command), ledger, rng),
          ),
          client(`${cycle}-w`, socket, ledger, rng),
        ];
        let burstDone = false;
        const burst = Promise.all(clients).then(() => (burstDone = true));
        await new Promise((resolve) => setTimeout(resolve, rng() * KILL_WINDOW_MS));
        if (!burstDone) killedMidBurst += 1;
        host.child.kill('SIGKILL');
        await host.exited;
        live.delete(host.child);
        await burst;
        socket.close();
      }

      // After the last kill the journal opens (cutting a torn tail if there is one) ...
      const journalDir = join(dataDir, 'journal');
      const opened = await Journal.open(journalDir);
      expect(opened.state.seq).toBeGreaterThanOrEqual(ledger.maxSeq);
      await opened.journal.close();
      // ... and holds every confirmed command exactly once, with dense seq numbers.
      const { events } = await eventsOnDisk(join(journalDir, EVENTS_FILE));
      const count = (values: (string | null)[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string | null, number>());
      const raised = count(events.filter((e) => e.type === 'incidentRaised').map((e) => e.incidentId));
      const noted = count(events.flatMap((e) => (e.type === 'noteAdded' ? [e.text] : [])));
      const resolved = count(events.filter((e) => e.type === 'incidentResolved').map((e) => e.incidentId));
      for (const id of ledger.raises) expect(raised.get(id), `raise ${id} (seed ${SEED})`).toBe(1);
      for (const text of ledger.notes) expect(noted.get(text), `${text} (seed ${SEED})`).toBe(1);
      for (const id of ledger.resolves) expect(resolved.get(id), `resolve ${id} (seed ${SEED})`).toBe(1);
      // nothing twice, confirmed or not
      expect([...raised.values()].every((n) => n === 1)).toBe(true);
      expect([...noted.values()].every((n) => n === 1)).toBe(true);
      expect([...resolved.values()].every((n) => n === 1)).toBe(true);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));

      const tornTails = (await readdir(journalDir)).filter((f) => f.startsWith('torn-')).length;
      const figures = {
        cycles: CYCLES,
        seed: SEED,
        seconds: Math.round((Date.now() - started) / 100) / 10,
        confirmedRaises: ledger.raises.size,
        confirmedNotes: ledger.notes.size,
        confirmedResolves: ledger.resolves.size,
        unansweredCommands: ledger.unanswered.size,
        keptUnanswered: raised.size - ledger.raises.size + (noted.size - ledger.notes.size) + (resolved.size - ledger.resolves.size),
        journalEvents: events.length,
        killedMidBurst,
        startupKills,
        tornTailsCut: tornTails,
        meanStartMs: Math.round(startupMs / (CYCLES - startupKills)),
      };
      console.log(`[faults] kill cycles ${JSON.stringify(figures)}`);
      expect(ledger.raises.size + ledger.notes.size + ledger.resolves.size).toBeGreaterThan(CYCLES / 2); // the cycles did real work
      expect(killedMidBurst).toBeGreaterThan(CYCLES / 5); // and many kills hit it mid-burst
    },
    CYCLES * 3_000 + 60_000,
  );
});
