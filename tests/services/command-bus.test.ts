import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../electron/core/events.js';
import { CommandBus, type BoardMessage } from '../../electron/services/command-bus.js';
import { EVENTS_FILE, Journal, nodeJournalFiles, SNAPSHOT_FILE, type JournalFileLayer } from '../../electron/services/journal.js';
import { raise } from '../helpers/commands.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

async function openBus(dir: string, options: { replayWindow?: number; snapshotEvery?: number; files?: JournalFileLayer } = {}) {
  const { files, ...busOptions } = options;
  const opened = await Journal.open(dir, Date.now, files === undefined ? {} : { files });
  let now = 1_800_000_000_000;
  const bus = new CommandBus(opened.journal, opened.state, {
    clock: () => (now += 1000),
    defaultActor: () => 'Site operator',
    ...busOptions,
  });
  return { bus, journal: opened.journal };
}

const journaledSeqs = async (dir: string): Promise<number[]> =>
  (await readFile(join(dir, EVENTS_FILE), 'utf8'))
    .trim()
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => (JSON.parse(line.slice(9)) as { events: DomainEvent[] }).events.map((e) => e.seq));

describe('command bus', () => {
  it('answers ok only with events that are already in the journal file', async () => {
    const dir = await tempDir();
    const { bus, journal } = await openBus(dir);
    const result = await bus.execute(raise({ incidentId: 'fire-1' }));
    expect(result).toMatchObject({ ok: true, value: { seq: 1, incidentId: 'fire-1' } });
    expect(await journaledSeqs(dir)).toEqual([1]);
    await journal.close();
  });

  it('fills in the site operator when a command names no actor', async () => {
    const dir = await tempDir();
    const { bus, journal } = await openBus(dir);
    const result = await bus.execute({ type: 'raiseIncident', incidentType: 'injury', level: 'III', title: 'Cut hand' });
    expect(result.ok && result.value.events[0]?.actor).toBe('Site operator');
    await journal.close();
  });

  it('refuses invalid and impossible commands without writing or broadcasting', async () => {
    const dir = await tempDir();
    const { bus, journal } = await openBus(dir);
    const seen: BoardMessage[] = [];
    bus.subscribe(0, (m) => seen.push(m));
    expect(await bus.execute({ type: 'raiseIncident', level: 'II' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'incidentType' },
    });
    expect(await bus.execute({ type: 'acknowledge', incidentId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await bus.execute({ type: 'launchRocket' })).toMatchObject({ ok: false, error: { code: 'unknown_command', field: 'type' } });
    expect(seen).toEqual([]);
    expect(bus.state.seq).toBe(0);
    expect((await readFile(join(dir, EVENTS_FILE))).length).toBe(0);
    await journal.close();
  });

  it('runs concurrent commands one at a time with dense seq numbers', async () => {
    const dir = await tempDir();
    const { bus, journal } = await openBus(dir);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => bus.execute(raise({ incidentId: `c-${i}` }))));
    const seqs = results.map((r) => (r.ok ? r.value.seq : -1));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(20);
    // the eleventh raise within ten minutes also starts a flood: one more event, still no gap
    expect(await journaledSeqs(dir)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    await journal.close();
  });

  it('lets a subscriber resume after a seq, and sends a snapshot for a gap it cannot fill', async () => {
    const dir = await tempDir();
    const { bus, journal } = await openBus(dir, { replayWindow: 3 });
    for (let i = 0; i < 4; i += 1) await bus.execute(raise());

    const resumed: BoardMessage[] = [];
    bus.subscribe(3, (m) => resumed.push(m));
    expect(resumed).toEqual([{ kind: 'events', seq: 4, events: [expect.objectContaining({ seq: 4 })] }]);

    const upToDate: BoardMessage[] = [];
    bus.subscribe(4, (m) => upToDate.push(m));
    expect(upToDate).toEqual([]);

    // window keeps at most 2 × 3 events; push past it so seq 1 is forgotten
    for (let i = 0; i < 4; i += 1) await bus.execute(raise());
    const stale: BoardMessage[] = [];
    bus.subscribe(0, (m) => stale.push(m));
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({ kind: 'snapshot', seq: 8 });
    expect(stale[0]!.kind === 'snapshot' && Object.keys(stale[0]!.state.incidents)).toHaveLength(8);

    // live events reach every subscriber
    await bus.execute(raise());
    expect(upToDate.map((m) => m.seq)).toEqual([5, 6, 7, 8, 9]);
    expect(stale.at(-1)).toMatchObject({ kind: 'events', seq: 9 });
    await journal.close();
  });

  it('answers "not saved" and changes nothing when the journal cannot write', async () => {
    const dir = await tempDir();
    const { bus, journal } = await openBus(dir);
    await bus.execute(raise());
    const seen: BoardMessage[] = [];
    bus.subscribe(1, (m) => seen.push(m));
    await journal.close(); // real write failure from here on
    const result = await bus.execute(raise());
    expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(bus.state.seq).toBe(1);
    expect(seen).toEqual([]);
  });

  it('writes a snapshot every N events so start-up replays only the tail', async () => {
    const dir = await tempDir();
    const { bus, journal } = await openBus(dir, { snapshotEvery: 3 });
    for (let i = 0; i < 4; i += 1) await bus.execute(raise());
    await bus.settled();
    await journal.close();
    const snapshot = JSON.parse((await readFile(join(dir, 'snapshot.json'), 'utf8')).slice(9)) as { seq: number };
    expect(snapshot.seq).toBe(3);
    const reopened = await Journal.open(dir);
    expect(reopened.state).toEqual(bus.state);
    await reopened.journal.close();
  });

  it('confirms commands while a snapshot is still being written, and the snapshot covers its own point', async () => {
    // A slow disk holds the snapshot's rename; an escalation must not wait behind it.
    const dir = await tempDir();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const files: JournalFileLayer = {
      ...nodeJournalFiles,
      rename: async (from, to) => {
        if (to.endsWith(SNAPSHOT_FILE)) await held;
        return nodeJournalFiles.rename(from, to);
      },
    };
    const { bus, journal } = await openBus(dir, { snapshotEvery: 2, files });
    for (let i = 0; i < 5; i += 1) expect((await bus.execute(raise())).ok).toBe(true);
    expect(await journaledSeqs(dir)).toEqual([1, 2, 3, 4, 5]);
    release();
    await bus.settled();
    await journal.close();

    // One snapshot at a time: the one begun at seq 2. Commands 3–5 came while it was written.
    const snapshot = JSON.parse((await readFile(join(dir, SNAPSHOT_FILE), 'utf8')).slice(9)) as { seq: number };
    expect(snapshot.seq).toBe(2);
    const reopened = await Journal.open(dir);
    expect(reopened.state).toEqual(bus.state);
    await reopened.journal.close();
  });
});
