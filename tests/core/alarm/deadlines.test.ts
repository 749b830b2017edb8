/**
 * Issue 3, deadlines (milestones) on the clock: each shows when it is due, meeting it is one
 * recorded click, missing it raises the alarm; the plan's legal instants never move with the clock.
 * Working-day deadlines are in calendar.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { findType } from '../../../electron/core/plan/catalogue.js';
import type { CommandInput } from '../../../electron/core/contract/commands.js';
import type { Level } from '../../../electron/core/incident/levels.js';
import { DEFAULT_PLAN, type DeadlineRule } from '../../../electron/core/plan/plan.js';
import { hornPattern } from '../../../electron/core/incident/selectors.js';
import type { Deadline } from '../../../electron/core/state.js';
import { nextDueAt } from '../../../electron/core/alarm/tick.js';
import { at, DAY, deadline, given, happened, HOUR, MINUTE, tick } from '../given.js';

const raise = (incidentType: string, level: Level): CommandInput => ({ type: 'raiseIncident', incidentType, level, title: 'x' });
const ack = (incidentId = 'inc-1', actor = 'alice'): CommandInput => ({ type: 'acknowledge', incidentId, actor });
const meet = (deadlineId: string, actor = 'bob', incidentId = 'inc-1'): CommandInput => ({
  type: 'meetDeadline',
  incidentId,
  deadlineId,
  actor,
});
const missed = (deadlineId: string, incidentId = 'inc-1') => ({ incidentId, type: 'deadlineMissed', deadlineId }) as const;

/** A fire at level IV, acknowledged at minute 1: no escalation and no reminder, only its deadlines. */
const QUIET_FIRE = happened([
  [at(0), raise('fire', 'IV')],
  [at(1), ack()],
]);

describe('the plan’s deadlines on the clock', () => {
  it('a fire must be reported to the unit head within 5 minutes and to the bureau within 1 hour', () => {
    const raised = given(happened([[at(0), raise('fire', 'II')]])).incident();
    expect(raised.deadlines).toEqual([deadline('fire', 'report-unit-head', at(5)), deadline('fire', 'report-bureau', at(60))]);
    expect(raised.deadlines.map((d) => d.name.en)).toEqual([
      'Report to the unit head',
      expect.stringMatching(/emergency management bureau/),
    ]);
  });

  it.each([
    ['injury', ['report-unit-head', 'report-bureau']],
    ['equipment-accident', ['report-unit-head', 'report-bureau']],
    ['power-outage', ['request-generator']],
    ['customer-complaint', ['acknowledge-complaint', 'close-complaint']],
    ['system-alarm', []],
  ] as const)('%s carries %j', (type, ids) => {
    expect(
      given(happened([[at(0), raise(type, 'III')]]))
        .incident()
        .deadlines.map((d) => d.id),
    ).toEqual(ids);
  });

  it('a power outage: request a generator when power is not back within 2 hours', () => {
    given(
      happened([
        [at(0), raise('power-outage', 'III')],
        [at(1), ack()],
      ]),
    )
      .when(tick(), at(120) - 1)
      .thenNothing()
      .when(tick(), at(120))
      .thenEvents([missed('request-generator')]);
  });

  it('a complaint must be acknowledged to the customer within 24 hours', () => {
    const complaint = given(happened([[at(0), raise('customer-complaint', 'III')]])).incident();
    expect(complaint.deadlines[0]).toEqual(deadline('customer-complaint', 'acknowledge-complaint', at(0) + DAY));
  });
});

