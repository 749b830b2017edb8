/**
 * Issue 3, alarms from other systems (PagerDuty Events API style): triggers with one source and
 * dedup key update one open incident; resolve returns the alarm to normal, and an alarm nobody
 * acknowledged stays on the board as "returned, unacknowledged" until someone does.
 */
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../../electron/core/contract/commands.js';
import { EXTERNAL_ALARM_TYPE } from '../../../electron/core/alarm/intake-rules.js';
import { DEFAULT_PLAN } from '../../../electron/core/plan/plan.js';
import { activeIncidents, hornPattern, recentIncidents } from '../../../electron/core/incident/selectors.js';
import { nextDueAt } from '../../../electron/core/alarm/tick.js';
import { at, copiedFromCatalogue, deadline, given, happened, HOUR, tick } from '../given.js';

const { I, III } = DEFAULT_PLAN.policies;

const trigger = (dedupKey = 'zone-4', over: Record<string, unknown> = {}): CommandInput => ({
  type: 'triggerAlarm',
  source: 'bms',
  dedupKey,
  summary: 'Smoke detector zone 4',
  actor: 'bms-gateway',
  ...over,
});
const resolveAlarm = (dedupKey = 'zone-4', source = 'bms'): CommandInput => ({
  type: 'resolveAlarm',
  source,
  dedupKey,
  actor: 'bms-gateway',
});
const acknowledgeAlarm = (dedupKey = 'zone-4', source = 'bms'): CommandInput => ({
  type: 'acknowledgeAlarm',
  source,
  dedupKey,
  actor: 'bms-gateway',
});
const ack = (incidentId = 'inc-1'): CommandInput => ({ type: 'acknowledge', incidentId, actor: 'alice' });

const TRIGGERED = happened([[at(0), trigger()]]);

describe('triggerAlarm', () => {
  it('opens one incident, of type system-alarm and level III unless told, with its source', () => {
    expect(EXTERNAL_ALARM_TYPE).toBe('system-alarm');
    given([])
      .when(trigger(), at(0))
      .thenEvents([
        {
          incidentId: 'inc-1',
          type: 'incidentRaised',
          number: 1,
          incidentType: 'system-alarm',
          level: 'III',
          title: 'Smoke detector zone 4',
          location: '',
          reporter: 'bms',
          details: '',
          drill: false,
          policy: III,
          nextEscalationAt: at(10),
          deadlines: [],
          source: { system: 'bms', dedupKey: 'zone-4', count: 1, lastSeenAt: at(0) },
          ...copiedFromCatalogue('system-alarm'),
        },
      ]);
  });

  it('takes the incident type and level the source names, with their policy and deadlines', () => {
    const { result } = given([]).when(trigger('zone-4', { incidentType: 'fire', level: 'I', details: 'loop 2' }), at(0));
    expect(result.ok && result.value[0]).toMatchObject({
      type: 'incidentRaised',
      incidentType: 'fire',
      level: 'I',
      details: 'loop 2',
      policy: I,
      nextEscalationAt: at(2),
      deadlines: [deadline('fire', 'report-unit-head', at(5)), deadline('fire', 'report-bureau', at(60))],
    });
  });

  it('refuses an incident type that is not in the catalogue', () => {
    given([])
      .when(trigger('zone-4', { incidentType: 'alien-invasion' }), at(0))
      .thenRefused({ code: 'invalid', field: 'incidentType', message: 'unknown incident type' });
  });

  it('takes the next free running number after incidents raised by hand', () => {
    const { result } = given(happened([[at(0), { type: 'raiseIncident', incidentType: 'fire', level: 'II', title: 'x' }]])).when(
      trigger(),
      at(1),
    );
    expect(result.ok && result.value.map((e) => [e.seq, e.incidentId])).toEqual([[2, 'inc-2']]);
  });

  it('a repeated trigger with the same source and key counts on the one incident; no new incident', () => {
    const twice = given(TRIGGERED)
      .when(trigger('zone-4', { summary: 'Smoke detector zone 4 (again)' }), at(3))
      .thenEvents([
        { incidentId: 'inc-1', type: 'alarmRetriggered', count: 2, summary: 'Smoke detector zone 4 (again)', nextEscalationAt: at(10) },
      ]);
    expect(Object.keys(twice.state.incidents)).toEqual(['inc-1']);
    expect(twice.incident()).toMatchObject({
      title: 'Smoke detector zone 4 (again)',
      source: { system: 'bms', dedupKey: 'zone-4', count: 2, lastSeenAt: at(3) },
    });
    // still sounding: its escalation is not restarted by the repeat
    expect(twice.incident().alarm).toMatchObject({ unacknowledged: true, reason: 'raised', nextEscalationAt: at(10) });
    twice
      .when(trigger(), at(4))
      .thenEvents([
        { incidentId: 'inc-1', type: 'alarmRetriggered', count: 3, summary: 'Smoke detector zone 4', nextEscalationAt: at(10) },
      ]);
  });

  it('another key, or the same key from another source, is another incident', () => {
    const state = given(
      happened([
        [at(0), trigger()],
        [at(1), trigger('zone-5')],
        [at(2), trigger('zone-4', { source: 'fire-panel' })],
      ]),
    ).state;
    expect(Object.values(state.incidents).map((i) => [i.id, i.source?.system, i.source?.dedupKey, i.source?.count])).toEqual([
      ['inc-1', 'bms', 'zone-4', 1],
      ['inc-2', 'bms', 'zone-5', 1],
      ['inc-3', 'fire-panel', 'zone-4', 1],
    ]);
  });

  it('an external alarm escalates by its policy like any other', () => {
    given(TRIGGERED)
      .when(tick(), at(10))
      .thenEvents([{ incidentId: 'inc-1', type: 'alertRepeated', tier: 0, repeatsDone: 1, nextEscalationAt: at(20) }]);
  });
});

