import type { RenameLayer } from '../../electron/services/durable-fs.js';
import { nodeRenames } from '../../electron/services/durable-fs.js';
import { nodeJournalFiles, type JournalFile, type JournalFileLayer } from '../../electron/services/journal.js';

/**
 * Disk errors for the journal's and durable-fs's own file layers. Every call still goes to the
 * real file on a real disk; a planned fault makes one operation fail the way the kernel would
 * (a write may first put some of its bytes on disk, as a real ENOSPC does).
 */
export type FaultyOp = 'write' | 'sync' | 'truncate' | 'rename';

interface Planned {
  readonly code: string;
  remaining: number;
  /** for writes: how many of the bytes really reach the file before the error */
  readonly partial: number;
}

const MESSAGES: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device',
  EIO: 'i/o error',
  EPERM: 'operation not permitted',
  EXDEV: 'cross-device link not permitted',
  EACCES: 'permission denied',
  EBUSY: 'resource busy or locked',
};

export function errnoError(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${MESSAGES[code] ?? 'injected fault'}, ${syscall}`), { code, syscall });
}

export class FaultPlan {
  private readonly planned = new Map<FaultyOp, Planned>();
  readonly calls: Record<FaultyOp, number> = { write: 0, sync: 0, truncate: 0, rename: 0 };
  readonly failures: Record<FaultyOp, number> = { write: 0, sync: 0, truncate: 0, rename: 0 };

  /** Makes the next `times` calls of `op` fail with `code` (every call until cleared by default). */
  fail(op: FaultyOp, code: string, options: { times?: number; partial?: number } = {}): this {
    this.planned.set(op, { code, remaining: options.times ?? Number.POSITIVE_INFINITY, partial: options.partial ?? 0 });
    return this;
  }

  clear(op?: FaultyOp): this {
    if (op === undefined) this.planned.clear();
    else this.planned.delete(op);
    return this;
  }

  /** The fault for this call of `op`, if one is planned; counts the call. */
  take(op: FaultyOp): Planned | null {
    this.calls[op] += 1;
    const planned = this.planned.get(op);
    if (planned === undefined || planned.remaining <= 0) return null;
    planned.remaining -= 1;
    this.failures[op] += 1;
    return planned;
  }
}

class FaultyFile implements JournalFile {
  constructor(
    private readonly real: JournalFile,
    private readonly plan: FaultPlan,
  ) {}

  async write(buffer: Uint8Array, offset: number, length: number, position?: number): Promise<{ bytesWritten: number }> {
    const fault = this.plan.take('write');
    if (fault === null) return this.real.write(buffer, offset, length, position);
    const partial = Math.min(fault.partial, length);
    if (partial > 0) await this.real.write(buffer, offset, partial, position);
    throw errnoError(fault.code, 'write');
  }

  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }> {
    return this.real.read(buffer, offset, length, position);
  }

  async sync(): Promise<void> {
    const fault = this.plan.take('sync');
    if (fault !== null) throw errnoError(fault.code, 'fsync');
    await this.real.sync();
  }

  async truncate(length: number): Promise<void> {
    const fault = this.plan.take('truncate');
    if (fault !== null) throw errnoError(fault.code, 'ftruncate');
    await this.real.truncate(length);
  }

  stat(): Promise<{ size: number }> {
    return this.real.stat();
  }

  close(): Promise<void> {
    return this.real.close();
  }
}

export function faultyRenames(plan: FaultPlan, base: RenameLayer = nodeRenames): RenameLayer {
  return {
    async rename(from, to) {
      const fault = plan.take('rename');
      if (fault !== null) throw errnoError(fault.code, 'rename');
      await base.rename(from, to);
    },
    renameSync(from, to) {
      const fault = plan.take('rename');
      if (fault !== null) throw errnoError(fault.code, 'rename');
      base.renameSync(from, to);
    },
  };
}

export function faultyJournalFiles(plan: FaultPlan, base: JournalFileLayer = nodeJournalFiles): JournalFileLayer {
  return {
    ...faultyRenames(plan, base),
    open: async (path, flags) => new FaultyFile(await base.open(path, flags), plan),
  };
}