describe('a missed deadline raises the alarm', () => {
  it('at the due instant, once: deadlineMissed, and the acknowledged alarm asks for attention again', () => {
    const board = given(QUIET_FIRE);
    expect(nextDueAt(board.state)).toBe(at(5));
    const late = board
      .when(tick(), at(5) - 1)
      .thenNothing()
      .when(tick(), at(5))
      .thenEvents([missed('report-unit-head')]);
    const incident = late.incident();
    expect(incident.deadlines).toEqual([
      deadline('fire', 'report-unit-head', at(5), { missedAt: at(5) }),
      deadline('fire', 'report-bureau', at(60)),
    ]);
    expect(incident.status).toBe('acknowledged');
    expect(incident.alarm).toMatchObject({ unacknowledged: true, reason: 'deadlineMissed', nextEscalationAt: null });
    expect(hornPattern(late.state, at(5))).toBe('normal');
    expect(nextDueAt(late.state)).toBe(at(60));
    late.when(tick(), at(5)).thenNothing().when(tick(), at(30)).thenNothing();
  });

  it('the report to the bureau at 1 hour', () => {
    given(QUIET_FIRE)
      .when(tick(), at(5))
      .thenEvents([missed('report-unit-head')])
      .when(tick(), at(60) - 1)
      .thenNothing()
      .when(tick(), at(60))
      .thenEvents([missed('report-bureau')]);
  });

  it('acknowledging the missed-deadline alarm quiets it; the deadline stays missed', () => {
    const acked = given(QUIET_FIRE)
      .when(tick(), at(5))
      .thenEvents([missed('report-unit-head')])
      .when(ack('inc-1', 'bob'), at(6))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: null, deadlines: [] }]);
    expect(acked.incident().alarm.unacknowledged).toBe(false);
    expect(acked.incident().deadlines[0]?.missedAt).toBe(at(5));
  });

  it('on an unacknowledged incident the deadline and the escalation fire in the same tick', () => {
    const both = given(happened([[at(0), raise('fire', 'II')]]))
      .when(tick(), at(5))
      .thenEvents([
        { incidentId: 'inc-1', type: 'escalated', fromTier: 0, toTier: 1, manual: false, nextEscalationAt: at(10) },
        missed('report-unit-head'),
      ]);
    expect(both.incident().alarm).toMatchObject({ reason: 'deadlineMissed', tier: 1, nextEscalationAt: at(10) });
  });

  it('a missed deadline ends a silence', () => {
    const late = given(
      happened([
        [at(0), raise('fire', 'III')],
        [at(1), { type: 'silence', incidentId: 'inc-1', minutes: 30 }],
      ]),
    )
      .when(tick(), at(5))
      .thenEvents([missed('report-unit-head')]);
    expect(late.incident().alarm.silencedUntil).toBeNull();
    expect(hornPattern(late.state, at(5))).toBe('normal');
  });

  it('a late tick misses every overdue deadline once, beside one escalation step', () => {
    given(happened([[at(0), raise('fire', 'II')]]))
      .when(tick(), at(200))
      .thenEvents([
        { incidentId: 'inc-1', type: 'escalated', fromTier: 0, toTier: 1, manual: false, nextEscalationAt: at(205) },
        missed('report-unit-head'),
        missed('report-bureau'),
      ])
      .when(tick(), at(200))
      .thenNothing();
  });

  it('is recorded while the alarm is shelved, which keeps it off the horn until the shelf expires', () => {
    const shelved = given(
      happened([
        [at(0), raise('fire', 'IV')],
        [at(1), { type: 'shelve', incidentId: 'inc-1', reason: 'drill nearby', minutes: 60 }],
      ]),
    )
      .when(tick(), at(5))
      .thenEvents([missed('report-unit-head')]);
    expect(shelved.incident().alarm).toMatchObject({ unacknowledged: true, reason: 'deadlineMissed', shelved: { until: at(61) } });
    expect(hornPattern(shelved.state, at(5))).toBeNull();
  });

  it('still once the incident is resolved: a legal deadline outlives the work on the scene (issue 13)', () => {
    const resolved = given(QUIET_FIRE)
      .when({ type: 'resolve', incidentId: 'inc-1' }, at(2))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentResolved', summary: '' }]);
    expect(nextDueAt(resolved.state)).toBe(at(5));
    resolved.when(tick(), at(100)).thenEvents([missed('report-unit-head'), missed('report-bureau')]);
  });
});

