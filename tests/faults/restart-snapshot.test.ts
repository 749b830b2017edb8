import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evolveAll } from '../../electron/core/evolve.js';
import { EVENTS_FILE, Journal, SNAPSHOT_FILE } from '../../electron/services/journal.js';
import { raise } from '../helpers/commands.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { FaultPlan, faultyJournalFiles } from './fault-layer.js';
import { decideEvents } from './journal-helpers.js';

const tempDir = useTempDirs();

/** A journal of `count` raise events written in one run that never snapshotted (it was killed). */
async function unsnapshotted(count: number) {
  const dir = await tempDir();
  const opened = await Journal.open(dir);
  let state = opened.state;
  for (let i = 0; i < count; i += 1) {
    const events = decideEvents(state, raise({ incidentId: `r${i}` }));
    await opened.journal.append(events);
    state = evolveAll(state, events);
  }
  await opened.journal.close();
  expect(await readdir(dir)).toEqual([EVENTS_FILE]);
  return { dir, state };
}

describe('start-up after runs that never reached a snapshot (crashes, short runs)', () => {
  it('a long replay is followed by a fresh snapshot, so the next start replays nothing', async () => {
    const { dir, state } = await unsnapshotted(1_050);
    const first = await Journal.open(dir);
    expect(first.state).toEqual(state);
    await first.journal.close();
    const snapshot = JSON.parse((await readFile(join(dir, SNAPSHOT_FILE))).subarray(9).toString('utf8')) as { seq: number; offset: number };
    expect(snapshot).toMatchObject({ seq: state.seq, offset: (await stat(join(dir, EVENTS_FILE))).size });
    const second = await Journal.open(dir);
    expect(second.state).toEqual(state);
    await second.journal.close();
  });

  it('a short replay writes none; a snapshot that cannot be written does not stop start-up', async () => {
    const { dir, state } = await unsnapshotted(30);
    await (await Journal.open(dir)).journal.close();
    expect(await readdir(dir)).toEqual([EVENTS_FILE]);

    const plan = new FaultPlan().fail('rename', 'EPERM');
    const opened = await Journal.open(dir, Date.now, { files: faultyJournalFiles(plan), snapshotAfterReplay: 10 });
    expect(opened.state).toEqual(state);
    expect(plan.failures.rename).toBeGreaterThan(0);
    expect(await readdir(dir)).toEqual([EVENTS_FILE]);
    await opened.journal.close();
  });
});
