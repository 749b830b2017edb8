import { activeIncidents } from '../../electron/core/incident/selectors.js';
import type { BoardState, Incident } from '../../electron/core/state.js';

/** Alarms of one source (null: raised on the board itself) and one incident type. */
export interface AlarmGroup {
  readonly key: string;
  readonly source: string | null;
  readonly incidentType: string;
  readonly ids: readonly string[];
}

/**
 * During an alarm flood the board groups alarms by source and incident type, so that fifty
 * alarms from one failing system read as one line of work. Groups come in board order (the
 * gravest, longest-waiting incident of a group decides its place), and every incident stays in
 * exactly one group: nothing is hidden.
 */
export function groupBySourceAndType(incidents: readonly Incident[]): AlarmGroup[] {
  const groups = new Map<string, { source: string | null; incidentType: string; ids: string[] }>();
  for (const incident of incidents) {
    const source = incident.source?.system ?? null;
    // JSON keeps the two parts apart whatever characters a source name holds.
    const key = JSON.stringify([source, incident.incidentType]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { source, incidentType: incident.incidentType, ids: [incident.id] });
    else group.ids.push(incident.id);
  }
  return [...groups.entries()].map(([key, g]) => ({ key, ...g }));
}

/** The active incidents of the board, grouped; see groupBySourceAndType. */
export const selectFloodGroups = (board: BoardState): AlarmGroup[] => groupBySourceAndType(activeIncidents(board));
