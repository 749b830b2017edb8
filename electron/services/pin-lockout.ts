/** After this many wrong PINs in a row a client must wait; each further lock lasts twice as long. */
export const PIN_LOCKOUT = { attempts: 5, firstLockMs: 30_000, maxLockMs: 60 * 60_000 } as const;

export interface PinFailure {
  /** wrong PINs in a row since the last lock (or success) */
  readonly failures: number;
  /** set when this failure started a lock */
  readonly lockedUntil: number | null;
}

interface Record {
  failures: number;
  nextLockMs: number;
  lockedUntil: number | null;
}

/**
 * Slows down guessing the operator PIN, per client (a browser's address, the Electron console):
 * 5 wrong → 30 s locked, then 60 s, 120 s … up to an hour. A right PIN forgets the client.
 */
export class PinLockout {
  private readonly clients = new Map<string, Record>();

  constructor(private readonly policy: typeof PIN_LOCKOUT = PIN_LOCKOUT) {}

  /** The instant the client may try again, or null when it may try now. */
  lockedUntil(client: string, now: number): number | null {
    const until = this.clients.get(client)?.lockedUntil ?? null;
    return until !== null && until > now ? until : null;
  }

  failed(client: string, now: number): PinFailure {
    const record = this.clients.get(client) ?? { failures: 0, nextLockMs: this.policy.firstLockMs, lockedUntil: null };
    record.failures += 1;
    let lockedUntil: number | null = null;
    if (record.failures >= this.policy.attempts) {
      lockedUntil = now + record.nextLockMs;
      record.lockedUntil = lockedUntil;
      record.nextLockMs = Math.min(record.nextLockMs * 2, this.policy.maxLockMs);
    }
    const failures = record.failures;
    if (lockedUntil !== null) record.failures = 0;
    this.clients.set(client, record);
    if (this.clients.size > 10_000) this.forgetUnlocked(now);
    return { failures, lockedUntil };
  }

  succeeded(client: string): void {
    this.clients.delete(client);
  }

  /** Bounds memory against a flood of addresses: clients not locked right now are forgotten. */
  private forgetUnlocked(now: number): void {
    for (const [client, record] of this.clients) if (record.lockedUntil === null || record.lockedUntil <= now) this.clients.delete(client);
  }
}
