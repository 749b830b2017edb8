/**
 * Issue 3, escalation on a fake clock: tier timeouts, repeats, acknowledgement, a late tick,
 * manual escalation, level changes, silence, shelving, reminders, clock jumps, the horn.
 * Only decide and evolve are driven, with explicit `now` values and tick commands.
 * The incident type is system-alarm: it has no deadlines, so only escalation happens here.
 */
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../../electron/core/contract/commands.js';
import type { AlarmBefore } from '../../../electron/core/events.js';
import type { Level } from '../../../electron/core/incident/levels.js';
import { UNDO_ESCALATION_MS } from '../../../electron/core/alarm/alarm-rules.js';
import { DEFAULT_PLAN } from '../../../electron/core/plan/plan.js';
import { ESCALATION_ROLES } from '../../../electron/core/plan/roles.js';
import { activeIncidents, hornPattern, soundingIncidents } from '../../../electron/core/incident/selectors.js';
import { initialState } from '../../../electron/core/state.js';
import { nextDueAt } from '../../../electron/core/alarm/tick.js';
import { at, DAY, given, happened, HOUR, MINUTE, SECOND, tick } from '../given.js';

const { I, II, III, IV } = DEFAULT_PLAN.policies;

const raise = (level: Level, over: Partial<Extract<CommandInput, { type: 'raiseIncident' }>> = {}): CommandInput => ({
  type: 'raiseIncident',
  incidentType: 'system-alarm',
  level,
  title: 'Pump P-3 pressure low',
  ...over,
});
const ack = (incidentId = 'inc-1', actor = 'alice'): CommandInput => ({ type: 'acknowledge', incidentId, actor });
const escalate = (incidentId = 'inc-1', actor = 'bob'): CommandInput => ({ type: 'escalate', incidentId, actor });
const silence = (minutes?: number, incidentId = 'inc-1'): CommandInput =>
  minutes === undefined ? { type: 'silence', incidentId } : { type: 'silence', incidentId, minutes };
const shelve = (minutes: number, incidentId = 'inc-1'): CommandInput => ({
  type: 'shelve',
  incidentId,
  minutes,
  reason: 'sensor fault',
  actor: 'bob',
});
const escalated = (fromTier: number, nextEscalationAt: number, manual = false, incidentId = 'inc-1') =>
  ({ incidentId, type: 'escalated', fromTier, toTier: fromTier + 1, manual, nextEscalationAt }) as const;
/** A manual escalation also keeps the alarm as it was, for undo. */
const escalatedByHand = (fromTier: number, nextEscalationAt: number, before: AlarmBefore) =>
  ({ ...escalated(fromTier, nextEscalationAt, true), before }) as const;
const SOUNDING_SINCE_RAISE = (nextEscalationAt: number): AlarmBefore => ({
  unacknowledged: true,
  reason: 'raised',
  repeatsDone: 0,
  nextEscalationAt,
  reminderAt: null,
  silencedUntil: null,
});
const repeated = (tier: number, repeatsDone: number, nextEscalationAt: number, incidentId = 'inc-1') =>
  ({ incidentId, type: 'alertRepeated', tier, repeatsDone, nextEscalationAt }) as const;

describe('the default policies', () => {
  it('climb the ladder duty officer → duty head → group leader → commander → authority', () => {
    for (const policy of [I, II, III, IV]) expect(policy.tiers.map((t) => t.role)).toEqual([...ESCALATION_ROLES]);
    expect(ESCALATION_ROLES).toEqual(['dutyOfficer', 'dutyHead', 'groupLeader', 'commander', 'authority']);
  });

  it('level I escalates fastest: 2, 5, 10, 30 minutes; III and IV repeat once; IV has no reminder', () => {
    const summary = (p: typeof I) => [p.tiers.map((t) => [t.ackTimeoutMs / MINUTE, t.repeat]), p.reminderMs];
    expect(summary(I)).toEqual([Array(5).fill([2, 0]), 15 * MINUTE]);
    expect(summary(II)).toEqual([Array(5).fill([5, 0]), 30 * MINUTE]);
    expect(summary(III)).toEqual([Array(5).fill([10, 1]), 2 * HOUR]);
    expect(summary(IV)).toEqual([Array(5).fill([30, 1]), null]);
  });
});