describe('resolveAlarm: the condition returned to normal', () => {
  it('not yet acknowledged: alarmReturned, and it stays on the board as returned, unacknowledged', () => {
    const returned = given(TRIGGERED)
      .when(resolveAlarm(), at(2))
      .thenEvents([{ incidentId: 'inc-1', type: 'alarmReturned' }]);
    expect(returned.incident()).toMatchObject({ status: 'raised', resolvedAt: null });
    expect(returned.incident().alarm).toMatchObject({ returned: true, unacknowledged: true });
    expect(activeIncidents(returned.state).map((i) => i.id)).toEqual(['inc-1']);
    expect(recentIncidents(returned.state)).toEqual([]);
    // a second resolve changes nothing
    returned.when(resolveAlarm(), at(3)).thenNothing();
  });

  it('a returned alarm is neither chased up the ladder nor sounded, but keeps flashing until seen', () => {
    const returned = given(TRIGGERED)
      .when(resolveAlarm(), at(2))
      .thenEvents([{ incidentId: 'inc-1', type: 'alarmReturned' }]);
    expect(returned.incident().alarm.nextEscalationAt).toBeNull();
    expect(hornPattern(returned.state, at(3))).toBeNull();
    returned.when(tick(), at(60)).thenNothing();
  });

  it('acknowledging a returned alarm resolves it', () => {
    const seen = given(
      happened([
        [at(0), trigger()],
        [at(2), resolveAlarm()],
      ]),
    )
      .when(ack(), at(4))
      .thenEvents([
        { incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: at(4) + 2 * HOUR, deadlines: [] },
        { incidentId: 'inc-1', type: 'incidentResolved', summary: 'returned to normal' },
      ]);
    expect(seen.incident()).toMatchObject({ status: 'resolved', resolvedAt: at(4), acknowledgedBy: 'alice' });
    expect(nextDueAt(seen.state)).toBeNull();
  });

  it('the source may acknowledge it as well, with the same effect', () => {
    given(
      happened([
        [at(0), trigger()],
        [at(2), resolveAlarm()],
      ]),
    )
      .when(acknowledgeAlarm(), at(4))
      .thenEvents([
        { incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: at(4) + 2 * HOUR, deadlines: [] },
        { incidentId: 'inc-1', type: 'incidentResolved', summary: 'returned to normal' },
      ]);
  });

  it('already acknowledged: the incident is resolved', () => {
    const resolved = given(
      happened([
        [at(0), trigger()],
        [at(1), ack()],
      ]),
    )
      .when(resolveAlarm(), at(2))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentResolved', summary: 'returned to normal' }]);
    expect(resolved.incident().status).toBe('resolved');
    expect(resolved.incident().timeline.at(-1)?.actor).toBe('bms-gateway');
  });

  it('a retrigger after the return sounds again and restarts escalation from its tier', () => {
    const again = given(
      happened([
        [at(0), trigger()],
        [at(2), resolveAlarm()],
      ]),
    )
      .when(trigger(), at(5))
      .thenEvents([
        { incidentId: 'inc-1', type: 'alarmRetriggered', count: 2, summary: 'Smoke detector zone 4', nextEscalationAt: at(15) },
      ]);
    expect(again.incident().alarm).toMatchObject({
      returned: false,
      unacknowledged: true,
      reason: 'retriggered',
      nextEscalationAt: at(15),
    });
    // acknowledging it now only acknowledges: it has not returned to normal
    again
      .when(ack(), at(6))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: at(6) + 2 * HOUR, deadlines: [] }]);
  });

  it('a retrigger of an acknowledged alarm needs eyes again: it sounds and escalates', () => {
    const again = given(
      happened([
        [at(0), trigger()],
        [at(1), ack()],
      ]),
    )
      .when(trigger(), at(5))
      .thenEvents([
        { incidentId: 'inc-1', type: 'alarmRetriggered', count: 2, summary: 'Smoke detector zone 4', nextEscalationAt: at(15) },
      ]);
    expect(again.incident().status).toBe('acknowledged');
    expect(again.incident().alarm).toMatchObject({
      unacknowledged: true,
      reason: 'retriggered',
      reminderAt: null,
      nextEscalationAt: at(15),
    });
    expect(nextDueAt(again.state)).toBe(at(15));
  });

  it('a trigger after the incident was resolved opens a new one', () => {
    const state = given(
      happened([
        [at(0), trigger()],
        [at(1), ack()],
        [at(2), resolveAlarm()],
      ]),
    ).state;
    const { result } = given([], state).when(trigger(), at(3));
    expect(result.ok && result.value.map((e) => [e.type, e.incidentId, e.type === 'incidentRaised' && e.source])).toEqual([
      ['incidentRaised', 'inc-2', { system: 'bms', dedupKey: 'zone-4', count: 1, lastSeenAt: at(3) }],
    ]);
  });
});

