import { addWorkingDays } from '../plan/calendar.js';
import type { Level } from '../incident/levels.js';
import { deadlineRulesFor, type EscalationPolicy, type Plan } from '../plan/plan.js';
import type { Deadline } from '../state.js';

/** How long the given tier has to acknowledge; tiers past the end reuse the last one. */
export function tierTimeout(policy: EscalationPolicy, tier: number): number {
  const last = policy.tiers[policy.tiers.length - 1];
  return (policy.tiers[tier] ?? last)?.ackTimeoutMs ?? 60_000;
}

/**
 * The plan's deadlines for an incident counted from `from`, skipping those it already has
 * (a level change adds only what the new level brings).
 */
export function deadlinesFrom(
  plan: Plan,
  incidentType: string,
  level: Level,
  from: 'raised' | 'acknowledged',
  at: number,
  existing: readonly Deadline[] = [],
): Deadline[] {
  return deadlineRulesFor(plan, incidentType, level)
    .filter((rule) => rule.from === from && !existing.some((d) => d.id === rule.id))
    .map((rule) => ({
      id: rule.id,
      name: rule.name,
      dueAt: rule.calendar === 'clock' ? at + rule.amount : addWorkingDays(at, rule.amount, plan.calendar),
      metAt: null,
      metBy: null,
      missedAt: null,
    }));
}