describe('tier timeouts (repeat 0)', () => {
  const RAISED = happened([[at(0), raise('II')]]);

  it('nothing happens before the timeout; at the timeout tier 0 → 1, and the next timeout is set', () => {
    const board = given(RAISED);
    expect(nextDueAt(board.state)).toBe(at(5));
    const next = board
      .when(tick(), at(5) - 1)
      .thenNothing()
      .when(tick(), at(5))
      .thenEvents([escalated(0, at(10))]);
    expect(next.incident().alarm).toMatchObject({
      unacknowledged: true,
      reason: 'escalated',
      tier: 1,
      repeatsDone: 0,
      nextEscalationAt: at(10),
    });
    expect(next.incident().alarm.policy.tiers[1]?.role).toBe('dutyHead');
    expect(next.incident().timeline.map((e) => e.type)).toEqual(['incidentRaised', 'escalated']);
    expect(nextDueAt(next.state)).toBe(at(10));
  });

  it('climbs one tier per timeout to the top, where the alert keeps repeating', () => {
    const top = given(RAISED)
      .when(tick(), at(5))
      .thenEvents([escalated(0, at(10))])
      .when(tick(), at(10))
      .thenEvents([escalated(1, at(15))])
      .when(tick(), at(15))
      .thenEvents([escalated(2, at(20))])
      .when(tick(), at(20))
      .thenEvents([escalated(3, at(25))])
      .when(tick(), at(25))
      .thenEvents([repeated(4, 1, at(30))])
      .when(tick(), at(30))
      .thenEvents([repeated(4, 2, at(35))])
      .when(tick(), at(35))
      .thenEvents([repeated(4, 3, at(40))]);
    expect(top.incident().alarm).toMatchObject({ tier: 4, repeatsDone: 3, reason: 'repeated', nextEscalationAt: at(40) });
    expect(top.incident().alarm.policy.tiers[4]?.role).toBe('authority');
  });

  it('each tier has its own timeout (a policy set for the type)', () => {
    const policy = {
      tiers: [
        { role: 'dutyOfficer', ackTimeoutMs: 30 * SECOND, repeat: 0 },
        { role: 'commander', ackTimeoutMs: 3 * MINUTE, repeat: 0 },
        { role: 'authority', ackTimeoutMs: 10 * MINUTE, repeat: 0 },
      ],
      reminderMs: null,
    } as const;
    const history = happened([
      [at(0), { type: 'setPolicy', incidentType: 'system-alarm', level: 'II', policy: { ...policy, tiers: [...policy.tiers] } }],
      [at(1), raise('II')],
    ]);
    given(history)
      .when(tick(), at(1.5))
      .thenEvents([escalated(0, at(4.5))])
      .when(tick(), at(4.5))
      .thenEvents([escalated(1, at(14.5))])
      .when(tick(), at(14.5))
      .thenEvents([repeated(2, 1, at(24.5))]);
  });
});

describe('repeats', () => {
  it('a tier with repeat 1 alerts the same tier once more before moving on (level III: 10 minutes, repeat 1)', () => {
    const next = given(happened([[at(0), raise('III')]]))
      .when(tick(), at(10))
      .thenEvents([repeated(0, 1, at(20))]);
    expect(next.incident().alarm).toMatchObject({ tier: 0, repeatsDone: 1, reason: 'repeated', unacknowledged: true });
    const moved = next
      .when(tick(), at(20) - 1)
      .thenNothing()
      .when(tick(), at(20))
      .thenEvents([escalated(0, at(30))]);
    expect(moved.incident().alarm).toMatchObject({ tier: 1, repeatsDone: 0 });
    moved
      .when(tick(), at(30))
      .thenEvents([repeated(1, 1, at(40))])
      .when(tick(), at(40))
      .thenEvents([escalated(1, at(50))]);
  });

  it('repeat 2 on the first tier, then a top tier that keeps repeating', () => {
    const history = happened([
      [
        at(0),
        {
          type: 'setPolicy',
          incidentType: 'system-alarm',
          level: 'I',
          policy: {
            tiers: [
              { role: 'dutyOfficer', ackTimeoutMs: MINUTE, repeat: 2 },
              { role: 'commander', ackTimeoutMs: 2 * MINUTE, repeat: 0 },
            ],
            reminderMs: null,
          },
        },
      ],
      [at(0), raise('I')],
    ]);
    given(history)
      .when(tick(), at(1))
      .thenEvents([repeated(0, 1, at(2))])
      .when(tick(), at(2))
      .thenEvents([repeated(0, 2, at(3))])
      .when(tick(), at(3))
      .thenEvents([escalated(0, at(5))])
      .when(tick(), at(5))
      .thenEvents([repeated(1, 1, at(7))])
      .when(escalate(), at(6))
      .thenRefused({ code: 'conflict', field: 'incidentId', message: 'already at the highest tier of the escalation policy' });
  });
});

