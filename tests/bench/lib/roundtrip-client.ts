import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { CommandInput } from '../../../electron/core/contract/commands.js';
import type { CommandOutcome } from '../../../electron/core/contract/contract.js';
import type { Result } from '../../../electron/core/contract/result.js';
import { EVENTS_FILE } from '../../../electron/services/journal.js';
import { encodeRecord } from '../../../electron/services/record-codec.js';

/** A dispatcher's mix: raise, note, call, acknowledge, note. */
function commandFor(i: number): CommandInput {
  const k = Math.floor(i / 5);
  const incidentId = `rt-${k}`;
  switch (i % 5) {
    case 0:
      return {
        type: 'raiseIncident',
        incidentId,
        incidentType: k % 2 === 0 ? 'fire' : 'injury',
        level: k % 3 === 0 ? 'II' : 'III',
        title: `Round trip ${k}`,
        location: 'B3',
        reporter: 'Guard Li',
        actor: 'Duty officer Wang',
      };
    case 1:
      return { type: 'addNote', incidentId, text: 'Crew on site, assessing.', actor: 'Duty officer Wang' };
    case 2:
      return { type: 'recordCall', incidentId, number: '119', actor: 'Duty officer Wang' };
    case 3:
      return { type: 'acknowledge', incidentId, actor: 'Duty officer Wang' };
    default:
      return { type: 'addNote', incidentId, text: 'Area cordoned off; no one is trapped.', actor: 'Duty officer Wang' };
  }
}

export const ROUND_TRIP_MIX = 'raise, addNote, recordCall, acknowledge, addNote';

type ServerMessage = { kind: string; seq?: number; requestId?: string; result?: Result<CommandOutcome> };

export interface RoundTrips {
  /** client send → both the broadcast events and the reply received, ms */
  readonly product: number[];
  /** the same record bytes appended + fsync'd with node:fs/promises right after each, ms */
  readonly floor: number[];
  /** the floor wrote exactly the bytes the journal appended */
  readonly sameBytes: boolean;
  readonly appendedBytes: number;
}

/**
 * Sends commands one at a time over the host's WebSocket and waits for the events and the reply;
 * after each, appends and fsyncs the same record bytes to a file in the journal's directory.
 */
export async function measureRoundTrips(hostUrl: string, dataDir: string, warmup: number, measured: number): Promise<RoundTrips> {
  const journalDir = join(dataDir, 'journal');
  const socket = new WebSocket(`${hostUrl.replace(/^http/, 'ws')}api/v1/socket`);
  let seenSeq = 0;
  const replies = new Map<string, Result<CommandOutcome>>();
  let wake: (() => void) | null = null;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    if (message.kind === 'events' || message.kind === 'snapshot') seenSeq = message.seq ?? seenSeq;
    else if (message.kind === 'reply') replies.set(message.requestId as string, message.result as Result<CommandOutcome>);
    else if (message.kind !== 'status') return;
    wake?.();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const subscribed = new Promise<void>((resolve) => (wake = resolve));
  // Subscribing from the current seq: nothing to catch up on, only live batches.
  const state = (await (await fetch(new URL('api/v1/state', hostUrl))).json()) as { value: { seq: number } };
  seenSeq = state.value.seq;
  socket.send(JSON.stringify({ kind: 'subscribe', after: state.value.seq }));
  await subscribed;

  const startSize = (await stat(join(journalDir, EVENTS_FILE))).size;
  const floorFile = await open(join(journalDir, 'floor-bench.ndjson'), 'a');
  const product: number[] = [];
  const floor: number[] = [];
  const floorBytes: Buffer[] = [];
  try {
    for (let i = 0; i < warmup + measured; i += 1) {
      const requestId = `r${i}`;
      const t0 = performance.now();
      const done = new Promise<void>((resolve) => {
        wake = () => {
          const reply = replies.get(requestId);
          if (reply !== undefined && (!reply.ok || seenSeq >= reply.value.seq)) resolve();
        };
      });
      socket.send(JSON.stringify({ kind: 'command', requestId, command: commandFor(i) }));
      await done;
      const elapsed = performance.now() - t0;
      const reply = replies.get(requestId) as Result<CommandOutcome>;
      replies.delete(requestId);
      if (!reply.ok) throw new Error(`command ${i} refused: ${JSON.stringify(reply.error)}`);
      // Floor: the very bytes the journal appended for this command, written and fsync'd the plain way.
      const record = encodeRecord({ events: reply.value.events });
      const t1 = performance.now();
      await floorFile.write(record);
      await floorFile.sync();
      const floorElapsed = performance.now() - t1;
      floorBytes.push(record);
      if (i >= warmup) {
        product.push(elapsed);
        floor.push(floorElapsed);
      }
    }
  } finally {
    await floorFile.close();
    socket.close();
  }
  const journal = await readFile(join(journalDir, EVENTS_FILE));
  const appended = journal.subarray(startSize);
  return { product, floor, sameBytes: Buffer.concat(floorBytes).equals(appended), appendedBytes: appended.length };
}
