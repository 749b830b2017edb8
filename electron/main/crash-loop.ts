/**
 * Counts renderer crashes. A crash is answered with a reload; `limit` crashes within `windowMs`
 * are a crash loop, answered with the plain fallback page instead (reloading again would only
 * crash again and leave the control room with a blank screen).
 */
export interface CrashLoopPolicy {
  readonly limit: number;
  readonly windowMs: number;
}

export const CRASH_LOOP: CrashLoopPolicy = { limit: 3, windowMs: 60_000 };

export type CrashAnswer = 'reload' | 'fallback';

/** Pure: the crash times still inside the window after a crash at `now`, and the answer. */
export function recordCrash(
  times: readonly number[],
  now: number,
  policy: CrashLoopPolicy = CRASH_LOOP,
): { readonly times: number[]; readonly answer: CrashAnswer } {
  const recent = [...times.filter((t) => now - t < policy.windowMs && t <= now), now];
  return { times: recent, answer: recent.length >= policy.limit ? 'fallback' : 'reload' };
}

export class CrashCounter {
  private times: number[] = [];

  constructor(private readonly policy: CrashLoopPolicy = CRASH_LOOP) {}

  record(now: number): CrashAnswer {
    const next = recordCrash(this.times, now, this.policy);
    this.times = next.times;
    return next.answer;
  }

  /** Crashes still counted (inside the window) at `now`. */
  count(now: number): number {
    return this.times.filter((t) => now - t < this.policy.windowMs).length;
  }
}
