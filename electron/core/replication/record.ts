import { z } from 'zod';
import type { DomainEvent } from '../events.js';
import { NODE_ID_PATTERN, NODE_ID_RULE } from './identity.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as it travels between nodes: without `seq`, which is each console's own journal position. */
export type ReplicatedEvent = DistributiveOmit<DomainEvent, 'seq'>;

/**
 * One command's events as decided on one node: the unit of the journal and of replication.
 * `nodeSeq` counts the records of that node, 1, 2, 3 … without gaps.
 */
export interface ReplicatedRecord {
  readonly node: string;
  readonly nodeSeq: number;
  readonly events: readonly ReplicatedEvent[];
}

/** Upper bounds of what a record from another node may hold (a peer is not trusted to be sane). */
export const RECORD_LIMITS = { events: 1000, nodeSeq: 1e12 } as const;

const NODE_SEQ_DIGITS = 12;

/** The replicated document's id: node and zero-padded nodeSeq, so ids sort in the node's order. */
export const recordId = (node: string, nodeSeq: number): string => `${node}:${String(nodeSeq).padStart(NODE_SEQ_DIGITS, '0')}`;

/** The node and nodeSeq an id names, or null for an id that is not a record's. */
export function parseRecordId(id: string): { node: string; nodeSeq: number } | null {
  const match = /^([A-Z]{1,4}[0-9]{1,3}):([0-9]{12})$/.exec(id);
  if (match === null) return null;
  const nodeSeq = Number(match[2]);
  return nodeSeq >= 1 ? { node: match[1] ?? '', nodeSeq } : null;
}

const eventEnvelopeSchema = z.looseObject({
  type: z.string().min(1).max(64),
  at: z.number().int().min(0).max(8.64e15),
  actor: z.string().max(100),
  incidentId: z.string().max(64).nullable(),
  node: z.string().regex(NODE_ID_PATTERN, NODE_ID_RULE),
  hlc: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/** The shape every record from another node must have before anything looks at its events. */
export const recordSchema = z.strictObject({
  node: z.string().regex(NODE_ID_PATTERN, NODE_ID_RULE),
  nodeSeq: z.number().int().min(1).max(RECORD_LIMITS.nodeSeq),
  events: z.array(eventEnvelopeSchema).min(1).max(RECORD_LIMITS.events),
});
