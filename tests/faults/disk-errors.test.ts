import fc from 'fast-check';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { HostStatus, ServerMessage, StateView } from '../../electron/core/contract/contract.js';
import type { DomainEvent } from '../../electron/core/events.js';
import { evolveAll } from '../../electron/core/evolve.js';
import type { BoardState } from '../../electron/core/state.js';
import { EVENTS_FILE, Journal, SNAPSHOT_FILE, type StorageFault } from '../../electron/services/journal.js';
import { startKioskServices } from '../../electron/services/kiosk-services.js';
import { createLogger } from '../../electron/services/logger.js';
import { raise } from '../helpers/commands.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { FaultPlan, faultyJournalFiles, type FaultyOp } from './fault-layer.js';
import { decideEvents, eventsOnDisk } from './journal-helpers.js';
import { startHost, stopHost } from '../helpers/host-fixture.js';
import { until } from '../helpers/wait.js';

const tempDir = useTempDirs();

/** A journal on a real disk whose file layer can be told to fail. */
async function faultyJournal() {
  const dir = await tempDir();
  const plan = new FaultPlan();
  const opened = await Journal.open(dir, Date.now, { files: faultyJournalFiles(plan) });
  const path = join(dir, EVENTS_FILE);
  let state: BoardState = opened.state;
  const confirmed: DomainEvent[] = [];
  let n = 0;
  let failedSinceSuccess: DomainEvent[][] = [];
  /** Sends the next command (a raise, or a note on an incident that exists); true when confirmed. */
  const send = async (): Promise<{ ok: true } | { ok: false; error: NodeJS.ErrnoException }> => {
    n += 1;
    const existing = Object.keys(state.incidents)[0];
    const input =
      existing === undefined || n % 3 === 0
        ? raise({ incidentId: `x${n}` })
        : { type: 'addNote' as const, incidentId: existing, text: `note ${n}` };
    const events = decideEvents(state, input);
    try {
      await opened.journal.append(events);
    } catch (error) {
      failedSinceSuccess.push(events);
      return { ok: false, error: error as NodeJS.ErrnoException };
    }
    failedSinceSuccess = [];
    state = evolveAll(state, events);
    confirmed.push(...events);
    return { ok: true };
  };
  return { dir, path, plan, journal: opened.journal, send, confirmed, state: () => state, failedSinceSuccess: () => failedSinceSuccess };
}

