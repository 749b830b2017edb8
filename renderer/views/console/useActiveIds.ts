import { useMemo } from 'react';
import { activeIncidents } from '../../../electron/core/incident/selectors.js';
import type { Incident } from '../../../electron/core/state.js';
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
