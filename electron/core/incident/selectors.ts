import { levelRank } from './levels.js';
import { isOnBoard, type BoardState, type Incident } from '../state.js';

/** Board order: gravest level first; within a level the longest-waiting first, so nothing sinks. */
export const byLevelThenTime = (a: Incident, b: Incident): number =>
  levelRank(a.level) - levelRank(b.level) || a.raisedAt - b.raisedAt || a.number - b.number;

/** What the board shows: active incidents and resolved ones whose legal deadlines are still open. */
export const activeIncidents = (state: BoardState): Incident[] => Object.values(state.incidents).filter(isOnBoard).sort(byLevelThenTime);

/**
 * What needs a person first: real before drill, unacknowledged before acknowledged, then board
 * order. The wall keeps these on its tiles; the console shows the first until one is picked.
 */
export const byUrgency = (a: Incident, b: Incident): number =>
  Number(a.drill) - Number(b.drill) || Number(b.alarm.unacknowledged) - Number(a.alarm.unacknowledged) || byLevelThenTime(a, b);

export const RECENT_LIMIT = 20;

/** Resolved (with no open deadline) and closed incidents, the latest change first. */
export const recentIncidents = (state: BoardState, limit = RECENT_LIMIT): Incident[] =>
  Object.values(state.incidents)
    .filter((i) => !isOnBoard(i))
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, limit);

/** Alarms that want the horn now: unacknowledged, not returned to normal, not silenced, not shelved. */
export const soundingIncidents = (state: BoardState, now: number): Incident[] =>
  activeIncidents(state).filter(
    (i) =>
      i.alarm.unacknowledged &&
      !i.alarm.returned &&
      i.alarm.shelved === null &&
      (i.alarm.silencedUntil === null || i.alarm.silencedUntil <= now),
  );

/** Levels I–II get the urgent pattern, III–IV the normal one; one horn for the whole board. */
export function hornPattern(state: BoardState, now: number): 'urgent' | 'normal' | null {
  const sounding = soundingIncidents(state, now);
  if (sounding.length === 0) return null;
  return sounding.some((i) => levelRank(i.level) <= 1) ? 'urgent' : 'normal';
}
