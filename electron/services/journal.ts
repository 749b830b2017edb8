import { renameSync } from 'node:fs';
import { open, readFile, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { HostWarning } from '../core/contract/contract.js';
import type { DomainEvent } from '../core/events.js';
import { evolveAll } from '../core/evolve.js';
import { quarantinedOffsets, quarantineRecord } from './watchdog/quarantine.js';
import { initialState, type BoardState } from '../core/state.js';
import {
  ensureDirectory,
  fileStamp,
  fsyncDirectory,
  writeFileAtomic,
  writeFileDurable,
  type AtomicWriteLayer,
  type WritableFile,
} from './durable-fs.js';
import { decodeRecord, encodeRecord, hasValidChecksum, writeRecordInSlices } from './record-codec.js';

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
  /** where the record starts in the events file */
  readonly offset: number;
}
export interface Snapshot {
  readonly seq: number;
  /** byte length of the events file the snapshot covers */
  readonly offset: number;
  readonly state: BoardState;
}

/**
 * A snapshot's JSON an incident at a time; JSON.parse gives back the same snapshot. The state is
 * never changed in place (each event makes a new one), so it may be read while commands go on.
 */
export function* snapshotJson(snapshot: Snapshot): Generator<string> {
  const { incidents, ...board } = snapshot.state;
  const boardJson = JSON.stringify(board);
  const comma = boardJson === '{}' ? '' : ',';
  yield `{"seq":${JSON.stringify(snapshot.seq)},"offset":${JSON.stringify(snapshot.offset)},"state":${boardJson.slice(0, -1)}${comma}"incidents":{`;
  let separator = '';
  for (const [id, incident] of Object.entries(incidents)) {
    yield `${separator}${JSON.stringify(id)}:${JSON.stringify(incident)}`;
    separator = ',';
  }
  yield '}}}';
}

export interface OpenedJournal {
  readonly journal: Journal;
  readonly state: BoardState;
  readonly warnings: HostWarning[];
}

/**
 * The operations the journal performs on its open events file: the FileHandle methods it uses.
 * Only this layer is swapped in tests, to make real writes fail with ENOSPC or EIO.
 */
export interface JournalFile extends WritableFile {
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  truncate(length: number): Promise<void>;
  stat(): Promise<{ size: number }>;
}

/** How the journal opens its events file and its snapshot's temporary file, and renames the snapshot into place. */
export interface JournalFileLayer extends AtomicWriteLayer {
  open(path: string, flags: 'a+' | 'w'): Promise<JournalFile>;
}

export const nodeJournalFiles: JournalFileLayer = { open: (path, flags) => open(path, flags), rename, renameSync };

export interface JournalOptions {
  readonly files?: JournalFileLayer;
  /**
   * Start-up writes a fresh snapshot when it had to replay at least this many events (default
   * 1,000). Without it a kiosk that is restarted or crashes before it has journaled 1,000 events
   * in one run (when the bus snapshots) would replay an ever longer journal at every start.
   */
  readonly snapshotAfterReplay?: number;
  /** told the byte offset of each record before it is replayed (the stall detector watches it) */
  readonly onReplay?: (offset: number) => void;
}

/** Writes are failing: the board shows it until a write succeeds again. */
export interface StorageFault {
  readonly code: string;
  readonly message: string;
  /** epoch ms of the first failure in this run of failures */
  readonly since: number;
  /** a partial record may be on disk; the next append cuts it off before writing */
  readonly tailUncertain: boolean;
}

/**
 * Append-only event journal: one checksummed record per command, fsync'd before the caller is
 * told. Snapshots (atomic write + rename) let start-up skip the history they cover.
 */
export class Journal {
  /** set when the file no longer matches what was confirmed: it is never written again */
  private broken: Error | null = null;
  private currentFault: StorageFault | null = null;
  /** the tail may hold a partial record: cut it off before the next write */
  private tailUncertain = false;
  private readonly faultListeners = new Set<(fault: StorageFault | null) => void>();

  private constructor(
    readonly directory: string,
    private readonly handle: JournalFile,
    private size: number,
    /** start of the last whole record, so a repair can check it is still intact */
    private lastRecordStart: number,
    private readonly files: JournalFileLayer,
    private readonly now: () => number,
  ) {}

  get eventsPath(): string {
    return join(this.directory, EVENTS_FILE);
  }

  /** The current write failure, or null while writes succeed. */
  get fault(): StorageFault | null {
    return this.currentFault;
  }

  /** Called with the fault when writes start failing and with null when they succeed again. */
  onFaultChange(listener: (fault: StorageFault | null) => void): () => void {
    this.faultListeners.add(listener);
    return () => this.faultListeners.delete(listener);
  }

