import { z } from 'zod';
import { LEVELS } from '../incident/levels.js';
import { ESCALATION_ROLES } from './roles.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** The longest deadline or extension the plans know is 60 days; a year leaves room and keeps dates valid. */
export const MAX_DEADLINE_MS = 366 * DAY;

/**
 * An escalation tier: who is alerted, how long they have to acknowledge, and how many times the
 * alert repeats at this tier before the next tier is alerted.
 */
export const tierSchema = z.strictObject({
  role: z.enum(ESCALATION_ROLES),
  ackTimeoutMs: z
    .number()
    .int()
    .min(1000, 'at least one second')
    .max(24 * HOUR),
  repeat: z.number().int().min(0).max(10),
});
export const policySchema = z.strictObject({
  tiers: z.array(tierSchema).min(1, 'at least one tier').max(8),
  /** re-alarm an acknowledged but unresolved incident after this long; null for never */
  reminderMs: z
    .number()
    .int()
    .min(MINUTE)
    .max(7 * 24 * HOUR)
    .nullable(),
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
  /** milliseconds on the clock calendar (at most a year), whole days on the working-day calendar (at most 250) */
  amount: z.number().int().min(0).max(MAX_DEADLINE_MS, 'at most a year'),
  /** only for these levels; null for all */
  levels: z.array(z.enum(LEVELS)).nullable(),
});
export type DeadlineRule = z.output<typeof deadlineRuleSchema>;

/** A year of working days; longer limits in the plans are counted on the clock calendar. */
export const MAX_WORKING_DAYS = 250;

/** The deadline rules of a type, with the working-day limit checked where the calendar is known. */
export const deadlineRulesSchema = z
  .array(deadlineRuleSchema)
  .max(20)
  .superRefine((rules, context) => {
    rules.forEach((rule, index) => {
      if (rule.calendar === 'workingDays' && rule.amount > MAX_WORKING_DAYS) {
        context.addIssue({ code: 'custom', path: [index, 'amount'], message: `at most ${MAX_WORKING_DAYS} working days` });
      }
    });
  });