describe('acknowledgement stops escalation', () => {
  it('acknowledged mid-tier (after a repeat): no more escalation; the next due instant is the reminder', () => {
    const acked = given(happened([[at(0), raise('III')]]))
      .when(tick(), at(10))
      .thenEvents([repeated(0, 1, at(20))])
      .when(ack(), at(15))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: at(15) + 2 * HOUR, deadlines: [] }]);
    expect(acked.incident()).toMatchObject({ status: 'acknowledged', acknowledgedAt: at(15), acknowledgedBy: 'alice' });
    expect(acked.incident().alarm).toMatchObject({ unacknowledged: false, tier: 0, nextEscalationAt: null });
    expect(nextDueAt(acked.state)).toBe(at(15) + 2 * HOUR);
    acked.when(tick(), at(20)).thenNothing().when(tick(), at(100)).thenNothing();
  });

  it('without a reminder (level IV) nothing is pending any more', () => {
    const acked = given(happened([[at(0), raise('IV')]]))
      .when(ack(), at(29))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: null, deadlines: [] }]);
    expect(nextDueAt(acked.state)).toBeNull();
    acked.when(tick(), at(30)).thenNothing();
  });

  it('the tier reached stays on the card after acknowledgement', () => {
    const acked = given(
      happened([
        [at(0), raise('II')],
        [at(5), tick()],
        [at(10), tick()],
      ]),
    )
      .when(ack(), at(11))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: at(41), deadlines: [] }]);
    expect(acked.incident().alarm.tier).toBe(2);
  });
});

describe('a late tick (restart, suspend) fires once', () => {
  it('after three hours down, each incident moves one step only, in the order of their numbers', () => {
    const board = given(
      happened([
        [at(0), raise('II')],
        [at(1), raise('I')],
        [at(2), raise('III')],
      ]),
    )
      .when(tick(), at(180))
      .thenEvents([escalated(0, at(185)), escalated(0, at(182), false, 'inc-2'), repeated(0, 1, at(190), 'inc-3')]);
    expect(nextDueAt(board.state)).toBe(at(182));
    board.when(tick(), at(180)).thenNothing().when(tick(), at(181)).thenNothing();
  });

  it('at the top tier a late tick repeats once, however many timeouts passed', () => {
    given(
      happened([
        [at(0), raise('I')],
        [at(0), escalate()],
        [at(0), escalate()],
        [at(0), escalate()],
        [at(0), escalate()],
      ]),
    )
      .when(tick(), at(0) + DAY)
      .thenEvents([repeated(4, 1, at(0) + DAY + 2 * MINUTE)]);
  });
});

describe('manual escalation', () => {
  it('"Escalate" moves to the next tier at once and restarts its timeout', () => {
    given(happened([[at(0), raise('II')]]))
      .when(escalate(), at(1))
      .thenEvents([escalatedByHand(0, at(6), SOUNDING_SINCE_RAISE(at(5)))])
      .when(tick(), at(5))
      .thenNothing()
      .when(tick(), at(6))
      .thenEvents([escalated(1, at(11))]);
  });

  it('is refused at the top tier', () => {
    const top = given(
      happened([
        [at(0), raise('II')],
        [at(1), escalate()],
        [at(2), escalate()],
        [at(3), escalate()],
      ]),
    )
      .when(escalate(), at(4))
      .thenEvents([escalatedByHand(3, at(9), { ...SOUNDING_SINCE_RAISE(at(8)), reason: 'escalated' })]);
    expect(top.incident().alarm.tier).toBe(4);
    top
      .when(escalate(), at(5))
      .thenRefused({ code: 'conflict', field: 'incidentId', message: 'already at the highest tier of the escalation policy' });
  });

  it('escalating an acknowledged incident alerts the next tier: it sounds and escalates again', () => {
    const next = given(
      happened([
        [at(0), raise('II')],
        [at(1), ack()],
      ]),
    )
      .when(escalate(), at(2))
      .thenEvents([
        escalatedByHand(0, at(7), {
          unacknowledged: false,
          reason: 'raised',
          repeatsDone: 0,
          nextEscalationAt: null,
          reminderAt: at(31),
          silencedUntil: null,
        }),
      ]);
    expect(next.incident().alarm).toMatchObject({
      unacknowledged: true,
      reason: 'escalated',
      tier: 1,
      reminderAt: null,
      nextEscalationAt: at(7),
    });
    expect(soundingIncidents(next.state, at(2)).map((i) => i.id)).toEqual(['inc-1']);
    expect(nextDueAt(next.state)).toBe(at(7));
  });
});