  static async open(directory: string, now: () => number = Date.now, options: JournalOptions = {}): Promise<OpenedJournal> {
    const files = options.files ?? nodeJournalFiles;
    await ensureDirectory(directory);
    const warnings: HostWarning[] = [];
    const snapshot = await readSnapshot(directory, now, warnings);
    const eventsPath = join(directory, EVENTS_FILE);
    const created = await stat(eventsPath).then(
      () => false,
      () => true,
    );
    const handle = await files.open(eventsPath, 'a+');
    try {
      if (created) await fsyncDirectory(directory);
      const replay = await replayFile(eventsPath, snapshot, now, warnings, options.onReplay);
      const journal = new Journal(directory, handle, replay.size, replay.lastRecordStart, files, now);
      if (replay.replayed >= (options.snapshotAfterReplay ?? 1000)) {
        // Only an optimisation: the journal stays the truth, so a failed snapshot costs start-up time, nothing else.
        await journal.writeSnapshot(replay.state).catch(() => undefined);
      }
      return { journal, state: replay.state, warnings };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /**
   * Durable once this resolves. On a failed write or fsync the file is cut back to the last whole
   * record and the error is thrown; if even that fails, the next append cuts it back first and
   * never writes after a partial record.
   */
  async append(events: readonly DomainEvent[]): Promise<void> {
    await this.appendRecords([events]);
  }

  /** Several records with one write and one fsync (the bus's group commit); all or none are confirmed. */
  async appendRecords(records: readonly (readonly DomainEvent[])[]): Promise<void> {
    if (this.broken !== null) throw new Error(`journal unavailable: ${this.broken.message}`);
    const encoded = records.map((events) => encodeRecord({ events } satisfies Omit<Batch, 'offset'>));
    const record = encoded.length === 1 ? encoded[0]! : Buffer.concat(encoded);
    try {
      if (this.tailUncertain) await this.repairTail();
    } catch (error) {
      this.setFault(error as Error);
      throw new Error(`journal unavailable: it could not be cut back to its last whole record (${(error as Error).message})`, {
        cause: error,
      });
    }
    try {
      let written = 0;
      while (written < record.length) {
        const { bytesWritten } = await this.handle.write(record, written, record.length - written);
        if (bytesWritten <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
        written += bytesWritten;
      }
      await this.handle.sync();
    } catch (error) {
      this.setFault(error as Error);
      await this.cutBack();
      throw error;
    }
    this.lastRecordStart = this.size + record.length - (encoded.at(-1)?.length ?? 0);
    this.size += record.length;
    this.setFault(null);
  }

  /**
   * `state` must be the state after the last append. The offset is taken when this is called,
   * so appends may go on while the snapshot is written.
   */
  async writeSnapshot(state: BoardState): Promise<void> {
    const snapshot: Snapshot = { seq: state.seq, offset: this.size, state };
    await writeFileAtomic(join(this.directory, SNAPSHOT_FILE), (file) => writeRecordInSlices(file, snapshotJson(snapshot)), this.files);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  private async cutBack(): Promise<void> {
    try {
      await this.handle.truncate(this.size);
      await this.handle.sync();
      this.tailUncertain = false;
    } catch {
      // We do not know what is on disk after the last whole record: the next append repairs first.
      this.tailUncertain = true;
    }
    if (this.currentFault !== null) this.currentFault = { ...this.currentFault, tailUncertain: this.tailUncertain };
  }

  /**
   * Cuts the file back to the last whole record and checks that record is still intact. A file
   * shorter than what was confirmed, or a last record that no longer checks, is not repaired:
   * the journal refuses all further writes and start-up will report the damage.
   */
  private async repairTail(): Promise<void> {
    const { size } = await this.handle.stat();
    if (size < this.size) {
      this.broken = new Error(`${this.eventsPath} is ${size} bytes, shorter than the ${this.size} confirmed`);
      throw this.broken;
    }
    if (size > this.size) await this.handle.truncate(this.size);
    await this.handle.sync();
    const after = await this.handle.stat();
    if (after.size !== this.size)
      throw Object.assign(new Error(`cut-back left ${after.size} bytes, expected ${this.size}`), { code: 'EIO' });
    if (this.size > 0) {
      const length = this.size - this.lastRecordStart;
      const last = Buffer.alloc(length);
      const { bytesRead } = await this.handle.read(last, 0, length, this.lastRecordStart);
      if (bytesRead !== length || last[length - 1] !== 0x0a || !hasValidChecksum(last.subarray(0, length - 1))) {
        this.broken = new Error(`${this.eventsPath}: the last confirmed record at byte ${this.lastRecordStart} no longer checks`);
        throw this.broken;
      }
    }
    this.tailUncertain = false;
  }

  private setFault(error: Error | null): void {
    const before = this.currentFault;
    if (error === null) {
      this.currentFault = null;
    } else {
      const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
      this.currentFault = {
        code,
        message: error.message,
        since: before?.since ?? this.now(),
        tailUncertain: this.tailUncertain,
      };
    }
    const changed =
      (before === null) !== (this.currentFault === null) ||
      (before !== null && this.currentFault !== null && before.code !== this.currentFault.code);
    if (!changed) return;
    for (const listener of this.faultListeners) {
      try {
        listener(this.currentFault);
      } catch {
        // a listener's failure must not turn a write result into something else
      }
    }
  }
}

/** Rebuilds state from the snapshot and the records after it; the same code path as a cold replay. */
async function replayFile(
  path: string,
  snapshot: Snapshot | null,
  now: () => number,
  warnings: HostWarning[],
  onReplay: (offset: number) => void = () => undefined,
): Promise<{ state: BoardState; size: number; lastRecordStart: number; replayed: number }> {
  const bytes = await readFile(path);
  const start = snapshot?.offset ?? 0;
  if (bytes.length < start) {
    throw new JournalDamageError(path, bytes.length, `file is shorter than the snapshot says (${start} bytes)`);
  }
  verifyChecksums(bytes, start, path);
  const { batches, end, lastRecordStart } = scanRecords(bytes, start, snapshot?.seq ?? 0, path);
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
  const state = await replayBatches(path, snapshot?.state ?? initialState, batches, now, warnings, onReplay);
  const replayed = batches.reduce((n, batch) => n + batch.events.length, 0);
  return { state, size: end, lastRecordStart: lastRecordStart ?? lastRecordBefore(bytes, end), replayed };
}

/**
 * Evolves record by record. A record whose events make evolve throw, or that a stall detector
 * caught replay hanging on (quarantine.ndjson), is skipped with a warning naming file and offset
 * instead of stopping every start in the same failure; its seqs are kept so none is reused.
 */
async function replayBatches(
  path: string,
  start: BoardState,
  batches: readonly Batch[],
  now: () => number,
  warnings: HostWarning[],
  onReplay: (offset: number) => void,
): Promise<BoardState> {
  const journalDir = dirname(path);
  const quarantined = await quarantinedOffsets(journalDir);
  let state = start;
  for (const batch of batches) {
    onReplay(batch.offset);
    const known = quarantined.get(batch.offset);
    let reason = known?.reason ?? null;
    if (reason === null) {
      try {
        state = evolveAll(state, batch.events);
        continue;
      } catch (error) {
        reason = `replaying it failed: ${(error as Error).message}`;
        quarantineRecord(journalDir, { offset: batch.offset, reason, at: now() });
      }
    }
    state = { ...state, seq: batch.events.at(-1)?.seq ?? state.seq };
    warnings.push({
      kind: 'recordQuarantined',
      file: path,
      offset: batch.offset,
      message: `the record at byte ${batch.offset} (seq ${batch.events[0]?.seq ?? '?'}–${state.seq}) was not replayed: ${reason}; it is kept in the journal`,
    });
  }
  return state;
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
): { batches: Batch[]; end: number; lastSeq: number; lastRecordStart: number | null } {
  const batches: Batch[] = [];
  let offset = start;
  let lastSeq = afterSeq;
  let lastRecordStart: number | null = null;
  while (offset < bytes.length) {
    const newline = bytes.indexOf(0x0a, offset);
    const lineEnd = newline === -1 ? bytes.length : newline;
    const batch = asBatch(decodeRecord(bytes.subarray(offset, lineEnd)), offset);
    if (batch === null || newline === -1) {
      const isLastLine = newline === -1 || newline === bytes.length - 1;
      if (isLastLine) return { batches, end: offset, lastSeq, lastRecordStart };
      throw new JournalDamageError(path, offset, 'record fails its checksum or is not a journal record');
    }
    for (const event of batch.events) {
      if (event.seq !== lastSeq + 1) {
        throw new JournalDamageError(path, offset, `expected event seq ${lastSeq + 1}, found ${event.seq}`);
      }
      lastSeq = event.seq;
    }
    batches.push(batch);
    lastRecordStart = offset;
    offset = newline + 1;
  }
  return { batches, end: offset, lastSeq, lastRecordStart };
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

/** Start of the whole record that ends at `end` (0 for an empty file). */
function lastRecordBefore(bytes: Buffer, end: number): number {
  if (end === 0) return 0;
  return bytes.lastIndexOf(0x0a, end - 2) + 1;
}

function asBatch(value: unknown, offset: number): Batch | null {
  if (typeof value !== 'object' || value === null) return null;
  const events = (value as { events?: unknown }).events;
  if (!Array.isArray(events) || events.length === 0) return null;
  const wellFormed = events.every((e: unknown) => typeof e === 'object' && e !== null && Number.isInteger((e as { seq?: unknown }).seq));
  return wellFormed ? { events: events as DomainEvent[], offset } : null;
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
  return Number.isInteger(s.seq) && Number.isInteger(s.offset) && typeof s.state === 'object' && s.state !== null ? (s as Snapshot) : null;
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
