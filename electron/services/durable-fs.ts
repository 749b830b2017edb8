import { closeSync, constants, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The few file operations that must survive a power cut. A new file's directory entry is only
 * durable once the directory itself is fsync'd, and a replaced file only once the rename is.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function fsyncDirectorySync(dir: string): void {
  const fd = openSync(dir, constants.O_RDONLY);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** mkdir -p, fsyncing each parent whose listing changed. */
export async function ensureDirectory(dir: string): Promise<void> {
  const exists = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (exists) return;
  await ensureDirectory(dirname(dir));
  await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  await fsyncDirectory(dirname(dir));
}

/**
 * The one step of an atomic replace that is known to fail transiently (a virus scanner or an
 * indexer holding the file on Windows: EPERM, EACCES, EBUSY; EXDEV seen on some Windows setups).
 * It is an interface so that tests can make it fail for real calls; the default is node:fs.
 */
export interface RenameLayer {
  rename(from: string, to: string): Promise<void>;
  renameSync(from: string, to: string): void;
}

export const nodeRenames: RenameLayer = { rename, renameSync };

/** What writeFileAtomic writes its temporary file through (a FileHandle has it all). */
export interface WritableFile {
  write(buffer: Uint8Array, offset: number, length: number, position?: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** Renames, and optionally how the temporary file is opened: tests make its writes fail for real. */
export interface AtomicWriteLayer extends RenameLayer {
  open?(path: string, flags: 'w'): Promise<WritableFile>;
}

/** Writes all of `bytes` at `position`, however many calls the file takes for it. */
export async function writeAll(file: WritableFile, bytes: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await file.write(bytes, done, bytes.length - done, position + done);
    // Never spin on a file that takes nothing: say so, as a full disk would.
    if (bytesWritten <= 0) throw Object.assign(new Error(`no bytes written at ${position + done}`), { code: 'EIO' });
    done += bytesWritten;
  }
}

/** How often a failed rename is tried again, and how long to wait between tries. */
export const RENAME_RETRY_DELAYS_MS: readonly number[] = [10, 25, 50, 100];
const RETRYABLE = new Set(['EPERM', 'EACCES', 'EBUSY', 'EXDEV', 'EAGAIN', 'EMFILE', 'ENFILE']);

/** An atomic replace that did not happen: the previous file is still there, unchanged. */
export class AtomicWriteError extends Error {
  readonly code: string;
  constructor(
    readonly file: string,
    readonly attempts: number,
    override readonly cause: Error,
  ) {
    const code = (cause as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    super(
      `could not write ${file} (${code} after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${cause.message}); the previous file is unchanged`,
    );
    this.name = 'AtomicWriteError';
    this.code = code;
  }
}

/**
 * Write to a temporary name, fsync, rename over the target, fsync the directory. A failing rename
 * is retried a few times with a short backoff, then reported; there is no non-atomic fallback.
 * `data` may be a function that writes the temporary file itself (a large file, in pieces). A
 * write that fails (a full disk) removes the temporary file, so it holds no space the journal needs.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array | ((file: WritableFile) => Promise<void>),
  layer: AtomicWriteLayer = nodeRenames,
): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  const file = layer.open !== undefined ? await layer.open(temporary, 'w') : await open(temporary, 'w');
  try {
    try {
      await (typeof data === 'function' ? data(file) : writeAll(file, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, 0));
      await file.sync();
    } finally {
      await file.close();
    }
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      await layer.rename(temporary, path);
      break;
    } catch (error) {
      const delay = retryDelay(error, attempt);
      if (delay === null) {
        await unlink(temporary).catch(() => undefined);
        throw new AtomicWriteError(path, attempt, error as Error);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  await fsyncDirectory(dirname(path));
}

/** The same as writeFileAtomic for callers that must stay synchronous (conf's write path). */
export function writeFileAtomicSync(path: string, data: string | Uint8Array, layer: RenameLayer = nodeRenames): void {
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    // A full disk fails the write, not the rename: the file is unchanged and no litter is left.
    removeLitter(temporary);
    throw new AtomicWriteError(path, 1, error as Error);
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      layer.renameSync(temporary, path);
      break;
    } catch (error) {
      const delay = retryDelay(error, attempt);
      if (delay === null) {
        removeLitter(temporary);
        throw new AtomicWriteError(path, attempt, error as Error);
      }
      sleepSync(delay);
    }
  }
  fsyncDirectorySync(dirname(path));
}

function removeLitter(temporary: string): void {
  try {
    unlinkSync(temporary);
  } catch {
    // the temporary file is only litter; the error that matters is the write's or the rename's
  }
}

function retryDelay(error: unknown, attempt: number): number | null {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined || !RETRYABLE.has(code)) return null;
  return RENAME_RETRY_DELAYS_MS[attempt - 1] ?? null;
}

const sleepSync = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/** A copy that is on disk before we go on: used to keep damaged bytes before repairing. */
export async function writeFileDurable(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsyncDirectory(dirname(path));
}

/** A file name stamp that sorts and is valid on every platform. */
export const fileStamp = (now: number): string => new Date(now).toISOString().replace(/[:.]/g, '-');

/**
 * Appends one line and fsyncs it with synchronous calls only, so that a watchdog thread can record
 * while the main thread is stuck, and a process killed right after loses nothing it wrote.
 */
export function appendLineSync(path: string, line: string): void {
  const fd = openSync(path, 'a');
  try {
    writeSync(fd, `${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
