import type { DomainEvent } from './events.js';
import type { Result } from './contract/result.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as a rule decides it; the dispatcher stamps seq, time and actor on all alike. */
export type Draft = DistributiveOmit<DomainEvent, 'seq' | 'at' | 'actor'>;
export type Drafts = Result<readonly Draft[]>;
