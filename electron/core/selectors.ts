import { levelRank } from './levels.js';
import { isActive, type BoardState, type Incident } from './state.js';

/** Board order: gravest level first; within a level the longest-waiting first, so nothing sinks. */
export const byLevelThenTime = (a: Incident, b: Incident): number =>
  levelRank(a.level) - levelRank(b.level) || a.raisedAt - b.raisedAt || a.number - b.number;

export const activeIncidents = (state: BoardState): Incident[] =>
  Object.values(state.incidents).filter(isActive).sort(byLevelThenTime);

export const RECENT_LIMIT = 20;

/** Resolved and closed incidents, the latest change first. */
export const recentIncidents = (state: BoardState, limit = RECENT_LIMIT): Incident[] =>
  Object.values(state.incidents)
    .filter((i) => !isActive(i))
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, limit);