describe('undoing a manual escalation (issue 13, point 8)', () => {
  const RAISED = happened([[at(0), raise('II')]]);
  const undo = (actor = 'bob'): CommandInput => ({ type: 'undoEscalation', incidentId: 'inc-1', actor });

  it('within 10 s puts the alarm back as it was: tier, timeout, and the acknowledgement', () => {
    const acked = given(
      happened([
        [at(0), raise('II')],
        [at(1), ack()],
      ]),
    );
    const before = acked.incident().alarm;
    const escalatedNow = acked.and([[at(2), escalate()]]);
    expect(escalatedNow.incident().alarm).toMatchObject({ tier: 1, unacknowledged: true });
    const undone = escalatedNow.when(undo(), at(2) + UNDO_ESCALATION_MS).thenEvents([
      {
        incidentId: 'inc-1',
        type: 'escalationUndone',
        fromTier: 1,
        toTier: 0,
        alarm: { unacknowledged: false, reason: 'raised', repeatsDone: 0, nextEscalationAt: null, reminderAt: at(31), silencedUntil: null },
      },
    ]);
    expect(undone.incident().alarm).toEqual({ ...before });
    expect(soundingIncidents(undone.state, at(3))).toEqual([]);
    expect(nextDueAt(undone.state)).toBe(at(31));
  });

  it('an unacknowledged incident goes back to its tier and its old timeout', () => {
    const undone = given(RAISED).and([
      [at(1), escalate()],
      [at(1.1), undo()],
    ]);
    expect(undone.incident().alarm).toMatchObject({ tier: 0, nextEscalationAt: at(5), unacknowledged: true, reason: 'raised' });
    undone.when(tick(), at(5)).thenEvents([escalated(0, at(10))]);
  });

  it('is refused after 10 s, twice, without a manual escalation, or once the alarm moved on', () => {
    const escalatedNow = given(RAISED).and([[at(1), escalate()]]);
    escalatedNow.when(undo(), at(1) + UNDO_ESCALATION_MS + 1).thenRefused({ code: 'conflict', field: 'incidentId' });
    escalatedNow
      .and([[at(1), undo()]])
      .when(undo(), at(1))
      .thenRefused({ code: 'conflict', field: 'incidentId' });
    given(RAISED).when(undo(), at(1)).thenRefused({ code: 'conflict', field: 'incidentId' });
    escalatedNow
      .and([[at(1), ack()]])
      .when(undo(), at(1))
      .thenRefused({ code: 'conflict', field: 'incidentId' });
    // an automatic escalation is the ladder's own and is never undone
    given(RAISED)
      .and([[at(5), tick()]])
      .when(undo(), at(5))
      .thenRefused({ code: 'conflict', field: 'incidentId' });
  });
});

describe('a level change switches the policy at once', () => {
  it('raising to a faster ladder brings the next alert forward, and later tiers use it too', () => {
    const raised = given(happened([[at(0), raise('IV')]]))
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' }, at(10))
      .thenEvents([
        {
          incidentId: 'inc-1',
          type: 'levelChanged',
          from: 'IV',
          to: 'I',
          reason: '',
          policy: I,
          tier: 0,
          nextEscalationAt: at(12),
          reminderAt: null,
          deadlines: [],
        },
      ]);
    expect(nextDueAt(raised.state)).toBe(at(12));
    raised.when(tick(), at(12)).thenEvents([escalated(0, at(14))]);
  });

  it('a sooner alert already due stays: the change never delays it', () => {
    given(happened([[at(0), raise('III')]]))
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' }, at(9))
      .thenEvents([
        {
          incidentId: 'inc-1',
          type: 'levelChanged',
          from: 'III',
          to: 'I',
          reason: '',
          policy: I,
          tier: 0,
          nextEscalationAt: at(10),
          reminderAt: null,
          deadlines: [],
        },
      ]);
  });

  it('lowering keeps the pending alert, and the lower policy applies from then on', () => {
    given(happened([[at(0), raise('I')]]))
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'IV', reason: 'false alarm suspected' }, at(1))
      .thenEvents([
        {
          incidentId: 'inc-1',
          type: 'levelChanged',
          from: 'I',
          to: 'IV',
          reason: 'false alarm suspected',
          policy: IV,
          tier: 0,
          nextEscalationAt: at(2),
          reminderAt: null,
          deadlines: [],
        },
      ])
      // level IV repeats once at each tier, every 30 minutes
      .when(tick(), at(2))
      .thenEvents([repeated(0, 1, at(32))]);
  });

  it('an acknowledged incident raised to a level with a reminder gets it at once', () => {
    // level IV has no reminder; level I reminds after 15 minutes
    given(
      happened([
        [at(0), raise('IV')],
        [at(1), ack()],
      ]),
    )
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' }, at(10))
      .thenEvents([
        {
          incidentId: 'inc-1',
          type: 'levelChanged',
          from: 'IV',
          to: 'I',
          reason: '',
          policy: I,
          tier: 0,
          nextEscalationAt: null,
          reminderAt: at(25),
          deadlines: [],
        },
      ])
      .when(tick(), at(25))
      .thenEvents([{ incidentId: 'inc-1', type: 'reminderDue' }]);
  });

  it('a sooner reminder of the new level comes forward; lowering keeps the pending one', () => {
    // level III reminds after 2 hours: acknowledged at minute 0, due at minute 120
    const raised = given(
      happened([
        [at(0), raise('III')],
        [at(0), ack()],
      ]),
    )
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' }, at(10))
      .thenEvents([
        {
          incidentId: 'inc-1',
          type: 'levelChanged',
          from: 'III',
          to: 'I',
          reason: '',
          policy: I,
          tier: 0,
          nextEscalationAt: null,
          reminderAt: at(25),
          deadlines: [],
        },
      ]);
    expect(nextDueAt(raised.state)).toBe(at(25));
    raised.when({ type: 'changeLevel', incidentId: 'inc-1', level: 'IV', reason: 'contained' }, at(11)).thenEvents([
      {
        incidentId: 'inc-1',
        type: 'levelChanged',
        from: 'I',
        to: 'IV',
        reason: 'contained',
        policy: IV,
        tier: 0,
        nextEscalationAt: null,
        reminderAt: at(25),
        deadlines: [],
      },
    ]);
  });

  it('no reminder is set for an incident that is not acknowledged, or no longer active', () => {
    const sounding = given(happened([[at(0), raise('IV')]])).when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' }, at(1));
    expect(sounding.result.ok && sounding.result.value[0]).toMatchObject({ reminderAt: null, nextEscalationAt: at(3) });
    const resolved = given(
      happened([
        [at(0), raise('IV')],
        [at(1), ack()],
        [at(2), { type: 'resolve', incidentId: 'inc-1' }],
      ]),
    ).when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' }, at(3));
    expect(resolved.result.ok && resolved.result.value[0]).toMatchObject({ reminderAt: null, nextEscalationAt: null });
    expect(nextDueAt(resolved.after)).toBeNull();
  });

  it('a shorter ladder keeps the incident on its last tier', () => {
    const twoTiers = {
      tiers: [
        { role: 'dutyOfficer' as const, ackTimeoutMs: MINUTE, repeat: 0 },
        { role: 'commander' as const, ackTimeoutMs: 3 * MINUTE, repeat: 0 },
      ],
      reminderMs: null,
    };
    given(
      happened([
        [at(0), { type: 'setPolicy', incidentType: 'system-alarm', level: 'I', policy: twoTiers }],
        [at(0), raise('III')],
        [at(1), escalate()],
        [at(2), escalate()],
      ]),
    )
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' }, at(3))
      .thenEvents([
        {
          incidentId: 'inc-1',
          type: 'levelChanged',
          from: 'III',
          to: 'I',
          reason: '',
          policy: twoTiers,
          tier: 1,
          nextEscalationAt: at(6),
          reminderAt: null,
          deadlines: [],
        },
      ])
      .when(tick(), at(6))
      .thenEvents([repeated(1, 1, at(9))]);
  });
});