describe('meeting a deadline is one recorded click', () => {
  it('met in time: recorded with actor and time, and it is never missed', () => {
    const met = given(QUIET_FIRE)
      .when(meet('report-unit-head'), at(4))
      .thenEvents([{ incidentId: 'inc-1', type: 'deadlineMet', deadlineId: 'report-unit-head' }]);
    expect(met.incident().deadlines[0]).toEqual(deadline('fire', 'report-unit-head', at(5), { metAt: at(4), metBy: 'bob' }));
    expect(nextDueAt(met.state)).toBe(at(60));
    const both = met
      .when(tick(), at(5))
      .thenNothing()
      .when(meet('report-bureau', 'carol'), at(59))
      .thenEvents([{ incidentId: 'inc-1', type: 'deadlineMet', deadlineId: 'report-bureau' }]);
    expect(nextDueAt(both.state)).toBeNull();
    both.when(tick(), at(120)).thenNothing();
    expect(both.incident().alarm.unacknowledged).toBe(false);
  });

  it('is refused a second time, naming who met it', () => {
    given(QUIET_FIRE)
      .when(meet('report-unit-head'), at(2))
      .thenEvents([{ incidentId: 'inc-1', type: 'deadlineMet', deadlineId: 'report-unit-head' }])
      .when(meet('report-unit-head', 'carol'), at(3))
      .thenRefused({ code: 'conflict', field: 'deadlineId', message: 'already met by bob' });
  });

  it('is refused for a deadline the incident does not have', () => {
    given(QUIET_FIRE)
      .when(meet('request-generator'), at(2))
      .thenRefused({ code: 'not_found', field: 'deadlineId', message: 'the incident has no such deadline' });
  });

  it('a missed deadline can still be met late; the record keeps both', () => {
    const late = given(QUIET_FIRE)
      .when(tick(), at(5))
      .thenEvents([missed('report-unit-head')])
      .when(meet('report-unit-head'), at(7))
      .thenEvents([{ incidentId: 'inc-1', type: 'deadlineMet', deadlineId: 'report-unit-head' }]);
    expect(late.incident().deadlines[0]).toEqual(
      deadline('fire', 'report-unit-head', at(5), { missedAt: at(5), metAt: at(7), metBy: 'bob' }),
    );
  });
});

describe('extending a deadline', () => {
  const complaint: CommandInput = { type: 'raiseIncident', incidentType: 'customer-complaint', level: 'III', title: 'Fee dispute' };
  const extend = (until: number, reason = 'customer told: documents from the head office needed'): CommandInput => ({
    type: 'extendDeadline',
    incidentId: 'inc-1',
    deadlineId: 'close-complaint',
    until,
    reason,
  });

  it('moves the due instant later, with the reason on the record, and undoes a miss', () => {
    const raised = given(happened([[at(0), complaint]]));
    const due = raised.incident().deadlines.find((d) => d.id === 'close-complaint')!.dueAt;
    const extended = raised.when(extend(due + 10 * DAY), at(5)).thenEvents([
      {
        incidentId: 'inc-1',
        type: 'deadlineExtended',
        deadlineId: 'close-complaint',
        from: due,
        until: due + 10 * DAY,
        reason: 'customer told: documents from the head office needed',
      },
    ]);
    expect(extended.incident().deadlines.find((d) => d.id === 'close-complaint')).toMatchObject({ dueAt: due + 10 * DAY, missedAt: null });
  });

  it('refuses an earlier instant, an unknown deadline, and a met one', () => {
    const raised = given(happened([[at(0), complaint]]));
    const due = raised.incident().deadlines.find((d) => d.id === 'close-complaint')!.dueAt;
    raised.when(extend(due - 1), at(1)).thenRefused({ code: 'invalid', field: 'until' });
    raised
      .when({ ...extend(due + DAY), deadlineId: 'nope' } as CommandInput, at(1))
      .thenRefused({ code: 'not_found', field: 'deadlineId' });
    raised
      .and([[at(1), { type: 'meetDeadline', incidentId: 'inc-1', deadlineId: 'close-complaint' }]])
      .when(extend(due + DAY), at(2))
      .thenRefused({ code: 'conflict', field: 'deadlineId' });
  });
});

