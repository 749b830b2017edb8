import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { parseCommand } from '../../electron/core/contract/commands.js';
import { decide } from '../../electron/core/decide.js';
import { evolveAll } from '../../electron/core/evolve.js';
import { initialState, type BoardState } from '../../electron/core/state.js';
import { snapshotJson } from '../../electron/services/journal.js';
import { writeAll } from '../../electron/services/durable-fs.js';
import { decodeRecord, encodeRecord, hasValidChecksum, writeRecordInSlices } from '../../electron/services/record-codec.js';
import { raise } from '../helpers/commands.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

async function writeInSlices(json: Iterable<string>): Promise<Buffer> {
  const path = join(await tempDir(), 'record');
  const handle = await open(path, 'w');
  try {
    await writeRecordInSlices(handle, json);
  } finally {
    await handle.close();
  }
  return readFile(path);
}

/** A board with `count` incidents raised (Chinese titles, so multi-byte text crosses the slices). */
function boardWith(count: number): BoardState {
  let state = initialState;
  for (let i = 0; i < count; i += 1) {
    const command = parseCommand(raise({ title: `${i} 号仓库冒烟 🔥 "quoted" \\ back` }), 'tester');
    if (!command.ok) throw new Error(command.error.message);
    const decision = decide(state, command.value, 1_700_000_000_000 + i * 1000);
    if (!decision.ok) throw new Error(decision.error.message);
    state = evolveAll(state, decision.value);
  }
  return state;
}

describe('a record line', () => {
  // What the checksum means, spelled out: eight lower-case hex digits of the body's CRC-32, a space.
  const meant = (line: Buffer) =>
    line.length >= 10 &&
    line[8] === 0x20 &&
    line.subarray(0, 8).toString('latin1') === crc32(line.subarray(9)).toString(16).padStart(8, '0');

  it('checks as intact exactly when it carries its own checksum (property)', () => {
    const body = fc.uint8Array({ minLength: 1, maxLength: 64 });
    const digits = fc.constantFrom(...'0123456789abcdefABCDEF g'.split('')).map((c) => c.charCodeAt(0));
    const good = body.map((b) => encodeRecord(Buffer.from(b).toString('base64')).subarray(0, -1));
    const lines = fc.oneof(
      good,
      // the right checksum in capitals: not what the journal writes
      good.map((line) => Buffer.concat([Buffer.from(line.subarray(0, 8).toString('latin1').toUpperCase()), line.subarray(8)])),
      fc
        .tuple(fc.array(digits, { minLength: 8, maxLength: 8 }), body)
        .map(([head, b]) => Buffer.concat([Buffer.from(head), Buffer.from(' '), Buffer.from(b)])),
      fc.uint8Array({ maxLength: 20 }).map((b) => Buffer.from(b)),
    );
    fc.assert(
      fc.property(lines, (line) => hasValidChecksum(line) === meant(line)),
      { numRuns: 3000 },
    );
  });

  it('with a flipped bit anywhere does not check', () => {
    const line = encodeRecord({ events: [{ seq: 1, title: '仓库冒烟' }] }).subarray(0, -1);
    for (let bit = 0; bit < line.length * 8; bit += 1) {
      const spoiled = Buffer.from(line);
      spoiled[bit >> 3] = (spoiled[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      expect(hasValidChecksum(spoiled), `bit ${bit}`).toBe(false);
    }
    expect(hasValidChecksum(line)).toBe(true);
  });
});

describe('a record written in slices', () => {
  it('is byte for byte the record encodeRecord makes, however its text is cut into pieces', async () => {
    const value = { seq: 7, state: boardWith(40) };
    const text = JSON.stringify(value);
    // Cut at code points (a piece never splits a character, as the snapshot's pieces never do).
    const chars = Array.from(text);
    const pieces: string[] = [];
    for (let at = 0, size = 1; at < chars.length; at += size, size = (size * 7) % 50_000 || 1)
      pieces.push(chars.slice(at, at + size).join(''));

    const written = await writeInSlices(pieces);
    expect(written.equals(encodeRecord(value))).toBe(true);
  });

  it('takes its pieces a slice at a time, letting the event loop turn between slices', async () => {
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns += 1;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const turnsWhenPulled: number[] = [];
    function* pieces(): Generator<string> {
      // 8 MB of text in 1 KB pieces: 16 slices of 512 KB.
      for (let i = 0; i < 8192; i += 1) {
        turnsWhenPulled.push(turns);
        yield 'x'.repeat(1024);
      }
    }
    await writeInSlices(pieces());
    ticking = false;
    // Other work ran between the first piece and the last, once per slice at least.
    expect((turnsWhenPulled.at(-1) ?? 0) - (turnsWhenPulled[0] ?? 0)).toBeGreaterThanOrEqual(15);
  });
});

describe('writing all of a buffer', () => {
  it('fails with EIO instead of spinning when the file takes nothing', async () => {
    const stuck = { write: async () => ({ bytesWritten: 0 }), sync: async () => undefined, close: async () => undefined };
    await expect(writeAll(stuck, Buffer.from('record'), 0)).rejects.toMatchObject({ code: 'EIO' });
  });
});

describe('a snapshot in pieces', () => {
  it.each([
    ['an empty board', initialState],
    ['a board of 25 incidents', boardWith(25)],
  ])('reads back as the snapshot it was made from: %s', async (_name, state) => {
    const snapshot = { seq: state.seq, offset: 1234, state };
    const written = await writeInSlices(snapshotJson(snapshot));
    expect(decodeRecord(written.subarray(0, written.length - 1))).toEqual(snapshot);
  });
});