describe('silence mutes the horn without acknowledging', () => {
  const RAISED = happened([[at(0), raise('II')]]);

  it('for 5 minutes by default; the alarm keeps flashing and sounds again when the silence ends', () => {
    const silenced = given(RAISED)
      .when(silence(), at(1))
      .thenEvents([{ incidentId: 'inc-1', type: 'alarmSilenced', until: at(6) }]);
    const state = silenced.state;
    expect(state.incidents['inc-1']?.alarm).toMatchObject({ unacknowledged: true, silencedUntil: at(6) });
    expect(activeIncidents(state).map((i) => i.id)).toEqual(['inc-1']);
    expect(soundingIncidents(state, at(1))).toEqual([]);
    expect(hornPattern(state, at(6) - 1)).toBeNull();
    expect(soundingIncidents(state, at(6)).map((i) => i.id)).toEqual(['inc-1']);
    expect(hornPattern(state, at(6))).toBe('urgent');
  });

  it('for the minutes given', () => {
    given(RAISED)
      .when(silence(15), at(1))
      .thenEvents([{ incidentId: 'inc-1', type: 'alarmSilenced', until: at(16) }]);
  });

  it('the incident keeps escalating while silenced, and a new tier clears the silence', () => {
    const next = given(RAISED)
      .when(silence(30), at(1))
      .thenEvents([{ incidentId: 'inc-1', type: 'alarmSilenced', until: at(31) }])
      .when(tick(), at(5))
      .thenEvents([escalated(0, at(10))]);
    expect(next.incident().alarm.silencedUntil).toBeNull();
    expect(hornPattern(next.state, at(5))).toBe('urgent');
  });

  it('a repeat at the same tier keeps the silence', () => {
    const next = given(happened([[at(0), raise('III')]]))
      .when(silence(30), at(1))
      .thenEvents([{ incidentId: 'inc-1', type: 'alarmSilenced', until: at(31) }])
      .when(tick(), at(10))
      .thenEvents([repeated(0, 1, at(20))]);
    expect(next.incident().alarm.silencedUntil).toBe(at(31));
    expect(hornPattern(next.state, at(10))).toBeNull();
  });

  it('is refused once the alarm is acknowledged (there is nothing to silence)', () => {
    given(
      happened([
        [at(0), raise('II')],
        [at(1), ack()],
      ]),
    )
      .when(silence(), at(2))
      .thenRefused({ code: 'conflict', field: 'incidentId', message: 'nothing to silence: the alarm is acknowledged' });
  });

  it('acknowledging ends the silence', () => {
    const acked = given(
      happened([
        [at(0), raise('II')],
        [at(1), silence()],
      ]),
    )
      .when(ack(), at(2))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: at(32), deadlines: [] }]);
    expect(acked.incident().alarm.silencedUntil).toBeNull();
  });
});