describe('disk errors on append and on fsync (injected in the journal file layer)', () => {
  it.each<[string, FaultyOp, string, number]>([
    ['ENOSPC on write, nothing written', 'write', 'ENOSPC', 0],
    ['ENOSPC on write after 37 bytes reached the file', 'write', 'ENOSPC', 37],
    ['EIO on write after most of the record reached the file', 'write', 'EIO', 10_000],
    ['EIO on fsync', 'sync', 'EIO', 0],
    ['ENOSPC on fsync', 'sync', 'ENOSPC', 0],
  ])('%s: the command fails, the file is cut back to the last whole record, the next one succeeds', async (_, op, code, partial) => {
    const j = await faultyJournal();
    expect((await j.send()).ok).toBe(true);
    expect((await j.send()).ok).toBe(true);
    const before = await readFile(j.path);
    const faults: (StorageFault | null)[] = [];
    j.journal.onFaultChange((fault) => faults.push(fault));

    j.plan.fail(op, code, { times: 1, partial });
    const failed = await j.send();
    expect(failed).toMatchObject({ ok: false, error: { code } });
    expect(await readFile(j.path)).toEqual(before); // nothing of it stays
    expect(j.journal.fault).toMatchObject({ code, tailUncertain: false });

    expect((await j.send()).ok).toBe(true);
    expect(j.journal.fault).toBeNull();
    expect(faults.map((f) => f?.code ?? null)).toEqual([code, null]);
    await j.journal.close();

    const reopened = await Journal.open(j.dir);
    expect(reopened.warnings).toEqual([]);
    expect(reopened.state).toEqual(j.state());
    expect((await eventsOnDisk(j.path)).events).toEqual(j.confirmed);
    await reopened.journal.close();
  });

  it('when even the cut-back fails, it never writes after the partial record and recovers once the disk does', async () => {
    const j = await faultyJournal();
    expect((await j.send()).ok).toBe(true);
    const confirmedBytes = (await readFile(j.path)).length;
    const writesBefore = j.plan.calls.write;

    j.plan.fail('write', 'ENOSPC', { partial: 25 }).fail('truncate', 'EIO');
    expect(await j.send()).toMatchObject({ ok: false, error: { code: 'ENOSPC' } });
    expect(j.journal.fault).toMatchObject({ code: 'ENOSPC', tailUncertain: true });
    const withPartial = await readFile(j.path);
    expect(withPartial.length).toBe(confirmedBytes + 25); // the partial record is still there

    for (let i = 0; i < 5; i += 1) {
      const refused = await j.send();
      expect(refused).toMatchObject({ ok: false });
      expect(String((refused as { error: Error }).error.message)).toMatch(/journal unavailable: it could not be cut back/);
      expect(await readFile(j.path)).toEqual(withPartial); // nothing appended after a partial record
    }
    expect(j.plan.calls.write - writesBefore).toBe(1); // the later attempts did not even try to write

    j.plan.clear();
    expect((await j.send()).ok).toBe(true);
    expect(j.journal.fault).toBeNull();
    expect((await eventsOnDisk(j.path)).events).toEqual(j.confirmed);
    await j.journal.close();
    const reopened = await Journal.open(j.dir);
    expect(reopened.warnings).toEqual([]); // no torn tail left behind: the repair cut it
    expect(reopened.state).toEqual(j.state());
    await reopened.journal.close();
  });

  it('when fsync keeps failing after the cut-back, the next append repairs first', async () => {
    const j = await faultyJournal();
    expect((await j.send()).ok).toBe(true);
    j.plan.fail('sync', 'EIO');
    expect(await j.send()).toMatchObject({ ok: false, error: { code: 'EIO' } });
    expect(j.journal.fault).toMatchObject({ tailUncertain: true });
    expect(await j.send()).toMatchObject({ ok: false });
    j.plan.clear();
    expect((await j.send()).ok).toBe(true);
    expect((await eventsOnDisk(j.path)).events).toEqual(j.confirmed);
    await j.journal.close();
  });

  it.each<[string, FaultyOp, string, number]>([
    ['ENOSPC after part of it reached the disk', 'write', 'ENOSPC', 100_000],
    ['EIO on its fsync', 'sync', 'EIO', 0],
  ])('a snapshot that fails (%s) leaves no temporary file, keeps the old one, and the next one works', async (_, op, code, partial) => {
    const j = await faultyJournal();
    for (let i = 0; i < 30; i += 1) await j.send();
    await j.journal.writeSnapshot(j.state());
    const oldSnapshot = await readFile(join(j.dir, SNAPSHOT_FILE));
    for (let i = 0; i < 30; i += 1) await j.send();

    j.plan.fail(op, code, { times: 1, partial });
    await expect(j.journal.writeSnapshot(j.state())).rejects.toMatchObject({ code });
    // A partial snapshot must not keep holding the space the journal's appends need.
    expect((await readdir(j.dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
    expect((await readFile(join(j.dir, SNAPSHOT_FILE))).equals(oldSnapshot)).toBe(true);
    expect((await j.send()).ok).toBe(true);

    await j.journal.writeSnapshot(j.state());
    await j.journal.close();
    const reopened = await Journal.open(j.dir);
    expect(reopened.warnings).toEqual([]);
    expect(reopened.state).toEqual(j.state());
    await reopened.journal.close();
  });

  it('property: under any sequence of write/fsync/truncate faults, the whole records on disk are exactly the confirmed ones', async () => {
    const step = fc.oneof(
      { arbitrary: fc.constant({ kind: 'send' as const }), weight: 5 },
      {
        arbitrary: fc.record({
          kind: fc.constant('fault' as const),
          op: fc.constantFrom<FaultyOp>('write', 'sync', 'truncate'),
          code: fc.constantFrom('ENOSPC', 'EIO'),
          times: fc.integer({ min: 1, max: 3 }),
          partial: fc.integer({ min: 0, max: 400 }),
        }),
        weight: 2,
      },
      { arbitrary: fc.constant({ kind: 'clear' as const }), weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const j = await faultyJournal();
        try {
          for (const s of steps) {
            if (s.kind === 'fault') j.plan.fail(s.op, s.code, { times: s.times, partial: s.partial });
            else if (s.kind === 'clear') j.plan.clear();
            else await j.send();
            const disk = await eventsOnDisk(j.path); // throws if a whole record follows a partial one
            if (j.journal.fault?.tailUncertain === true) {
              // The cut-back failed: the failed record may still be there, partly or wholly (never
              // confirmed, like a command in flight at a power cut); the next append cuts it first.
              expect(disk.events.slice(0, j.confirmed.length)).toEqual(j.confirmed);
              expect([[], ...j.failedSinceSuccess()]).toContainEqual(disk.events.slice(j.confirmed.length));
            } else {
              // otherwise exactly the confirmed records and no partial bytes
              expect(disk.events).toEqual(j.confirmed);
              expect(disk.size).toBe(disk.wholeBytes);
            }
          }
          j.plan.clear();
          expect((await j.send()).ok).toBe(true); // accepts commands again once the fault clears
          expect(j.journal.fault).toBeNull();
          await j.journal.close();
          const reopened = await Journal.open(j.dir);
          expect(reopened.warnings).toEqual([]);
          expect(reopened.state).toEqual(j.state());
          await reopened.journal.close();
        } finally {
          await j.journal.close().catch(() => undefined);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('disk errors seen from the board (real services, HTTP and WebSocket)', () => {
  async function startFaultyHost() {
    const dataDir = await tempDir();
    const plan = new FaultPlan();
    const host = await startHost(dataDir, { journalFiles: faultyJournalFiles(plan) });
    return { dataDir, plan, ...host };
  }

  const post = async (base: string, body: unknown) => {
    const response = await fetch(new URL('/api/v1/commands', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string; message: string } } };
  };

  it.each([
    ['ENOSPC on append', 'write' as const, 'ENOSPC'],
    ['EIO on fsync', 'sync' as const, 'EIO'],
  ])('%s: 503 "not saved", a trouble warning on the board within 10 s, and back to normal when the disk recovers', async (_, op, code) => {
    const host = await startFaultyHost();
    try {
      expect((await post(host.server.url, raise({ incidentId: 'before' }))).status).toBe(200);
      const socket = new WebSocket(`${host.server.url.replace('http', 'ws')}api/v1/socket`);
      const messages: ServerMessage[] = [];
      socket.on('message', (data) => messages.push(JSON.parse(data.toString()) as ServerMessage));
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      socket.send(JSON.stringify({ kind: 'subscribe', after: 0 }));
      await until(() => messages.some((m) => m.kind === 'events'));
      const statuses = () =>
        messages.filter((m): m is Extract<ServerMessage, { kind: 'status' }> => m.kind === 'status').map((m) => m.status);
      const hasFault = (s: HostStatus) => s.warnings.some((w) => w.kind === 'storageFault');
      expect(statuses().map(hasFault)).toEqual([false]);

      host.plan.fail(op, code);
      const faultAt = Date.now();
      const refused = await post(host.server.url, raise({ incidentId: 'during' }));
      expect(refused.status).toBe(503);
      expect(refused.body.error).toMatchObject({ code: 'storage' });
      expect(refused.body.error!.message).toMatch(new RegExp(`not saved: ${code}`));
      await until(() => statuses().some(hasFault), 10_000);
      const alarmLatency = Date.now() - faultAt;
      expect(alarmLatency).toBeLessThan(10_000);
      const view = ((await (await fetch(new URL('/api/v1/state', host.server.url))).json()) as { value: StateView }).value;
      expect(view.status.warnings.find((w) => w.kind === 'storageFault')?.message).toMatch(new RegExp(`cannot be written \\(${code}\\)`));
      expect(view.active.map((i) => i.id)).toEqual(['before']); // nothing unconfirmed on the board

      // the socket's command path answers the same way
      socket.send(JSON.stringify({ kind: 'command', requestId: 'w1', command: raise({ incidentId: 'during-ws' }) }));
      await until(() => messages.some((m) => m.kind === 'reply'));
      expect(messages.find((m) => m.kind === 'reply')).toMatchObject({
        requestId: 'w1',
        result: { ok: false, error: { code: 'storage' } },
      });

      host.plan.clear();
      expect((await post(host.server.url, raise({ incidentId: 'after' }))).status).toBe(200);
      await until(() => !hasFault(statuses().at(-1)!));
      expect(statuses().map(hasFault)).toEqual([false, true, false]);
      expect(host.services.status().warnings.filter((w) => w.kind === 'storageFault')).toEqual([]);
      expect(host.logs.some((l) => l.includes('journal writes are failing'))).toBe(true);
      socket.close();
      console.log(`[faults] ${code} on ${op}: trouble warning reached the WebSocket ${alarmLatency} ms after the fault`);
    } finally {
      await stopHost(host);
    }

    // after a restart exactly the confirmed incidents are there
    const again = await startKioskServices(
      host.dataDir,
      createLogger(() => {}),
    );
    try {
      expect(Object.keys(again.bus.state.incidents).sort()).toEqual(['after', 'before']);
      expect(again.status().warnings).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