describe('acknowledgeAlarm', () => {
  it('acknowledges the open incident of that source and key', () => {
    given(TRIGGERED)
      .when(acknowledgeAlarm(), at(1))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: at(1) + 2 * HOUR, deadlines: [] }]);
  });

  it('an alarm already acknowledged: nothing happens (the source may repeat itself)', () => {
    given(
      happened([
        [at(0), trigger()],
        [at(1), ack()],
      ]),
    )
      .when(acknowledgeAlarm(), at(2))
      .thenNothing();
  });
});

describe('an alarm nobody knows', () => {
  it.each([
    ['acknowledgeAlarm', acknowledgeAlarm('zone-9')],
    ['resolveAlarm', resolveAlarm('zone-9')],
    ['acknowledgeAlarm from another source', acknowledgeAlarm('zone-4', 'fire-panel')],
    ['resolveAlarm from another source', resolveAlarm('zone-4', 'fire-panel')],
  ])('%s: not_found on dedupKey', (_name, command) => {
    given(TRIGGERED)
      .when(command, at(1))
      .thenRefused({ code: 'not_found', field: 'dedupKey', message: 'no open alarm with this dedup key' });
  });

  it('once resolved, the key is no longer open', () => {
    given(
      happened([
        [at(0), trigger()],
        [at(1), ack()],
        [at(2), resolveAlarm()],
      ]),
    )
      .when(resolveAlarm(), at(3))
      .thenRefused({ code: 'not_found', field: 'dedupKey' });
  });
});