describe('shelving hides a nuisance alarm for a while', () => {
  const SHELVED = happened([
    [at(0), raise('II')],
    [at(1), shelve(60)],
  ]);

  it('is logged with actor, reason and expiry, hides the alarm from the horn and pauses escalation', () => {
    given(happened([[at(0), raise('II')]]))
      .when(shelve(60), at(1))
      .thenEvents([{ incidentId: 'inc-1', type: 'alarmShelved', until: at(61), reason: 'sensor fault' }]);
    const board = given(SHELVED);
    expect(board.incident().alarm).toMatchObject({ unacknowledged: true, shelved: { until: at(61), reason: 'sensor fault', by: 'bob' } });
    expect(board.incident().timeline.at(-1)).toMatchObject({ type: 'alarmShelved', actor: 'bob', reason: 'sensor fault' });
    expect(activeIncidents(board.state).map((i) => i.id)).toEqual(['inc-1']);
    expect(soundingIncidents(board.state, at(2))).toEqual([]);
    expect(hornPattern(board.state, at(2))).toBeNull();
    expect(nextDueAt(board.state)).toBe(at(61));
    board.when(tick(), at(5)).thenNothing().when(tick(), at(60)).thenNothing();
  });

  it('returns by itself at expiry (expired: true) and escalation restarts from its tier', () => {
    const back = given(SHELVED)
      .when(tick(), at(61))
      .thenEvents([{ incidentId: 'inc-1', type: 'alarmUnshelved', expired: true, nextEscalationAt: at(66) }]);
    expect(back.incident().alarm).toMatchObject({ shelved: null, tier: 0, nextEscalationAt: at(66) });
    expect(hornPattern(back.state, at(61))).toBe('urgent');
    back.when(tick(), at(66)).thenEvents([escalated(0, at(71))]);
  });

  it('a late tick after the expiry returns it once, and escalation counts from the tick', () => {
    given(SHELVED)
      .when(tick(), at(200))
      .thenEvents([{ incidentId: 'inc-1', type: 'alarmUnshelved', expired: true, nextEscalationAt: at(205) }])
      .when(tick(), at(200))
      .thenNothing();
  });

  it('unshelve by hand (expired: false)', () => {
    given(SHELVED)
      .when({ type: 'unshelve', incidentId: 'inc-1' }, at(10))
      .thenEvents([{ incidentId: 'inc-1', type: 'alarmUnshelved', expired: false, nextEscalationAt: at(15) }]);
  });

  it('unshelve is refused when nothing is shelved', () => {
    given(happened([[at(0), raise('II')]]))
      .when({ type: 'unshelve', incidentId: 'inc-1' }, at(1))
      .thenRefused({ code: 'conflict', field: 'incidentId', message: 'the alarm is not shelved' });
  });

  it('an acknowledged alarm can be shelved; it comes back without escalation, and its reminder waits for it', () => {
    const board = given(
      happened([
        [at(0), raise('II')],
        [at(1), ack()],
        [at(2), shelve(60)],
      ]),
    );
    expect(nextDueAt(board.state)).toBe(at(62));
    board.when(tick(), at(31)).thenNothing();
    board
      .when(tick(), at(62))
      .thenEvents([{ incidentId: 'inc-1', type: 'alarmUnshelved', expired: true, nextEscalationAt: null }])
      .when(tick(), at(62))
      .thenEvents([{ incidentId: 'inc-1', type: 'reminderDue' }]);
  });

  it('acknowledging a shelved alarm takes it off the shelf', () => {
    const acked = given(SHELVED)
      .when(ack(), at(2))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: at(32), deadlines: [] }]);
    expect(acked.incident().alarm.shelved).toBeNull();
    expect(nextDueAt(acked.state)).toBe(at(32));
  });
});

