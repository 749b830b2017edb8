import type { DomainEvent } from './events.js';
import type { Level } from './levels.js';

export type IncidentStatus = 'raised' | 'acknowledged' | 'resolved' | 'closed';

export interface LevelChange {
  readonly at: number;
  readonly actor: string;
  readonly from: Level | null;
  readonly to: Level;
  readonly reason: string;
}

export interface Incident {
  readonly id: string;
  /** Short running number for people to say aloud ("incident 12"). */
  readonly number: number;
  readonly incidentType: string;
  readonly level: Level;
  readonly levelHistory: readonly LevelChange[];
  readonly title: string;
  readonly location: string;
  readonly reporter: string;
  readonly details: string;
  readonly drill: boolean;
  readonly status: IncidentStatus;
  readonly raisedAt: number;
  readonly raisedBy: string;
  readonly acknowledgedAt: number | null;
  readonly acknowledgedBy: string | null;
  readonly resolvedAt: number | null;
  readonly closedAt: number | null;
  readonly updatedAt: number;
  /** Every event of this incident, oldest first: the record of who did what, when. */
  readonly timeline: readonly DomainEvent[];
}

export interface BoardState {
  /** seq of the last event applied; 0 for an empty journal */
  readonly seq: number;
  readonly lastNumber: number;
  readonly incidents: Readonly<Record<string, Incident>>;
}

export const initialState: BoardState = { seq: 0, lastNumber: 0, incidents: {} };

export const isActive = (incident: Incident): boolean =>
  incident.status === 'raised' || incident.status === 'acknowledged';
