import { z } from 'zod';
import { calendarSchema, DEFAULT_CALENDAR } from './calendar.js';
import { LEVELS, type Level } from './levels.js';
import { ESCALATION_ROLES } from './roles.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * An escalation tier: who is alerted, how long they have to acknowledge, and how many times the
 * alert repeats at this tier before the next tier is alerted.
 */
export const tierSchema = z.strictObject({
  role: z.enum(ESCALATION_ROLES),
  ackTimeoutMs: z.number().int().min(1000, 'at least one second').max(24 * HOUR),
  repeat: z.number().int().min(0).max(10),
});
export const policySchema = z.strictObject({
  tiers: z.array(tierSchema).min(1, 'at least one tier').max(8),
  /** re-alarm an acknowledged but unresolved incident after this long; null for never */
  reminderMs: z.number().int().min(MINUTE).max(7 * 24 * HOUR).nullable(),
});
export type EscalationTier = z.output<typeof tierSchema>;
export type EscalationPolicy = z.output<typeof policySchema>;

const nameSchema = z.strictObject({ 'zh-CN': z.string().min(1).max(100), en: z.string().min(1).max(100) });

/** A milestone of the plan: "report to the emergency management bureau within 1 hour". */
export const deadlineRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: nameSchema,
  from: z.enum(['raised', 'acknowledged']),
  calendar: z.enum(['clock', 'workingDays']),
  /** milliseconds on the clock calendar, whole days on the working-day calendar */
  amount: z.number().int().min(0),
  /** only for these levels; null for all */
  levels: z.array(z.enum(LEVELS)).nullable(),
});
export type DeadlineRule = z.output<typeof deadlineRuleSchema>;

export const planSchema = z.strictObject({
  policies: z.strictObject({ I: policySchema, II: policySchema, III: policySchema, IV: policySchema }),
  /** per incident type and level, replacing the level's default policy */
  policyOverrides: z.record(z.string(), z.partialRecord(z.enum(LEVELS), policySchema)),
  deadlines: z.record(z.string(), z.array(deadlineRuleSchema).max(20)),
  calendar: calendarSchema,
});
export type Plan = z.output<typeof planSchema>;

const ladder = (minutes: number, repeat: number): EscalationTier[] =>
  ESCALATION_ROLES.map((role) => ({ role, ackTimeoutMs: minutes * MINUTE, repeat }));

const reportToUnitHead: DeadlineRule = {
  id: 'report-unit-head',
  name: { 'zh-CN': '报告单位负责人', en: 'Report to the unit head' },
  from: 'raised',
  calendar: 'clock',
  // "immediately" in the plans; five minutes is when a board should start to nag
  amount: 5 * MINUTE,
  levels: null,
};
const reportToBureau: DeadlineRule = {
  id: 'report-bureau',
  name: { 'zh-CN': '报告应急管理部门', en: 'Report to the emergency management bureau' },
  from: 'raised',
  calendar: 'clock',
  amount: HOUR,
  levels: null,
};

/** Defaults drawn from DOMAIN.md; level I escalates faster than level IV. */
export const DEFAULT_PLAN: Plan = {
  policies: {
    I: { tiers: ladder(2, 0), reminderMs: 15 * MINUTE },
    II: { tiers: ladder(5, 0), reminderMs: 30 * MINUTE },
    III: { tiers: ladder(10, 1), reminderMs: 2 * HOUR },
    IV: { tiers: ladder(30, 1), reminderMs: null },
  },
  policyOverrides: {},
  deadlines: {
    fire: [reportToUnitHead, reportToBureau],
    injury: [reportToUnitHead, reportToBureau],
    'equipment-accident': [reportToUnitHead, reportToBureau],
    'power-outage': [
      {
        id: 'request-generator',
        name: { 'zh-CN': '申请发电车', en: 'Request a generator' },
        from: 'raised',
        calendar: 'clock',
        amount: 2 * HOUR,
        levels: null,
      },
    ],
    'customer-complaint': [
      {
        id: 'acknowledge-complaint',
        name: { 'zh-CN': '受理答复客户', en: 'Acknowledge to the customer' },
        from: 'raised',
        calendar: 'clock',
        amount: 24 * HOUR,
        levels: null,
      },
      {
        id: 'close-complaint',
        name: { 'zh-CN': '办结投诉', en: 'Close the complaint' },
        from: 'raised',
        calendar: 'workingDays',
        amount: 3,
        levels: null,
      },
    ],
  },
  calendar: DEFAULT_CALENDAR,
};

export function policyFor(plan: Plan, incidentType: string, level: Level): EscalationPolicy {
  return plan.policyOverrides[incidentType]?.[level] ?? plan.policies[level];
}

export function deadlineRulesFor(plan: Plan, incidentType: string, level: Level): DeadlineRule[] {
  return (plan.deadlines[incidentType] ?? []).filter((rule) => rule.levels === null || rule.levels.includes(level));
}