describe('the reminder re-alarms an acknowledged, unresolved incident', () => {
  const ACKED = happened([
    [at(0), raise('II')],
    [at(1), ack()],
  ]);

  it('after the policy’s reminder time; it sounds but does not escalate', () => {
    const board = given(ACKED);
    expect(nextDueAt(board.state)).toBe(at(31));
    const reminded = board
      .when(tick(), at(31) - 1)
      .thenNothing()
      .when(tick(), at(31))
      .thenEvents([{ incidentId: 'inc-1', type: 'reminderDue' }]);
    expect(reminded.incident().status).toBe('acknowledged');
    expect(reminded.incident().alarm).toMatchObject({ unacknowledged: true, reason: 'reminder', reminderAt: null, nextEscalationAt: null });
    expect(hornPattern(reminded.state, at(31))).toBe('urgent');
    expect(nextDueAt(reminded.state)).toBeNull();
    reminded.when(tick(), at(200)).thenNothing();
  });

  it('acknowledging again sets the next reminder; the first acknowledger stays on record', () => {
    const again = given(ACKED)
      .when(tick(), at(31))
      .thenEvents([{ incidentId: 'inc-1', type: 'reminderDue' }])
      .when(ack('inc-1', 'bob'), at(40))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: at(70), deadlines: [] }]);
    expect(again.incident()).toMatchObject({ acknowledgedAt: at(1), acknowledgedBy: 'alice' });
    expect(again.incident().alarm.unacknowledged).toBe(false);
    again
      .when(tick(), at(69))
      .thenNothing()
      .when(tick(), at(70))
      .thenEvents([{ incidentId: 'inc-1', type: 'reminderDue' }]);
  });

  it('a reminder can be silenced', () => {
    given(ACKED)
      .when(tick(), at(31))
      .thenEvents([{ incidentId: 'inc-1', type: 'reminderDue' }])
      .when(silence(), at(32))
      .thenEvents([{ incidentId: 'inc-1', type: 'alarmSilenced', until: at(37) }]);
  });

  it('resolving ends it', () => {
    const resolved = given(ACKED)
      .when({ type: 'resolve', incidentId: 'inc-1' }, at(10))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentResolved', summary: '' }]);
    expect(nextDueAt(resolved.state)).toBeNull();
    resolved.when(tick(), at(31)).thenNothing();
  });
});

describe('clock jumps', () => {
  it('back 1 hour: escalation and silence keep the time they had left', () => {
    const back = at(2) - HOUR;
    const jumped = given(
      happened([
        [at(0), raise('II')],
        [at(1), silence()],
      ]),
    )
      .when(tick(-HOUR), back)
      .then([{ seq: 3, at: back, actor: 'system', incidentId: null, type: 'clockJumped', deltaMs: -HOUR }]);
    expect(jumped.incident().alarm).toMatchObject({ nextEscalationAt: at(5) - HOUR, silencedUntil: at(6) - HOUR });
    expect(hornPattern(jumped.state, back + MINUTE)).toBeNull();
    expect(hornPattern(jumped.state, at(6) - HOUR)).toBe('urgent');
    expect(nextDueAt(jumped.state)).toBe(at(5) - HOUR);
    jumped
      .when(tick(), at(5) - HOUR - 1)
      .thenNothing()
      .when(tick(), at(5) - HOUR)
      .thenEvents([escalated(0, at(10) - HOUR)]);
  });

  it('back 1 day: shelving and the reminder are shifted too', () => {
    const back = at(3) - DAY;
    const jumped = given(
      happened([
        [at(0), raise('II')],
        [at(1), shelve(60)],
        [at(1), raise('II')],
        [at(2), ack('inc-2')],
      ]),
    )
      .when(tick(-DAY), back)
      .thenEvents([{ incidentId: null, type: 'clockJumped', deltaMs: -DAY }]);
    expect(jumped.incident('inc-1').alarm.shelved?.until).toBe(at(61) - DAY);
    expect(jumped.incident('inc-2').alarm.reminderAt).toBe(at(32) - DAY);
    expect(nextDueAt(jumped.state)).toBe(at(32) - DAY);
  });

  it('a jump back does not stop what was already due; new timers count from the new clock', () => {
    const now = at(6) - HOUR;
    const jumped = given(happened([[at(0), raise('II')]]))
      .when(tick(-HOUR), now)
      .thenEvents([{ incidentId: null, type: 'clockJumped', deltaMs: -HOUR }, escalated(0, now + 5 * MINUTE)]);
    expect(jumped.incident().alarm.nextEscalationAt).toBe(now + 5 * MINUTE);
  });

  it('forward 1 day: each overdue item fires once; no clockJumped event', () => {
    const later = at(0) + DAY;
    const board = given(
      happened([
        [at(0), raise('II')],
        [at(0), raise('II')],
        [at(1), ack('inc-2')],
      ]),
    );
    for (const jump of [0, DAY]) {
      board
        .when(tick(jump), later)
        .thenEvents([escalated(0, later + 5 * MINUTE), { incidentId: 'inc-2', type: 'reminderDue' }])
        .when(tick(), later)
        .thenNothing();
    }
  });
});

