/**
 * Group commit: commands that queue up while an fsync is under way go to disk together with the
 * next one, and none of them is answered, broadcast or readable before its bytes are durable. A
 * failed write voids its group and everything decided on top of it; the journal and the board
 * then hold exactly what was confirmed.
 */
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../electron/core/events.js';
import { CommandBus } from '../../electron/services/command-bus.js';
import { Journal } from '../../electron/services/journal.js';
import { raise } from '../helpers/commands.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { FaultPlan, faultyJournalFiles } from './fault-layer.js';

const tempDir = useTempDirs();

async function busOnDisk() {
  const dir = await tempDir();
  const plan = new FaultPlan();
  const opened = await Journal.open(dir, Date.now, { files: faultyJournalFiles(plan) });
  const bus = new CommandBus(opened.journal, opened.state, { clock: Date.now, defaultActor: () => 'tester' });
  const broadcast: DomainEvent[] = [];
  bus.subscribe(0, (message) => {
    if (message.kind === 'events') broadcast.push(...message.events);
  });
  return { dir, plan, bus, journal: opened.journal, broadcast };
}

describe('group commit', () => {
  it('100 commands sent at once take far fewer than 100 fsyncs, every one confirmed, the seqs dense', async () => {
    const { plan, bus, journal, dir } = await busOnDisk();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => bus.execute(raise({ incidentId: `g${i}` }), `client-${i % 5}`)),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(plan.calls.sync).toBeLessThan(20);
    const events = answers.flatMap((a) => (a.ok ? a.value.events : []));
    expect(events.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    await journal.close();
    const reopened = await Journal.open(dir);
    expect(reopened.state.seq).toBe(events.length);
    expect(Object.keys(reopened.state.incidents)).toHaveLength(100);
    await reopened.journal.close();
  });

  it('a failed fsync voids its group and what was decided on top; nothing of it is broadcast, readable or replayed', async () => {
    const { plan, bus, journal, dir, broadcast } = await busOnDisk();
    expect((await bus.execute(raise({ incidentId: 'before' }))).ok).toBe(true);
    plan.fail('sync', 'EIO', { times: 1 });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => bus.execute(raise({ incidentId: `v${i}` }), `c${i % 3}`)));
    const refused = answers.filter((a) => !a.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => !a.ok && a.error.code === 'storage')).toBe(true);
    const confirmed = answers.flatMap((a) => (a.ok ? [a.value.incidentId] : []));
    // The board, the broadcast and the journal agree on exactly the confirmed commands.
    expect(Object.keys(bus.state.incidents).sort()).toEqual(['before', ...confirmed].sort());
    expect(broadcast.flatMap((e) => (e.incidentId === null ? [] : [e.incidentId])).sort()).toEqual(['before', ...confirmed].sort());
    expect((await bus.execute(raise({ incidentId: 'after' }))).ok).toBe(true);
    await bus.settled();
    await journal.close();
    const reopened = await Journal.open(dir);
    expect(Object.keys(reopened.state.incidents).sort()).toEqual(['after', 'before', ...confirmed].sort());
    expect(reopened.state.seq).toBe(bus.state.seq);
    await reopened.journal.close();
  });
});
