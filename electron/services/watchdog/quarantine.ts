import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendLineSync } from '../durable-fs.js';

/**
 * Journal records that must not be replayed again: one whose events made evolve throw, or one
 * the stall detector caught replay hanging on. Each line names the record by its byte offset in
 * the events file. The record itself stays in the journal (nothing is deleted), only skipped.
 */
export const QUARANTINE_FILE = 'quarantine.ndjson';

export interface QuarantineEntry {
  readonly offset: number;
  readonly reason: string;
  readonly at: number;
}

/** Appends and fsyncs one entry with synchronous calls, so a watchdog thread can too. */
export function quarantineRecord(journalDir: string, entry: QuarantineEntry): void {
  appendLineSync(join(journalDir, QUARANTINE_FILE), JSON.stringify(entry));
}

/** The quarantined offsets; a torn last line (the writer died) is ignored. */
export async function quarantinedOffsets(journalDir: string): Promise<Map<number, QuarantineEntry>> {
  const text = await readFile(join(journalDir, QUARANTINE_FILE), 'utf8').catch(() => '');
  const entries = new Map<number, QuarantineEntry>();
  for (const line of text.split('\n')) {
    try {
      const entry = JSON.parse(line) as QuarantineEntry;
      if (Number.isInteger(entry.offset)) entries.set(entry.offset, entry);
    } catch {
      // an empty or torn line
    }
  }
  return entries;
}
