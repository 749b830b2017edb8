import { useMemo } from 'react';
import { activeIncidents, byUrgency } from '../../../electron/core/incident/selectors.js';
import { isActive, type BoardState, type Incident } from '../../../electron/core/state.js';
import { useBoard } from '../../store/context.js';

/** Active incidents in board order (gravest first, then longest waiting). */
export function useActiveIncidents(): Incident[] {
  const board = useBoard((s) => s.board);
  return useMemo(() => activeIncidents(board), [board]);
}

/** The selected incident if it still exists; a resolved one stays selectable from the recent list. */
export function useSelectedIncident(): Incident | null {
  return useBoard((s) => (s.ui.selectedIncidentId === null ? null : (s.board.incidents[s.ui.selectedIncidentId] ?? null)));
}

/** The active incident that needs a person first (see byUrgency); null when none is active. */
export const mostUrgent = (board: BoardState): Incident | null =>
  Object.values(board.incidents)
    .filter(isActive)
    .reduce<Incident | null>((first, incident) => (first === null || byUrgency(incident, first) < 0 ? incident : first), null);

/**
 * What the middle of the console shows: the picked incident, or until one is picked the most
 * urgent active one, so that the middle is never empty while something is going on.
 */
export function useShownIncident(): { readonly incident: Incident | null; readonly picked: boolean } {
  const selected = useSelectedIncident();
  const urgent = useBoard((s) => (s.ui.selectedIncidentId === null ? mostUrgent(s.board) : null));
  return selected !== null ? { incident: selected, picked: true } : { incident: urgent, picked: false };
}

/** From this many active incidents the cards no longer fit the board column: one line each. */
export const DENSE_FROM = 6;

/** The board is busy (a flood, or more incidents than cards fit): it lists them one line each. */
export const useDenseBoard = (): boolean =>
  useBoard((s) => s.board.flood.active || Object.values(s.board.incidents).filter(isActive).length >= DENSE_FROM);
