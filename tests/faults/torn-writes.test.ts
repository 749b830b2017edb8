import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../electron/core/events.js';
import { evolveAll } from '../../electron/core/evolve.js';
import { EVENTS_FILE, Journal, SNAPSHOT_FILE } from '../../electron/services/journal.js';
import { raise } from '../helpers/commands.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { decideEvents, eventsOnDisk } from './journal-helpers.js';

const T0 = Date.UTC(2026, 10, 29, 8, 0, 0);

const tempDir = useTempDirs();

/**
 * A journal of a few commands whose last record holds multi-byte UTF-8 (Chinese text), so that
 * cuts also fall inside a character. Returns the state before and after the last record.
 */
async function journalWithLastRecord(dir: string, snapshotBeforeLast: boolean) {
  const opened = await Journal.open(dir);
  let state = opened.state;
  const append = async (input: Parameters<typeof decideEvents>[1]) => {
    const events = decideEvents(state, input);
    await opened.journal.append(events);
    state = evolveAll(state, events);
  };
  await append(raise({ incidentId: 'fire-1', title: '3号仓库冒烟' }));
  await append({ type: 'acknowledge', incidentId: 'fire-1' });
  await append(raise({ incidentId: 'injury-2', incidentType: 'injury', level: 'III', title: 'Fall at dock 4' }));
  const before = state;
  if (snapshotBeforeLast) await opened.journal.writeSnapshot(before);
  await append({ type: 'addNote', incidentId: 'fire-1', text: '消防队10:14到达现场，已疏散B3区域人员 — fire brigade on site' });
  const after = state;
  await opened.journal.close();
  const path = join(dir, EVENTS_FILE);
  const whole = await readFile(path);
  const lastStart = whole.lastIndexOf(0x0a, whole.length - 2) + 1;
  const lastRecord = (JSON.parse(whole.subarray(lastStart + 9, whole.length - 1).toString('utf8')) as { events: DomainEvent[] }).events;
  return { path, whole, lastStart, lastRecord, before, after };
}

/** Opens a journal whose file is `bytes`, checks what start-up did, then appends once more and reopens. */
async function expectCutAndRecovered(
  dir: string,
  { path, lastStart, lastRecord, before, after }: Awaited<ReturnType<typeof journalWithLastRecord>>,
  bytes: Buffer,
  clock: number,
): Promise<void> {
  await writeFile(path, bytes);
  const reopened = await Journal.open(dir, () => clock);
  const torn = bytes.length > lastStart;
  try {
    expect(reopened.state).toEqual(before);
    if (torn) {
      expect(reopened.warnings).toHaveLength(1);
      const warning = reopened.warnings[0]!;
      expect(warning).toMatchObject({ kind: 'journalTornTail', file: path, offset: lastStart });
      expect(await readFile(warning.copy!)).toEqual(bytes.subarray(lastStart));
      await rm(warning.copy!);
    } else {
      expect(reopened.warnings).toEqual([]);
    }
    expect((await stat(path)).size).toBe(lastStart);
    // the journal goes on from the last whole record: the lost command, sent again, lands once
    await reopened.journal.append(lastRecord);
  } finally {
    await reopened.journal.close();
  }
  const again = await Journal.open(dir, () => clock);
  expect(again.warnings).toEqual([]);
  expect(again.state).toEqual(after);
  await again.journal.close();
}

describe('torn last record, at every byte offset', () => {
  it.each([
    ['without a snapshot', false],
    ['with a snapshot covering everything before it', true],
  ])('cut at each offset (%s): start-up cuts it, reports it with a copy, keeps everything before', async (_, snapshot) => {
    const dir = await tempDir();
    const journal = await journalWithLastRecord(dir, snapshot);
    const { whole, lastStart } = journal;
    const recordLength = whole.length - lastStart;
    expect(recordLength).toBeGreaterThan(100);
    if (snapshot) {
      const covered = JSON.parse((await readFile(join(dir, SNAPSHOT_FILE))).subarray(9).toString('utf8')) as { offset: number };
      expect(covered.offset).toBe(lastStart);
    }
    for (let cut = 0; cut < recordLength; cut += 1) {
      await expectCutAndRecovered(dir, journal, whole.subarray(0, lastStart + cut), T0 + cut);
    }
    console.log(
      `[faults] torn last record (${snapshot ? 'after a snapshot' : 'no snapshot'}): cut at all ${recordLength} offsets, each cut off, reported and recovered`,
    );
    expect((await readdir(dir)).filter((f) => f.startsWith('torn-'))).toEqual([]);
  });

  it('zero-filled from each offset to the end (size grew, data never arrived): the same', async () => {
    const dir = await tempDir();
    const journal = await journalWithLastRecord(dir, false);
    const { whole, lastStart } = journal;
    for (let from = 0; from < whole.length - lastStart; from += 1) {
      const bytes = Buffer.from(whole);
      bytes.fill(0, lastStart + from);
      await expectCutAndRecovered(dir, journal, bytes, T0 + from);
    }
  });

  it('the recovered journal holds every earlier event exactly once, in order', async () => {
    const dir = await tempDir();
    const { path, whole, lastStart, before } = await journalWithLastRecord(dir, false);
    await writeFile(path, whole.subarray(0, lastStart + 7));
    const reopened = await Journal.open(dir);
    await reopened.journal.close();
    const { events } = await eventsOnDisk(path);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: before.seq }, (_, i) => i + 1));
  });
});