describe('deadlines are wall-clock instants', () => {
  it('a clock that goes back shifts escalation but not the deadlines', () => {
    const back = at(3) - HOUR;
    const jumped = given(happened([[at(0), raise('fire', 'IV')]]))
      .when(tick(-HOUR), back)
      .thenEvents([{ incidentId: null, type: 'clockJumped', deltaMs: -HOUR }]);
    expect(jumped.incident().alarm.nextEscalationAt).toBe(at(30) - HOUR);
    expect(jumped.incident().deadlines.map((d) => d.dueAt)).toEqual([at(5), at(60)]);
    // the escalation, an hour earlier now, comes first; the deadline keeps its instant
    expect(nextDueAt(jumped.state)).toBe(at(30) - HOUR);
    jumped
      .when(tick(), at(5) - HOUR)
      .thenNothing()
      .when(tick(), at(30) - HOUR)
      .thenEvents([{ incidentId: 'inc-1', type: 'alertRepeated', tier: 0, repeatsDone: 1, nextEscalationAt: at(0) }])
      .when(tick(), at(0))
      .thenEvents([{ incidentId: 'inc-1', type: 'escalated', fromTier: 0, toTier: 1, manual: false, nextEscalationAt: at(30) }])
      .when(tick(), at(5) - 1)
      .thenNothing()
      .when(tick(), at(5))
      .thenEvents([missed('report-unit-head')]);
  });

  it('a tick during a backward jump misses a deadline that is due by the new clock only', () => {
    given(QUIET_FIRE)
      .when(tick(-10 * MINUTE), at(5))
      .thenEvents([{ incidentId: null, type: 'clockJumped', deltaMs: -10 * MINUTE }, missed('report-unit-head')]);
  });

  it('a clock that jumps forward a day misses each overdue deadline once', () => {
    given(QUIET_FIRE)
      .when(tick(), at(0) + DAY)
      .thenEvents([missed('report-unit-head'), missed('report-bureau')])
      .when(tick(), at(0) + DAY)
      .thenNothing();
  });
});

describe('deadlines counted from acknowledgement, and per level', () => {
  const fire = findType(DEFAULT_PLAN.catalogue, 'fire');
  if (fire === undefined) throw new Error('no fire type');
  const notify: DeadlineRule = {
    id: 'notify-regulator',
    name: { 'zh-CN': '通知监管部门', en: 'Notify the regulator' },
    from: 'acknowledged',
    calendar: 'clock',
    amount: 30 * MINUTE,
    levels: null,
  };
  const callAuthority: DeadlineRule = {
    id: 'call-authority',
    name: { 'zh-CN': '报告上级', en: 'Report to the authority' },
    from: 'raised',
    calendar: 'clock',
    amount: 2 * HOUR,
    levels: ['I'],
  };
  const due = (rule: DeadlineRule, dueAt: number): Deadline => ({
    id: rule.id,
    name: rule.name,
    dueAt,
    metAt: null,
    metBy: null,
    missedAt: null,
  });
  const GAS = happened([
    [at(0), { type: 'setIncidentType', incidentType: { ...fire, id: 'gas-leak', deadlines: [notify, callAuthority] } }],
    [at(0), raise('gas-leak', 'II')],
  ]);

  it('a deadline from acknowledgement starts at the first acknowledgement only', () => {
    expect(given(GAS).incident().deadlines).toEqual([]);
    const acked = given(GAS)
      .when(ack(), at(10))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: at(40), deadlines: [due(notify, at(40))] }]);
    expect(acked.incident().deadlines).toEqual([due(notify, at(40))]);
    acked
      .when(tick(), at(40))
      .thenEvents([{ incidentId: 'inc-1', type: 'reminderDue' }, missed('notify-regulator')])
      .when(ack(), at(41))
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: at(71), deadlines: [] }]);
  });

  it('raising the level adds the deadlines of the new level, counted from the raise', () => {
    const raised = given(GAS)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' }, at(20))
      .thenEvents([
        {
          incidentId: 'inc-1',
          type: 'levelChanged',
          from: 'II',
          to: 'I',
          reason: '',
          policy: DEFAULT_PLAN.policies.I,
          tier: 0,
          nextEscalationAt: at(5),
          reminderAt: null,
          deadlines: [due(callAuthority, at(120))],
        },
      ]);
    expect(raised.incident().deadlines).toEqual([due(callAuthority, at(120))]);
    // lowering again keeps it; raising once more does not add it twice
    raised
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'II', reason: 'leak found and closed' }, at(30))
      .thenEvents([
        {
          incidentId: 'inc-1',
          type: 'levelChanged',
          from: 'I',
          to: 'II',
          reason: 'leak found and closed',
          policy: DEFAULT_PLAN.policies.II,
          tier: 0,
          nextEscalationAt: at(5),
          reminderAt: null,
          deadlines: [],
        },
      ])
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' }, at(31))
      .thenEvents([
        {
          incidentId: 'inc-1',
          type: 'levelChanged',
          from: 'II',
          to: 'I',
          reason: '',
          policy: DEFAULT_PLAN.policies.I,
          tier: 0,
          nextEscalationAt: at(5),
          reminderAt: null,
          deadlines: [],
        },
      ]);
  });
});
