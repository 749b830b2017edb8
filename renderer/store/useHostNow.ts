import { createContext, useContext, useSyncExternalStore } from 'react';
import { useClockOffset } from './context.js';

// One timer for the whole display, running only while something shows the time. It fires on the
// second boundary so the clock and every elapsed time turn over together.
let localNow = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function tick(): void {
  localNow = Date.now();
  for (const listener of listeners) listener();
  timer = setTimeout(tick, 1000 - (localNow % 1000));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    localNow = Date.now();
    timer = setTimeout(tick, 1000 - (localNow % 1000));
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearTimeout(timer);
  };
}

const stayStill = (): (() => void) => () => undefined;

/**
 * False inside a part of the page the browser is not rendering (an off-screen card): its times
 * stop redrawing, and catch up the moment it is shown again.
 */
export const ClockVisible = createContext(true);

/**
 * This display's time (not the host's) at which the times inside stand still: the wall has lost
 * the host and shows its data as of that instant. null: they run.
 */
export const ClockFrozenAt = createContext<number | null>(null);

/** The host's time, redrawn once a second while it can be seen and is not frozen. */
export function useHostNow(): number {
  const visible = useContext(ClockVisible);
  const frozenAt = useContext(ClockFrozenAt);
  const now = useSyncExternalStore(visible && frozenAt === null ? subscribe : stayStill, () => localNow);
  return (frozenAt ?? now) + useClockOffset();
}
