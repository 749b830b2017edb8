/**
 * Issue 14, the watchdog: a host that stops answering for 5 s is recorded, killed and started
 * again on the same port, and every board shows the gap; a record that hangs or breaks the replay
 * is quarantined with file and offset instead of freezing every start.
 */
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { StateView } from '../../electron/core/contract/contract.js';
import { Journal } from '../../electron/services/journal.js';
import { quarantineRecord } from '../../electron/services/watchdog/quarantine.js';
import { raise } from '../helpers/commands.js';
import { spawnHost, type HostProcess } from '../helpers/host-process.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { until } from '../helpers/wait.js';
import { decide } from '../../electron/core/decide.js';
import { initialState } from '../../electron/core/state.js';
import { toCommand } from '../core/given.js';

const tempDir = useTempDirs();
const hosts: HostProcess[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.child.kill('SIGTERM');
});

const childOf = async (pid: number): Promise<number> =>
  Number((await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8')).trim().split(/\s+/)[0]);
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const state = async (url: string): Promise<StateView> =>
  ((await (await fetch(new URL('/api/v1/state', url))).json()) as { value: StateView }).value;

describe('the supervisor (host mode)', () => {
  it('a host that stops answering is restarted within seconds on the same port, and the board shows the gap', async () => {
    const dataDir = await tempDir();
    const host = await spawnHost(['--port', '0', '--data', dataDir], 15_000, true);
    hosts.push(host);
    await fetch(new URL('/api/v1/commands', host.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(raise({ title: 'Smoke in hall 2' })),
    });
    const first = await childOf(host.child.pid!);
    process.kill(first, 'SIGSTOP'); // as good as an event loop that never comes back
    const stoppedAt = Date.now();
    await until(() => !alive(first), 15_000);
    let view: StateView | null = null;
    await until(() => {
      void state(host.url).then(
        (v) => (view = v),
        () => undefined,
      );
      return view !== null;
    }, 15_000);
    expect(Date.now() - stoppedAt).toBeLessThan(12_000);
    const restarted = view as unknown as StateView;
    expect(restarted.active.map((i) => i.title)).toEqual(['Smoke in hall 2']);
    expect(restarted.status.warnings).toEqual([
      expect.objectContaining({
        kind: 'hostRestarted',
        message: expect.stringMatching(/stopped answering \(no heartbeat for \d+ s\).*gap of \d+ s/),
      }),
    ]);
    const log = await readFile(join(dataDir, 'watchdog.ndjson'), 'utf8');
    expect(log).toMatch(/"kind":"stalled".*"by":"supervisor"/);
  }, 40_000);

  it('a supervisor killed with SIGKILL takes its host with it (no host left on the port unsupervised)', async () => {
    const host = await spawnHost(['--port', '0', '--data', await tempDir()], 15_000, true);
    const child = await childOf(host.child.pid!);
    host.child.kill('SIGKILL');
    await until(() => !alive(child), 10_000);
  }, 30_000);
});

describe('the stall thread', () => {
  const detector = fileURLToPath(new URL('../../dist/electron/services/watchdog/stall-detector.js', import.meta.url));

  it('kills a process whose event loop is stuck during replay, recording the stall and quarantining the record', async () => {
    const dataDir = await tempDir();
    const script = `
      import { StallDetector } from ${JSON.stringify(detector)};
      const d = new StallDetector({ dataDir: ${JSON.stringify(dataDir)}, journalDir: ${JSON.stringify(dataDir)}, stallMs: 1000 });
      d.replaying(777);
      setTimeout(() => { for (;;) {} }, 100);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const signal = await new Promise((resolve) => child.once('exit', (_code, s) => resolve(s)));
    expect(signal).toBe('SIGKILL');
    expect(await readFile(join(dataDir, 'watchdog.ndjson'), 'utf8')).toMatch(/"kind":"stalled".*"by":"thread","replayOffset":777/);
    expect(await readFile(join(dataDir, 'quarantine.ndjson'), 'utf8')).toMatch(/"offset":777/);
  }, 20_000);
});

describe('replay quarantine', () => {
  const NOW = Date.UTC(2026, 11, 2, 8, 0, 0);
  const raised = (title: string, seq: number) => {
    const decision = decide({ ...initialState, seq: seq - 1 }, toCommand(raise({ title, incidentId: `inc-${seq}` })), NOW);
    if (!decision.ok) throw new Error('raise refused');
    return decision.value;
  };

  it('a record replay hung on is skipped with file and offset named; its seqs are not reused', async () => {
    const dir = await tempDir();
    const { journal } = await Journal.open(dir, () => NOW);
    await journal.append(raised('first', 1));
    const offset = (await stat(join(dir, 'events.ndjson'))).size;
    await journal.append(raised('hangs the replay', 2));
    await journal.append(raised('third', 3));
    await journal.close();
    quarantineRecord(dir, { offset, reason: 'replay hung on it for 5 s', at: NOW });
    const reopened = await Journal.open(dir, () => NOW);
    expect(Object.values(reopened.state.incidents).map((i) => i.title)).toEqual(['first', 'third']);
    expect(reopened.state.seq).toBe(3);
    expect(reopened.warnings).toEqual([
      expect.objectContaining({
        kind: 'recordQuarantined',
        file: join(dir, 'events.ndjson'),
        offset,
        message: expect.stringMatching(/replay hung on it/),
      }),
    ]);
    await reopened.journal.close();
  });

  it('a record whose events make evolve throw is quarantined on the first start and skipped on the next', async () => {
    const dir = await tempDir();
    const { journal } = await Journal.open(dir, () => NOW);
    await journal.append(raised('first', 1));
    const offset = (await stat(join(dir, 'events.ndjson'))).size;
    await journal.append([{ seq: 2, at: NOW, actor: 'x', incidentId: 'bad', type: 'incidentRaised' } as never]);
    await journal.close();
    for (let start = 0; start < 2; start += 1) {
      const reopened = await Journal.open(dir, () => NOW);
      expect(reopened.state.seq).toBe(2);
      expect(reopened.warnings).toEqual([expect.objectContaining({ kind: 'recordQuarantined', offset })]);
      await reopened.journal.close();
    }
    expect((await readFile(join(dir, 'quarantine.ndjson'), 'utf8')).trim().split('\n')).toHaveLength(1);
  });
});
