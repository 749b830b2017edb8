import { z } from 'zod';
import type { Level } from './levels.js';

/** What the incident has cost so far: the measures the level thresholds are drawn on. */
export const impactSchema = z.strictObject({
  dead: z.number().int().min(0).max(100_000).default(0),
  missing: z.number().int().min(0).max(100_000).default(0),
  injured: z.number().int().min(0).max(100_000).default(0),
  seriouslyInjured: z.number().int().min(0).max(100_000).default(0),
  /** estimated direct economic loss in yuan */
  directLossYuan: z.number().min(0).max(1e13).default(0),
  complainants: z.number().int().min(0).max(100_000).default(0),
  media: z.enum(['none', 'city', 'provincial']).default('none'),
  regulatorInvolved: z.boolean().default(false),
  agitated: z.boolean().default(false),
  blockingOrThreat: z.boolean().default(false),
});
export type Impact = z.output<typeof impactSchema>;
export const NO_IMPACT: Impact = impactSchema.parse({});

export interface LevelProposal {
  readonly level: Level;
  /** the measures that reach this level, for the dispatcher to check */
  readonly because: readonly string[];
}

const grade = (value: number, limits: readonly [number, number, number]): Level | null =>
  value >= limits[0] ? 'I' : value >= limits[1] ? 'II' : value >= limits[2] ? 'III' : null;

/**
 * Production-safety accident grades (Order 493): deaths (missing counted with them), serious
 * injuries, direct loss. The highest level any measure reaches wins, so an unclear case gets the
 * higher level. Below every threshold an accident is level IV.
 */
export function proposeAccidentLevel(impact: Impact): LevelProposal {
  const deaths = impact.dead + impact.missing;
  const candidates: [Level | null, string][] = [
    [grade(deaths, [30, 10, 3]), `dead+missing ${deaths}`],
    [grade(impact.seriouslyInjured, [100, 50, 10]), `seriously injured ${impact.seriouslyInjured}`],
    [grade(impact.directLossYuan, [100_000_000, 50_000_000, 10_000_000]), `direct loss ¥${impact.directLossYuan}`],
  ];
  return highest(candidates, 'IV');
}

/** The bank complaint scheme: level 3 (III) up to level 1 (I); see DOMAIN.md. */
export function proposeComplaintLevel(impact: Impact): LevelProposal {
  const candidates: [Level | null, string][] = [
    [
      impact.complainants >= 10 ? 'I' : impact.complainants >= 5 ? 'II' : impact.complainants >= 3 ? 'III' : null,
      `complainants ${impact.complainants}`,
    ],
    [impact.media === 'provincial' ? 'I' : impact.media === 'city' ? 'II' : null, `media ${impact.media}`],
    [impact.regulatorInvolved ? 'II' : null, 'regulator involved'],
    [impact.blockingOrThreat ? 'I' : null, 'blocking or threat of violence'],
    [impact.agitated ? 'III' : null, 'agitated customer'],
  ];
  return highest(candidates, 'III');
}

function highest(candidates: [Level | null, string][], floor: Level): LevelProposal {
  const order: Level[] = ['I', 'II', 'III', 'IV'];
  const reached = candidates.filter((c): c is [Level, string] => c[0] !== null);
  if (reached.length === 0) return { level: floor, because: [] };
  const level = order.find((l) => reached.some((c) => c[0] === l)) ?? floor;
  return { level, because: reached.filter((c) => c[0] === level).map((c) => c[1]) };
}
