import { findType } from '../plan/catalogue.js';
import type { Command } from '../contract/commands.js';
import { acknowledgeDrafts } from './alarm-rules.js';
import { nextFreeNumber, raiseDrafts } from '../incident/raise-rules.js';
import type { Drafts } from '../draft.js';
import { fail, ok } from '../contract/result.js';
import { tierTimeout } from './schedule.js';
import { isActive, type BoardState, type Incident } from '../state.js';

type IntakeCommand = Extract<Command, { type: 'triggerAlarm' | 'acknowledgeAlarm' | 'resolveAlarm' }>;

/** Alarms from other systems when they name no incident type of their own. */
export const EXTERNAL_ALARM_TYPE = 'system-alarm';

/**
 * Alarms from other systems, in the style of PagerDuty's Events API: triggers with the same
 * dedup key update one open incident; resolve returns the alarm to normal.
 */
export function intakeRules(state: BoardState, command: IntakeCommand, now: number): Drafts {
  const open = openAlarm(state, command.source, command.dedupKey);
  switch (command.type) {
    case 'triggerAlarm': {
      if (open === undefined) {
        if (command.incidentType !== undefined && findType(state.plan.catalogue, command.incidentType) === undefined) {
          return fail('invalid', 'unknown incident type', 'incidentType');
        }
        const number = nextFreeNumber(state);
        return ok(
          raiseDrafts(
            state,
            {
              incidentId: `inc-${number}`,
              number,
              incidentType: command.incidentType ?? EXTERNAL_ALARM_TYPE,
              level: command.level ?? 'III',
              title: command.summary,
              location: '',
              reporter: command.source,
              details: command.details,
              drill: false,
              source: { system: command.source, dedupKey: command.dedupKey, count: 1, lastSeenAt: now },
            },
            now,
          ),
        );
      }
      // A repeat of a condition someone already handled, or that had cleared, needs eyes again.
      const sounding = open.alarm.unacknowledged && !open.alarm.returned;
      return ok([
        {
          incidentId: open.id,
          type: 'alarmRetriggered',
          count: (open.source?.count ?? 0) + 1,
          summary: command.summary,
          nextEscalationAt: sounding ? open.alarm.nextEscalationAt : now + tierTimeout(open.alarm.policy, open.alarm.tier),
        },
      ]);
    }
    case 'acknowledgeAlarm':
      if (open === undefined) return fail('not_found', 'no open alarm with this dedup key', 'dedupKey');
      return open.alarm.unacknowledged ? acknowledgeDrafts(state, open, now) : ok([]);
    case 'resolveAlarm':
      if (open === undefined) return fail('not_found', 'no open alarm with this dedup key', 'dedupKey');
      if (open.alarm.returned) return ok([]);
      // Acknowledged: it leaves the board. Unacknowledged: it stays, marked returned, until seen.
      if (open.alarm.unacknowledged) return ok([{ incidentId: open.id, type: 'alarmReturned' }]);
      return ok([{ incidentId: open.id, type: 'incidentResolved', summary: 'returned to normal' }]);
  }
}

function openAlarm(state: BoardState, system: string, dedupKey: string): Incident | undefined {
  return Object.values(state.incidents).find(
    (i) => isActive(i) && i.source !== null && i.source.system === system && i.source.dedupKey === dedupKey,
  );
}
