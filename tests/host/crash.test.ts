import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../electron/core/events.js';
import type { Incident } from '../../electron/core/state.js';
import { raise } from '../helpers/commands.js';
import { spawnHost, type HostProcess } from '../helpers/host-process.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const hosts: HostProcess[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.child.kill('SIGKILL');
});

const BURST = 200;
const PARALLEL = 8;

async function send(url: string, command: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string } } }> {
  const response = await fetch(new URL('/api/v1/commands', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(command),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string } } };
}

describe('crash safety of the host process', () => {
  it('keeps every confirmed command, none twice, when killed with SIGKILL mid-burst', async () => {
    const dataDir = await tempDir();
    const first = await spawnHost(['--port', '0', '--data', dataDir]);
    hosts.push(first);

    const confirmed = new Set<string>();
    const unconfirmed = new Set<string>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < BURST) {
        const id = `burst-${next++}`;
        const command = raise({ incidentId: id, title: `Burst ${id}` });
        try {
          const answer = await send(first.url, command);
          if (answer.body.ok) confirmed.add(id);
          else unconfirmed.add(id);
        } catch {
          unconfirmed.add(id); // connection died with the host: the client never saw an ok
        }
        if (!killed && confirmed.size >= BURST / 3) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    await first.exited;
    expect(killed).toBe(true);
    expect(confirmed.size).toBeGreaterThanOrEqual(BURST / 3);
    expect(unconfirmed.size).toBeGreaterThan(0);

    const second = await spawnHost(['--port', '0', '--data', dataDir]);
    hosts.push(second);
    const state = (await (await fetch(new URL('/api/v1/state', second.url))).json()) as { value: { active: Incident[] } };
    const present = new Set(state.value.active.map((i) => i.id));
    for (const id of confirmed) expect(present.has(id), `confirmed ${id} is missing`).toBe(true);

    // A careful client retries what it never saw confirmed: written ones answer "conflict", none doubles.
    for (const id of unconfirmed) {
      const answer = await send(second.url, raise({ incidentId: id }));
      expect(answer.body.ok || answer.body.error?.code === 'conflict').toBe(true);
    }
    const journal = await readFile(join(dataDir, 'journal', 'events.ndjson'), 'utf8');
    const raisedIds = journal
      .trim()
      .split('\n')
      .flatMap((line) => (JSON.parse(line.slice(9)) as { events: DomainEvent[] }).events)
      .filter((e) => e.type === 'incidentRaised')
      .map((e) => e.incidentId);
    expect(raisedIds).toHaveLength(BURST);
    expect(new Set(raisedIds).size).toBe(BURST);
  });
});
