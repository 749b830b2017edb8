import type { Level } from './levels.js';

/** Fields every journaled event carries. Events are plain, read-only data. */
interface EventBase {
  readonly seq: number;
  /** epoch milliseconds, taken from the `now` given to decide */
  readonly at: number;
  readonly actor: string;
  readonly incidentId: string;
}

export interface IncidentRaised extends EventBase {
  readonly type: 'incidentRaised';
  readonly number: number;
  readonly incidentType: string;
  readonly level: Level;
  readonly title: string;
  readonly location: string;
  readonly reporter: string;
  readonly details: string;
  readonly drill: boolean;
}
export interface IncidentAcknowledged extends EventBase {
  readonly type: 'incidentAcknowledged';
}
export interface NoteAdded extends EventBase {
  readonly type: 'noteAdded';
  readonly text: string;
}
export interface LevelChanged extends EventBase {
  readonly type: 'levelChanged';
  readonly from: Level;
  readonly to: Level;
  readonly reason: string;
}
export interface IncidentResolved extends EventBase {
  readonly type: 'incidentResolved';
  readonly summary: string;
}
export interface IncidentClosed extends EventBase {
  readonly type: 'incidentClosed';
}
export interface IncidentReopened extends EventBase {
  readonly type: 'incidentReopened';
  readonly reason: string;
}

export type DomainEvent =
  | IncidentRaised
  | IncidentAcknowledged
  | NoteAdded
  | LevelChanged
  | IncidentResolved
  | IncidentClosed
  | IncidentReopened;

export type EventType = DomainEvent['type'];