describe('the horn', () => {
  /** A board with one sounding incident per level, raised a minute apart. */
  const board = (levels: readonly Level[]) => given(happened(levels.map((level, i) => [at(i), raise(level)] as const))).state;

  it.each([
    ['I', 'urgent'],
    ['II', 'urgent'],
    ['III', 'normal'],
    ['IV', 'normal'],
  ] as const)('level %s sounds the %s pattern', (level, pattern) => {
    expect(hornPattern(board([level]), at(1))).toBe(pattern);
  });

  it('one horn for the board: urgent as soon as any sounding alarm is level I or II', () => {
    expect(hornPattern(board(['IV', 'III', 'II']), at(3))).toBe('urgent');
    expect(hornPattern(board(['IV', 'III']), at(3))).toBe('normal');
  });

  it('an urgent alarm that is silenced, shelved or acknowledged leaves the normal pattern of the others', () => {
    for (const quiet of [silence(), shelve(30), ack()]) {
      const state = given(
        happened([
          [at(0), raise('I')],
          [at(0), raise('IV')],
          [at(1), quiet],
        ]),
      ).state;
      expect(soundingIncidents(state, at(2)).map((i) => i.id)).toEqual(['inc-2']);
      expect(hornPattern(state, at(2))).toBe('normal');
    }
  });

  it('null when nothing sounds: an empty board, all acknowledged, all resolved', () => {
    expect(hornPattern(initialState, at(0))).toBeNull();
    expect(
      hornPattern(
        given(
          happened([
            [at(0), raise('I')],
            [at(1), ack()],
          ]),
        ).state,
        at(2),
      ),
    ).toBeNull();
    expect(
      hornPattern(
        given(
          happened([
            [at(0), raise('I')],
            [at(1), { type: 'resolve', incidentId: 'inc-1' }],
          ]),
        ).state,
        at(2),
      ),
    ).toBeNull();
  });
});

describe('nextDueAt', () => {
  it('is null when nothing is pending', () => {
    expect(nextDueAt(initialState)).toBeNull();
    expect(
      nextDueAt(
        given(
          happened([
            [at(0), raise('IV')],
            [at(1), ack()],
          ]),
        ).state,
      ),
    ).toBeNull();
    expect(
      nextDueAt(
        given(
          happened([
            [at(0), raise('I')],
            [at(1), { type: 'resolve', incidentId: 'inc-1' }],
          ]),
        ).state,
      ),
    ).toBeNull();
  });

  it('is the earliest instant over all incidents', () => {
    const state = given(
      happened([
        [at(0), raise('IV')],
        [at(1), raise('III')],
        [at(2), raise('I')],
        [at(3), ack('inc-3')],
      ]),
    ).state;
    // inc-1 at 30, inc-2 at 11, inc-3's reminder at 3 + 15
    expect(nextDueAt(state)).toBe(at(11));
  });
});

describe('setPolicy changes the plan; incidents raised after it use it', () => {
  const fast = {
    tiers: [
      { role: 'dutyHead' as const, ackTimeoutMs: 20 * SECOND, repeat: 0 },
      { role: 'commander' as const, ackTimeoutMs: MINUTE, repeat: 0 },
    ],
    reminderMs: 5 * MINUTE,
  };
  const slow = { tiers: [{ role: 'dutyOfficer' as const, ackTimeoutMs: HOUR, repeat: 0 }], reminderMs: null };

  it('a level’s default policy: journaled, in force for new incidents of every type; old ones keep theirs', () => {
    const set = given(happened([[at(0), raise('II')]]))
      .when({ type: 'setPolicy', level: 'II', policy: fast }, at(1))
      .thenEvents([{ incidentId: null, type: 'policySet', incidentType: null, level: 'II', policy: fast }]);
    expect(set.state.plan.policies.II).toEqual(fast);
    const raised = set.when(raise('II', { incidentType: 'injury' }), at(2));
    expect(raised.result.ok && raised.result.value[0]).toMatchObject({
      type: 'incidentRaised',
      incidentId: 'inc-2',
      policy: fast,
      nextEscalationAt: at(2) + 20 * SECOND,
    });
    const both = given([], raised.after);
    expect(both.incident('inc-1').alarm.policy).toEqual(II);
    both
      .when(tick(), at(2) + 20 * SECOND)
      .thenEvents([escalated(0, at(2) + 80 * SECOND, false, 'inc-2')])
      .when(tick(), at(5))
      .thenEvents([escalated(0, at(10)), repeated(1, 1, at(6), 'inc-2')]);
  });

  it('a policy for one incident type beats the level default', () => {
    const state = given(
      happened([
        [at(0), { type: 'setPolicy', level: 'III', policy: slow }],
        [at(0), { type: 'setPolicy', incidentType: 'system-alarm', level: 'III', policy: fast }],
        [at(1), raise('III')],
        [at(1), raise('III', { incidentType: 'injury' })],
        [at(1), raise('IV')],
      ]),
    ).state;
    expect(['inc-1', 'inc-2', 'inc-3'].map((id) => state.incidents[id]?.alarm.policy)).toEqual([fast, slow, IV]);
  });

  it('is refused for an incident type not in the catalogue', () => {
    given([])
      .when({ type: 'setPolicy', incidentType: 'alien-invasion', level: 'I', policy: fast }, at(0))
      .thenRefused({ code: 'invalid', field: 'incidentType', message: 'unknown incident type' });
  });
});
