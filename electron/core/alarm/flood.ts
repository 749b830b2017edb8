import type { BoardState } from '../state.js';

/** More than 10 new alarms within 10 minutes is a flood; it ends when a window holds fewer than 5. */
export const FLOOD = { windowMs: 10 * 60_000, startAbove: 10, endBelow: 5 } as const;

export const raisesInWindow = (times: readonly number[], now: number): number =>
  times.filter((t) => t > now - FLOOD.windowMs && t <= now).length;

/** Raise times still inside the window after one more at `at`, oldest first. */
export const withRaise = (times: readonly number[], at: number): number[] => [...times, at].filter((t) => t > at - FLOOD.windowMs);

export function floodStartsWith(state: BoardState, now: number): boolean {
  return !state.flood.active && withRaise(state.recentRaises, now).length > FLOOD.startAbove;
}

/** When the sliding window will hold fewer than FLOOD.endBelow raises; null if no flood. */
export function floodEndsAt(state: BoardState): number | null {
  if (!state.flood.active) return null;
  // Sorted: after a clock change nobody reported (say, while the app was down) raise times can
  // be out of order, and the instant named here must be one at which a tick does end the flood.
  const times = [...state.recentRaises].sort((a, b) => a - b);
  const keep = FLOOD.endBelow - 1;
  const oldestThatMustLeave = times[times.length - keep - 1];
  return oldestThatMustLeave === undefined ? 0 : oldestThatMustLeave + FLOOD.windowMs;
}
