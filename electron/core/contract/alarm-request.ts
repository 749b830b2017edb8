import { fail, ok, type Result } from './result.js';

const ACTIONS = { trigger: 'triggerAlarm', acknowledge: 'acknowledgeAlarm', resolve: 'resolveAlarm' } as const;

/**
 * `POST /api/v1/alarms` speaks the shape of PagerDuty's Events API
 * (`{action, dedupKey, source, summary, …}`); this turns it into the board's own command, which
 * is then validated like any other.
 */
export function alarmRequestToCommand(raw: unknown): Result<Record<string, unknown>> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('invalid', 'an alarm must be a JSON object', 'action');
  const { action, ...rest } = raw as Record<string, unknown>;
  if (typeof action !== 'string' || !Object.hasOwn(ACTIONS, action)) {
    return fail('invalid', 'must be one of trigger, acknowledge, resolve', 'action');
  }
  const type = ACTIONS[action as keyof typeof ACTIONS];
  if (type !== 'triggerAlarm') {
    // Only a trigger carries a description; the others name the alarm by its key alone.
    const { summary: _summary, incidentType: _type, level: _level, details: _details, ...key } = rest;
    return ok({ ...key, type });
  }
  return ok({ ...rest, type });
}
