import { z } from 'zod';
import { calendarSchema, DEFAULT_CALENDAR } from './calendar.js';
import { catalogueSchema, DEFAULT_CATALOGUE, findType, type Catalogue } from './catalogue.js';
import type { Level } from '../incident/levels.js';
import { HOUR, MINUTE, policySchema, type DeadlineRule, type EscalationPolicy, type EscalationTier } from './plan-schemas.js';
import { ESCALATION_ROLES } from './roles.js';

export {
  deadlineRuleSchema,
  policySchema,
  tierSchema,
  type DeadlineRule,
  type EscalationPolicy,
  type EscalationTier,
} from './plan-schemas.js';

/** The plan in force: default escalation per level, the incident-type catalogue, the calendar. */
export const planSchema = z.strictObject({
  policies: z.strictObject({ I: policySchema, II: policySchema, III: policySchema, IV: policySchema }),
  catalogue: catalogueSchema,
  calendar: calendarSchema,
  /** closed incidents stay on the board's memory this long, then only in the journal */
  retentionMs: z
    .number()
    .int()
    .min(HOUR)
    .max(366 * 24 * HOUR),
});
export type Plan = Omit<z.output<typeof planSchema>, 'catalogue'> & { readonly catalogue: Catalogue };

const ladder = (minutes: number, repeat: number): EscalationTier[] =>
  ESCALATION_ROLES.map((role) => ({ role, ackTimeoutMs: minutes * MINUTE, repeat }));

/** Level I escalates faster than level IV. */
export const DEFAULT_PLAN: Plan = {
  policies: {
    I: { tiers: ladder(2, 0), reminderMs: 15 * MINUTE },
    II: { tiers: ladder(5, 0), reminderMs: 30 * MINUTE },
    III: { tiers: ladder(10, 1), reminderMs: 2 * HOUR },
    IV: { tiers: ladder(30, 1), reminderMs: null },
  },
  catalogue: DEFAULT_CATALOGUE,
  calendar: DEFAULT_CALENDAR,
  retentionMs: 7 * 24 * HOUR,
};

export function policyFor(plan: Plan, incidentType: string, level: Level): EscalationPolicy {
  return findType(plan.catalogue, incidentType)?.escalation[level] ?? plan.policies[level];
}

export function deadlineRulesFor(plan: Plan, incidentType: string, level: Level): DeadlineRule[] {
  return (findType(plan.catalogue, incidentType)?.deadlines ?? []).filter((rule) => rule.levels === null || rule.levels.includes(level));
}
