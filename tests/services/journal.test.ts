import { appendFile, readFile, readdir, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../electron/core/contract/commands.js';
import { decide } from '../../electron/core/decide.js';
import type { DomainEvent } from '../../electron/core/events.js';
import { evolveAll } from '../../electron/core/evolve.js';
import { initialState, type BoardState } from '../../electron/core/state.js';
import { EVENTS_FILE, Journal, JournalDamageError, SNAPSHOT_FILE } from '../../electron/services/journal.js';
import { raise } from '../helpers/commands.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

/** Appends `count` raise + acknowledge pairs through the real journal, as the bus would. */
async function record(journal: Journal, start: BoardState, count: number): Promise<BoardState> {
  let state = start;
  for (let i = 0; i < count; i += 1) {
    for (const input of [raise(), { type: 'acknowledge', incidentId: `inc-${state.lastNumber + 1}` }]) {
      const command = parseCommand(input, 'tester');
      if (!command.ok) throw new Error(command.error.message);
      const decision = decide(state, command.value, 1_700_000_000_000 + state.seq);
      if (!decision.ok) throw new Error(decision.error.message);
      await journal.append(decision.value);
      state = evolveAll(state, decision.value);
    }
  }
  return state;
}

describe('journal', () => {
  it('keeps every confirmed record across a reopen', async () => {
    const dir = await tempDir();
    const first = await Journal.open(dir);
    const written = await record(first.journal, first.state, 5);
    await first.journal.close();

    const reopened = await Journal.open(dir);
    expect(reopened.warnings).toEqual([]);
    expect(reopened.state).toEqual(written);
    expect(reopened.state.seq).toBe(10);
    await reopened.journal.close();
  });

  it('starts empty in a new directory and creates it', async () => {
    const dir = join(await tempDir(), 'nested', 'journal');
    const opened = await Journal.open(dir);
    expect(opened.state).toEqual(initialState);
    expect((await readdir(dir)).sort()).toEqual([EVENTS_FILE]);
    await opened.journal.close();
  });

  it.each([1, 9, 10, 40, -2, -1])('cuts a torn last record (cut at %i) and reports it with a copy of the bytes', async (cut) => {
    const dir = await tempDir();
    const first = await Journal.open(dir);
    await record(first.journal, first.state, 3);
    await first.journal.close();
    const path = join(dir, EVENTS_FILE);
    const whole = await readFile(path);
    const lastStart = whole.lastIndexOf(0x0a, whole.length - 2) + 1;
    const tornAt = cut > 0 ? lastStart + cut : whole.length + cut;
    await truncate(path, tornAt);

    const reopened = await Journal.open(dir);
    expect(reopened.state.seq).toBe(5);
    expect(reopened.warnings).toHaveLength(1);
    const warning = reopened.warnings[0]!;
    expect(warning).toMatchObject({ kind: 'journalTornTail', file: path, offset: lastStart });
    expect((await stat(path)).size).toBe(lastStart);
    expect(await readFile(warning.copy!)).toEqual(whole.subarray(lastStart, tornAt));

    // the journal goes on from the last whole record
    const after = await record(reopened.journal, reopened.state, 1);
    await reopened.journal.close();
    const again = await Journal.open(dir);
    expect(again.warnings).toEqual([]);
    expect(again.state).toEqual(after);
    await again.journal.close();
  });

  it('treats a scribbled last record that still ends in a newline as torn', async () => {
    const dir = await tempDir();
    const first = await Journal.open(dir);
    await record(first.journal, first.state, 2);
    await first.journal.close();
    await appendFile(join(dir, EVENTS_FILE), Buffer.alloc(64, 0).toString() + '\n');
    const reopened = await Journal.open(dir);
    expect(reopened.state.seq).toBe(4);
    expect(reopened.warnings.map((w) => w.kind)).toEqual(['journalTornTail']);
    await reopened.journal.close();
  });

  it('stops with file and byte offset when a record in the middle is damaged', async () => {
    const dir = await tempDir();
    const first = await Journal.open(dir);
    await record(first.journal, first.state, 3);
    await first.journal.close();
    const path = join(dir, EVENTS_FILE);
    const bytes = await readFile(path);
    const secondRecord = bytes.indexOf(0x0a) + 1;
    bytes[secondRecord + 30] = bytes[secondRecord + 30]! ^ 0x01;
    await writeFile(path, bytes);

    const failure = await Journal.open(dir).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(JournalDamageError);
    expect(failure).toMatchObject({ file: path, offset: secondRecord });
    expect((failure as Error).message).toContain(`${path} at byte ${secondRecord}`);
    expect(await readFile(path)).toEqual(bytes); // nothing was "repaired" away
  });

  it('stops when sequence numbers jump, even with good checksums', async () => {
    const dir = await tempDir();
    const first = await Journal.open(dir);
    const state = await record(first.journal, first.state, 1);
    const skipped: DomainEvent = { seq: state.seq + 2, at: 1, actor: 'x', incidentId: 'inc-1', type: 'noteAdded', text: 'late' };
    await first.journal.append([skipped]);
    await first.journal.append([{ ...skipped, seq: state.seq + 3 }]);
    await first.journal.close();
    await expect(Journal.open(dir)).rejects.toThrow(/expected event seq 3, found 4/);
  });

  it('rebuilds from snapshot + tail exactly as from a full replay', async () => {
    const dir = await tempDir();
    const first = await Journal.open(dir);
    const middle = await record(first.journal, first.state, 4);
    await first.journal.writeSnapshot(middle);
    const end = await record(first.journal, middle, 3);
    await first.journal.close();

    const fromSnapshot = await Journal.open(dir);
    expect(fromSnapshot.state).toEqual(end);
    await fromSnapshot.journal.close();

    const snapshot = await readFile(join(dir, SNAPSHOT_FILE));
    await writeFile(join(dir, SNAPSHOT_FILE), snapshot.subarray(0, 20)); // unreadable: full replay
    const fullReplay = await Journal.open(dir);
    expect(fullReplay.state).toEqual(end);
    expect(fullReplay.warnings.map((w) => w.kind)).toEqual(['snapshotUnreadable']);
    expect(await readFile(fullReplay.warnings[0]!.copy!)).toEqual(snapshot.subarray(0, 20));
    await fullReplay.journal.close();
  });

  it('refuses further writes once a failed write could not be undone', async () => {
    const dir = await tempDir();
    const opened = await Journal.open(dir);
    await opened.journal.close(); // a closed handle makes every write fail for real (EBADF)
    const event: DomainEvent = { seq: 1, at: 1, actor: 't', incidentId: 'inc-1', type: 'noteAdded', text: 'x' };
    await expect(opened.journal.append([event])).rejects.toThrow(/EBADF|closed/);
    await expect(opened.journal.append([event])).rejects.toThrow(/journal unavailable/);
  });
});

describe('journal damage behind a snapshot', () => {
  it('still stops start-up, naming file and offset', async () => {
    const dir = await tempDir();
    const first = await Journal.open(dir);
    const state = await record(first.journal, first.state, 3);
    await first.journal.writeSnapshot(state);
    await first.journal.close();
    const path = join(dir, EVENTS_FILE);
    const bytes = await readFile(path);
    const second = bytes.indexOf(0x0a) + 1;
    bytes[second + 20] = 0x7a;
    await writeFile(path, bytes);
    await expect(Journal.open(dir)).rejects.toMatchObject({ file: path, offset: second });
  });
});
