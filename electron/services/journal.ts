import { open, readFile, rename, renameSync, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { HostWarning } from '../core/contract.js';
import type { DomainEvent } from '../core/events.js';
import { evolveAll } from '../core/evolve.js';
import { initialState, type BoardState } from '../core/state.js';
import { ensureDirectory, fileStamp, fsyncDirectory, writeFileAtomic, writeFileDurable, type RenameLayer } from './durable-fs.js';
import { decodeRecord, encodeRecord, hasValidChecksum } from './record-codec.js';

/** Damage that is not a torn last record: start-up must stop and a person must look. */
export class JournalDamageError extends Error {
  constructor(
    readonly file: string,
    readonly offset: number,
    reason: string,
  ) {
    super(`journal damaged: ${file} at byte ${offset}: ${reason}`);
    this.name = 'JournalDamageError';
  }
}

export const EVENTS_FILE = 'events.ndjson';
export const SNAPSHOT_FILE = 'snapshot.json';

interface Batch {
  readonly events: readonly DomainEvent[];
}
interface Snapshot {
  readonly seq: number;
  /** byte length of the events file the snapshot covers */
  readonly offset: number;
  readonly state: BoardState;
}

export interface OpenedJournal {
  readonly journal: Journal;
  readonly state: BoardState;
  readonly warnings: HostWarning[];
}

/**
 * Append-only event journal: one checksummed record per command, fsync'd before the caller is
 * told. Snapshots (atomic write + rename) let start-up skip the history they cover.
 */
export class Journal {
  private broken: Error | null = null;

  private constructor(
    readonly directory: string,
    private readonly handle: FileHandle,
    private size: number,
  ) {}

  get eventsPath(): string {
    return join(this.directory, EVENTS_FILE);
  }

  static async open(directory: string, now: () => number = Date.now): Promise<OpenedJournal> {
    await ensureDirectory(directory);
    const warnings: HostWarning[] = [];
    const snapshot = await readSnapshot(directory, now, warnings);
    const eventsPath = join(directory, EVENTS_FILE);
    const created = await stat(eventsPath).then(
      () => false,
      () => true,
    );
    const handle = await open(eventsPath, 'a+');
    try {
      if (created) await fsyncDirectory(directory);
      const replay = await replayFile(eventsPath, snapshot, now, warnings);
      return { journal: new Journal(directory, handle, replay.size), state: replay.state, warnings };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Durable once this resolves. On a failed write the file is cut back to the last whole record. */
  async append(events: readonly DomainEvent[]): Promise<void> {
    if (this.broken !== null) throw new Error(`journal unavailable after an earlier failure: ${this.broken.message}`);
    const record = encodeRecord({ events } satisfies Batch);
    try {
      await this.handle.write(record, 0, record.length);
      await this.handle.sync();
      this.size += record.length;
    } catch (error) {
      await this.cutBack(error as Error);
      throw error;
    }
  }

  async writeSnapshot(state: BoardState): Promise<void> {
    const snapshot: Snapshot = { seq: state.seq, offset: this.size, state };
    await writeFileAtomic(join(this.directory, SNAPSHOT_FILE), encodeRecord(snapshot));
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  private async cutBack(cause: Error): Promise<void> {
    try {
      await this.handle.truncate(this.size);
      await this.handle.sync();
    } catch {
      // We no longer know what is on disk: refuse further writes rather than risk a corrupt middle.
      this.broken = cause;
    }
  }
}

/** Rebuilds state from the snapshot and the records after it; the same code path as a cold replay. */
async function replayFile(
  path: string,
  snapshot: Snapshot | null,
  now: () => number,
  warnings: HostWarning[],
): Promise<{ state: BoardState; size: number }> {
  const bytes = await readFile(path);
  const start = snapshot?.offset ?? 0;
  if (bytes.length < start) {
    throw new JournalDamageError(path, bytes.length, `file is shorter than the snapshot says (${start} bytes)`);
  }
  verifyChecksums(bytes, start, path);
  const { batches, end } = scanRecords(bytes, start, snapshot?.seq ?? 0, path);
  if (end < bytes.length) {
    const copy = join(dirname(path), `torn-${fileStamp(now())}.bin`);
    await writeFileDurable(copy, bytes.subarray(end));
    await truncateDurably(path, end);
    warnings.push({
      kind: 'journalTornTail',
      file: path,
      offset: end,
      copy,
      message: `an incomplete last record (${bytes.length - end} bytes, from byte ${end}) was cut off; it was never confirmed to anyone`,
    });
  }
  let state = snapshot?.state ?? initialState;
  for (const batch of batches) state = evolveAll(state, batch.events);
  return { state, size: end };
}

/**
 * Reads whole records from `start`. A bad record followed only by a partial line is a torn
 * tail (returned as `end` < length); a bad record with anything whole after it is damage.
 */
export function scanRecords(
  bytes: Buffer,
  start: number,
  afterSeq: number,
  path: string,
): { batches: Batch[]; end: number; lastSeq: number } {
  const batches: Batch[] = [];
  let offset = start;
  let lastSeq = afterSeq;
  while (offset < bytes.length) {
    const newline = bytes.indexOf(0x0a, offset);
    const lineEnd = newline === -1 ? bytes.length : newline;
    const batch = asBatch(decodeRecord(bytes.subarray(offset, lineEnd)));
    if (batch === null || newline === -1) {
      const isLastLine = newline === -1 || newline === bytes.length - 1;
      if (isLastLine) return { batches, end: offset, lastSeq };
      throw new JournalDamageError(path, offset, 'record fails its checksum or is not a journal record');
    }
    for (const event of batch.events) {
      if (event.seq !== lastSeq + 1) {
        throw new JournalDamageError(path, offset, `expected event seq ${lastSeq + 1}, found ${event.seq}`);
      }
      lastSeq = event.seq;
    }
    batches.push(batch);
    offset = newline + 1;
  }
  return { batches, end: offset, lastSeq };
}

/**
 * The part a snapshot covers is not replayed, but its checksums are still checked (no JSON
 * parsing, so it stays cheap): damage anywhere in the journal stops start-up.
 */
function verifyChecksums(bytes: Buffer, end: number, path: string): void {
  let offset = 0;
  while (offset < end) {
    const newline = bytes.indexOf(0x0a, offset);
    if (newline === -1 || newline >= end || !hasValidChecksum(bytes.subarray(offset, newline))) {
      throw new JournalDamageError(path, offset, 'record fails its checksum (in the part covered by the snapshot)');
    }
    offset = newline + 1;
  }
}

function asBatch(value: unknown): Batch | null {
  if (typeof value !== 'object' || value === null) return null;
  const events = (value as { events?: unknown }).events;
  if (!Array.isArray(events) || events.length === 0) return null;
  const wellFormed = events.every(
    (e: unknown) => typeof e === 'object' && e !== null && Number.isInteger((e as { seq?: unknown }).seq),
  );
  return wellFormed ? { events: events as DomainEvent[] } : null;
}

async function readSnapshot(directory: string, now: () => number, warnings: HostWarning[]): Promise<Snapshot | null> {
  const path = join(directory, SNAPSHOT_FILE);
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (bytes === null) return null;
  const snapshot = asSnapshot(decodeRecord(bytes.subarray(0, bytes.length - 1)));
  if (snapshot !== null) return snapshot;
  // The journal is the truth; a bad snapshot only costs a full replay. Keep it for inspection.
  const copy = join(directory, `snapshot-unreadable-${fileStamp(now())}.json`);
  await rename(path, copy);
  await fsyncDirectory(directory);
  warnings.push({
    kind: 'snapshotUnreadable',
    file: path,
    copy,
    message: 'the snapshot was unreadable and was set aside; the board was rebuilt from the full journal',
  });
  return null;
}

function asSnapshot(value: unknown): Snapshot | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Partial<Snapshot>;
  return Number.isInteger(s.seq) && Number.isInteger(s.offset) && typeof s.state === 'object' && s.state !== null
    ? (s as Snapshot)
    : null;
}

async function truncateDurably(path: string, length: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
