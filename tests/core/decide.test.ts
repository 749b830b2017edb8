import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, parseCommand, type CommandInput } from '../../electron/core/contract/commands.js';
import { decide } from '../../electron/core/decide.js';
import type { DomainEvent, NoteAdded } from '../../electron/core/events.js';
import { evolve, evolveAll } from '../../electron/core/evolve.js';
import { NO_IMPACT } from '../../electron/core/incident/impact.js';
import { DEFAULT_PLAN } from '../../electron/core/plan/plan.js';
import { activeIncidents, recentIncidents } from '../../electron/core/incident/selectors.js';
import { initialState } from '../../electron/core/state.js';
import { ACTOR, at, copiedFromCatalogue, deadline, deepFreeze, given, happened, HOUR, MINUTE, tick, typesOf } from './given.js';

// ---------------------------------------------------------------------------------------------
// given / when / then (helpers in ./given.ts): history is made by running commands through decide
// ---------------------------------------------------------------------------------------------

/** The `now` every decision in this file is taken at, an hour after the history began. */
const NOW = at(60);
const { I, II, III, IV } = DEFAULT_PLAN.policies;

const raiseFire: CommandInput = {
  type: 'raiseIncident',
  incidentType: 'fire',
  level: 'II',
  title: 'Smoke in hall B',
  location: 'Hall B',
  reporter: 'Guard Wang',
  actor: 'alice',
};
const ack = (incidentId = 'inc-1', actor = 'alice'): CommandInput => ({ type: 'acknowledge', incidentId, actor });
const note = (incidentId: string, text: string): CommandInput => ({ type: 'addNote', incidentId, text, actor: 'bob' });
const resolve = (incidentId = 'inc-1'): CommandInput => ({ type: 'resolve', incidentId, summary: 'put out', actor: 'bob' });
const close = (incidentId = 'inc-1'): CommandInput => ({ type: 'close', incidentId, actor: 'carol' });
/** A fire's two legal deadlines met, as they must be before it closes (issue 13). */
const meetBoth = (now: number, incidentId = 'inc-1'): [number, CommandInput][] =>
  ['report-unit-head', 'report-bureau'].map((deadlineId) => [now, { type: 'meetDeadline', incidentId, deadlineId, actor: 'carol' }]);
const reopen = (incidentId = 'inc-1'): CommandInput => ({ type: 'reopen', incidentId, reason: 'flared up again', actor: 'dave' });
const changeLevel = (incidentId: string, level: 'I' | 'II' | 'III' | 'IV', reason = ''): CommandInput => ({
  type: 'changeLevel',
  incidentId,
  level,
  reason,
  actor: 'bob',
});

/** Histories used by many tests: incident inc-1 (fire, level II) in each of its states. */
const RAISED = happened([[at(1), raiseFire]]);
const ACKED = happened([
  [at(1), raiseFire],
  [at(2), ack()],
]);
const RESOLVED = happened([
  [at(1), raiseFire],
  [at(2), ack()],
  [at(3), resolve()],
]);
/** Its legal deadlines met after resolving: only then can it close (issue 13). */
const CLOSED = happened([[at(1), raiseFire], [at(2), ack()], [at(3), resolve()], ...meetBoth(at(4)), [at(4), close()]]);

/** The deadlines of a fire raised at `raisedAt`. */
const fireDeadlines = (raisedAt: number) => [
  deadline('fire', 'report-unit-head', raisedAt + 5 * MINUTE),
  deadline('fire', 'report-bureau', raisedAt + HOUR),
];

describe('the histories are made by the core itself', () => {
  it('RAISED..CLOSED hold exactly the events their commands produce', () => {
    expect(typesOf(CLOSED)).toEqual([
      'incidentRaised',
      'incidentAcknowledged',
      'incidentResolved',
      'deadlineMet',
      'deadlineMet',
      'incidentClosed',
    ]);
    expect(CLOSED.map((e) => [e.seq, e.at, e.actor])).toEqual([
      [1, at(1), 'alice'],
      [2, at(2), 'alice'],
      [3, at(3), 'bob'],
      [4, at(4), 'carol'],
      [5, at(4), 'carol'],
      [6, at(4), 'carol'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------------------------

describe('decide: raiseIncident', () => {
  it('raises the first incident with defaults: inc-1, number 1, seq 1, actor from the caller, the level policy and deadlines', () => {
    given([])
      .when({ type: 'raiseIncident', incidentType: 'fire', level: 'II', title: 'Smoke in hall B' }, NOW)
      .then([
        {
          seq: 1,
          at: NOW,
          actor: ACTOR,
          incidentId: 'inc-1',
          type: 'incidentRaised',
          number: 1,
          incidentType: 'fire',
          level: 'II',
          title: 'Smoke in hall B',
          location: '',
          reporter: '',
          details: '',
          drill: false,
          policy: II,
          nextEscalationAt: NOW + 5 * MINUTE,
          deadlines: fireDeadlines(NOW),
          source: null,
          ...copiedFromCatalogue('fire'),
        },
      ]);
  });

  it('keeps every given field, the given id and the given actor; the policy follows the level', () => {
    given([])
      .when(
        {
          type: 'raiseIncident',
          incidentId: 'gate-7',
          actor: 'operator 2',
          incidentType: 'power-outage',
          level: 'I',
          title: 'Site blackout',
          location: 'Substation',
          reporter: 'Li',
          details: 'all feeders down',
          drill: true,
        },
        NOW,
      )
      .then([
        {
          seq: 1,
          at: NOW,
          actor: 'operator 2',
          incidentId: 'gate-7',
          type: 'incidentRaised',
          number: 1,
          incidentType: 'power-outage',
          level: 'I',
          title: 'Site blackout',
          location: 'Substation',
          reporter: 'Li',
          details: 'all feeders down',
          drill: true,
          policy: I,
          nextEscalationAt: NOW + 2 * MINUTE,
          deadlines: [deadline('power-outage', 'request-generator', NOW + 2 * HOUR, {}, 'I')],
          source: null,
          ...copiedFromCatalogue('power-outage'),
        },
      ]);
  });

  it('keeps counting: the next default id and number follow the last number, seq follows the last seq', () => {
    const history = happened([
      [at(1), raiseFire],
      [at(2), note('inc-1', 'crew on site')],
      [at(3), raiseFire],
    ]);
    given(history)
      .when({ type: 'raiseIncident', incidentType: 'injury', level: 'III', title: 'Cut hand' }, NOW)
      .then([
        {
          seq: 4,
          at: NOW,
          actor: ACTOR,
          incidentId: 'inc-3',
          type: 'incidentRaised',
          number: 3,
          incidentType: 'injury',
          level: 'III',
          title: 'Cut hand',
          location: '',
          reporter: '',
          details: '',
          drill: false,
          policy: III,
          nextEscalationAt: NOW + 10 * MINUTE,
          deadlines: [deadline('injury', 'report-unit-head', NOW + 5 * MINUTE), deadline('injury', 'report-bureau', NOW + HOUR)],
          source: null,
          ...copiedFromCatalogue('injury'),
        },
      ]);
  });

  it('counts numbers on past incidents with their own ids, and on closed ones', () => {
    const history = happened([
      [at(1), { ...raiseFire, incidentId: 'north-gate' }],
      [at(2), raiseFire],
      [at(3), resolve('inc-2')],
      ...meetBoth(at(4), 'inc-2'),
      [at(4), close('inc-2')],
    ]);
    const { result } = given(history).when({ type: 'raiseIncident', incidentType: 'fire', level: 'II', title: 'Again' }, NOW);
    expect(result.ok && result.value.map((e) => [e.seq, e.incidentId, e.type === 'incidentRaised' && e.number])).toEqual([[7, 'inc-3', 3]]);
  });

  it('a default id skips past an inc-<number> id someone chose by hand, instead of being refused', () => {
    // inc-2 was chosen by hand for the first incident (number 1); the next default would be inc-2.
    const history = happened([[at(1), { ...raiseFire, incidentId: 'inc-2' }]]);
    const first = given(history).when({ type: 'raiseIncident', incidentType: 'fire', level: 'II', title: 'x' }, NOW);
    expect(first.result.ok && first.result.value.map((e) => [e.incidentId, e.type === 'incidentRaised' && e.number])).toEqual([
      ['inc-3', 3],
    ]);
    // and the board keeps raising after that
    const next = given([...history, ...(first.result.ok ? first.result.value : [])]).when(
      { type: 'raiseIncident', incidentType: 'fire', level: 'II', title: 'y' },
      NOW,
    );
    expect(next.result.ok && next.result.value.map((e) => [e.seq, e.incidentId])).toEqual([[3, 'inc-4']]);
  });

  it('refuses an incident type that is not in the catalogue, naming incidentType', () => {
    given([])
      .when({ type: 'raiseIncident', incidentType: 'alien-invasion', level: 'I', title: 'x' }, NOW)
      .thenRefused({ code: 'invalid', field: 'incidentType', message: 'unknown incident type' });
  });

  it('refuses an id that exists already (conflict on incidentId)', () => {
    given(RAISED)
      .when({ type: 'raiseIncident', incidentId: 'inc-1', incidentType: 'fire', level: 'II', title: 'x' }, NOW)
      .thenRefused({ code: 'conflict', field: 'incidentId', message: 'an incident with this id exists already' });
  });

  it('refuses an id that exists already even when that incident is closed', () => {
    given(CLOSED)
      .when({ type: 'raiseIncident', incidentId: 'inc-1', incidentType: 'fire', level: 'II', title: 'x' }, NOW)
      .thenRefused({ code: 'conflict', field: 'incidentId' });
  });
});

describe('decide: acknowledge', () => {
  it('acknowledges a raised incident and sets the reminder of its policy', () => {
    given(RAISED)
      .when({ type: 'acknowledge', incidentId: 'inc-1' }, NOW)
      .then([
        { seq: 2, at: NOW, actor: ACTOR, incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: NOW + 30 * MINUTE, deadlines: [] },
      ]);
  });

  it('a policy without a reminder sets none', () => {
    given(happened([[at(1), { ...raiseFire, level: 'IV' }]]))
      .when({ type: 'acknowledge', incidentId: 'inc-1' }, NOW)
      .thenEvents([{ incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: null, deadlines: [] }]);
  });

  it('refuses a second acknowledgement and names who acknowledged', () => {
    given(ACKED)
      .when({ type: 'acknowledge', incidentId: 'inc-1', actor: 'bob' }, NOW)
      .thenRefused({ code: 'conflict', field: 'incidentId', message: 'already acknowledged by alice' });
  });

  it('refuses to acknowledge a resolved incident', () => {
    given(
      happened([
        [at(1), raiseFire],
        [at(2), resolve()],
      ]),
    )
      .when({ type: 'acknowledge', incidentId: 'inc-1' }, NOW)
      .thenRefused({ code: 'conflict', field: 'incidentId', message: 'the incident is resolved' });
  });

  it('refuses to acknowledge a closed incident', () => {
    given(happened([[at(1), raiseFire], [at(2), resolve()], ...meetBoth(at(3)), [at(3), close()]]))
      .when({ type: 'acknowledge', incidentId: 'inc-1' }, NOW)
      .thenRefused({ code: 'conflict', field: 'incidentId', message: 'the incident is closed' });
  });

  it('acknowledges an incident that was reopened without ever being acknowledged', () => {
    given(
      happened([
        [at(1), raiseFire],
        [at(2), resolve()],
        [at(3), reopen()],
      ]),
    )
      .when({ type: 'acknowledge', incidentId: 'inc-1' }, NOW)
      .then([
        { seq: 4, at: NOW, actor: ACTOR, incidentId: 'inc-1', type: 'incidentAcknowledged', reminderAt: NOW + 30 * MINUTE, deadlines: [] },
      ]);
  });
});

describe('decide: addNote', () => {
  it('adds a note, trimmed', () => {
    given(ACKED)
      .when({ type: 'addNote', incidentId: 'inc-1', text: '  fire brigade arrived  ' }, NOW)
      .then([{ seq: 3, at: NOW, actor: ACTOR, incidentId: 'inc-1', type: 'noteAdded', text: 'fire brigade arrived' }]);
  });

  it('adds a note to a closed incident too (the record stays open for remarks)', () => {
    given(CLOSED)
      .when({ type: 'addNote', incidentId: 'inc-1', text: 'insurer informed' }, NOW)
      .then([{ seq: 7, at: NOW, actor: ACTOR, incidentId: 'inc-1', type: 'noteAdded', text: 'insurer informed' }]);
  });
});

describe('decide: changeLevel', () => {
  it('raises the level without a reason; the new policy comes with it', () => {
    // raised at minute 1 with level II: the next alert was due at minute 6, sooner than now + 2 min
    given(RAISED)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' }, NOW)
      .then([
        {
          seq: 2,
          at: NOW,
          actor: ACTOR,
          incidentId: 'inc-1',
          type: 'levelChanged',
          from: 'II',
          to: 'I',
          reason: '',
          policy: I,
          tier: 0,
          nextEscalationAt: at(6),
          reminderAt: null,
          deadlines: [],
        },
      ]);
  });

  it('raises the level with a reason and keeps it; an acknowledged incident has no escalation to move, its sooner reminder stays', () => {
    given(ACKED)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I', reason: 'spreading to hall C' }, NOW)
      .then([
        {
          seq: 3,
          at: NOW,
          actor: ACTOR,
          incidentId: 'inc-1',
          type: 'levelChanged',
          from: 'II',
          to: 'I',
          reason: 'spreading to hall C',
          policy: I,
          tier: 0,
          nextEscalationAt: null,
          reminderAt: at(32),
          deadlines: [],
        },
      ]);
  });

  it('lowers the level when a reason is given', () => {
    given(ACKED)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'IV', reason: 'contained' }, NOW)
      .then([
        {
          seq: 3,
          at: NOW,
          actor: ACTOR,
          incidentId: 'inc-1',
          type: 'levelChanged',
          from: 'II',
          to: 'IV',
          reason: 'contained',
          policy: IV,
          tier: 0,
          nextEscalationAt: null,
          reminderAt: at(32),
          deadlines: [],
        },
      ]);
  });

  it('refuses to lower the level without a reason (invalid, field reason)', () => {
    given(ACKED)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'III' }, NOW)
      .thenRefused({ code: 'invalid', field: 'reason', message: 'lowering a level needs a reason' });
  });

  it('refuses to lower the level with a reason of only spaces', () => {
    given(ACKED)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'III', reason: '   ' }, NOW)
      .thenRefused({ code: 'invalid', field: 'reason' });
  });

  it('refuses to change to the level it has already (field level)', () => {
    given(ACKED)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'II', reason: 'same' }, NOW)
      .thenRefused({ code: 'conflict', field: 'level', message: 'the incident has this level already' });
  });

  it('compares against the current level, not the level it was raised with', () => {
    const history = happened([
      [at(1), raiseFire],
      [at(2), changeLevel('inc-1', 'I')],
    ]);
    given(history).when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' }, NOW).thenRefused({ code: 'conflict', field: 'level' });
    given(history).when({ type: 'changeLevel', incidentId: 'inc-1', level: 'II' }, NOW).thenRefused({ code: 'invalid', field: 'reason' });
  });

  it('refuses to change the level of a closed incident', () => {
    given(CLOSED)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' }, NOW)
      .thenRefused({ code: 'conflict', field: 'incidentId', message: 'a closed incident cannot change level' });
  });
});

describe('decide: resolve', () => {
  it('resolves an acknowledged incident with a summary', () => {
    given(ACKED)
      .when({ type: 'resolve', incidentId: 'inc-1', summary: 'extinguished' }, NOW)
      .then([{ seq: 3, at: NOW, actor: ACTOR, incidentId: 'inc-1', type: 'incidentResolved', summary: 'extinguished' }]);
  });

  it('resolves a raised (not yet acknowledged) incident; the summary defaults to empty', () => {
    given(RAISED)
      .when({ type: 'resolve', incidentId: 'inc-1' }, NOW)
      .then([{ seq: 2, at: NOW, actor: ACTOR, incidentId: 'inc-1', type: 'incidentResolved', summary: '' }]);
  });

  it('refuses to resolve a resolved incident', () => {
    given(RESOLVED)
      .when({ type: 'resolve', incidentId: 'inc-1' }, NOW)
      .thenRefused({ code: 'conflict', field: 'incidentId', message: 'only an active incident can be resolved (it is resolved)' });
  });

  it('refuses to resolve a closed incident', () => {
    given(CLOSED).when({ type: 'resolve', incidentId: 'inc-1' }, NOW).thenRefused({ code: 'conflict', field: 'incidentId' });
  });
});

describe('decide: close', () => {
  it('closes a resolved incident whose deadlines are met', () => {
    given(RESOLVED)
      .and(meetBoth(at(4)))
      .when({ type: 'close', incidentId: 'inc-1' }, NOW)
      .then([{ seq: 6, at: NOW, actor: ACTOR, incidentId: 'inc-1', type: 'incidentClosed' }]);
  });

  it.each([
    ['raised', RAISED],
    ['acknowledged', ACKED],
  ] as const)('refuses to close an active (%s) incident', (status, history) => {
    given(history)
      .when({ type: 'close', incidentId: 'inc-1' }, NOW)
      .thenRefused({ code: 'conflict', field: 'incidentId', message: `only a resolved incident can be closed (it is ${status})` });
  });

  it('refuses to close a closed incident', () => {
    given(CLOSED).when({ type: 'close', incidentId: 'inc-1' }, NOW).thenRefused({ code: 'conflict', field: 'incidentId' });
  });
});

describe('decide: reopen', () => {
  it('reopens a resolved incident with the reason; it was acknowledged, so only its reminder restarts', () => {
    given(RESOLVED)
      .when({ type: 'reopen', incidentId: 'inc-1', reason: ' smoke again ' }, NOW)
      .then([
        {
          seq: 4,
          at: NOW,
          actor: ACTOR,
          incidentId: 'inc-1',
          type: 'incidentReopened',
          reason: 'smoke again',
          unacknowledged: false,
          nextEscalationAt: null,
          reminderAt: NOW + 30 * MINUTE,
        },
      ]);
  });

  it('reopens a closed incident', () => {
    given(CLOSED)
      .when({ type: 'reopen', incidentId: 'inc-1', reason: 'complaint escalated' }, NOW)
      .then([
        {
          seq: 7,
          at: NOW,
          actor: ACTOR,
          incidentId: 'inc-1',
          type: 'incidentReopened',
          reason: 'complaint escalated',
          unacknowledged: false,
          nextEscalationAt: null,
          reminderAt: NOW + 30 * MINUTE,
        },
      ]);
  });

  it('an incident nobody ever acknowledged comes back sounding and escalating from its tier', () => {
    given(
      happened([
        [at(1), raiseFire],
        [at(2), resolve()],
      ]),
    )
      .when({ type: 'reopen', incidentId: 'inc-1', reason: 'smoke again' }, NOW)
      .thenEvents([
        {
          incidentId: 'inc-1',
          type: 'incidentReopened',
          reason: 'smoke again',
          unacknowledged: true,
          nextEscalationAt: NOW + 5 * MINUTE,
          reminderAt: null,
        },
      ]);
  });

  it.each([
    ['raised', RAISED],
    ['acknowledged', ACKED],
  ] as const)('refuses to reopen an active (%s) incident', (status, history) => {
    given(history)
      .when({ type: 'reopen', incidentId: 'inc-1', reason: 'why not' }, NOW)
      .thenRefused({
        code: 'conflict',
        field: 'incidentId',
        message: `only a resolved or closed incident can be reopened (it is ${status})`,
      });
  });

  it('refuses to reopen without a reason (invalid, field reason)', () => {
    given(RESOLVED)
      .when({ type: 'reopen', incidentId: 'inc-1' } as unknown as CommandInput, NOW)
      .thenRefused({ code: 'invalid', field: 'reason', message: 'is required' });
  });

  it('refuses to reopen with an empty reason', () => {
    given(RESOLVED)
      .when({ type: 'reopen', incidentId: 'inc-1', reason: '  ' }, NOW)
      .thenRefused({ code: 'invalid', field: 'reason', message: 'must not be empty' });
  });
});

describe('decide: alarm controls refuse an incident that is no longer active', () => {
  it.each<CommandInput>([
    { type: 'escalate', incidentId: 'inc-1' },
    { type: 'silence', incidentId: 'inc-1' },
    { type: 'shelve', incidentId: 'inc-1', reason: 'sensor fault', minutes: 30 },
    { type: 'unshelve', incidentId: 'inc-1' },
  ])('%j on a resolved incident', (input) => {
    given(RESOLVED).when(input, NOW).thenRefused({ code: 'conflict', field: 'incidentId', message: 'the incident is resolved' });
  });

  it.each<CommandInput>([
    { type: 'escalate', incidentId: 'inc-1' },
    { type: 'silence', incidentId: 'inc-1' },
    { type: 'shelve', incidentId: 'inc-1', reason: 'sensor fault', minutes: 30 },
  ])('%j on a closed incident', (input) => {
    given(CLOSED).when(input, NOW).thenRefused({ code: 'conflict', field: 'incidentId', message: 'the incident is closed' });
  });
});

describe('decide: an unknown incident', () => {
  const onUnknown: CommandInput[] = [
    { type: 'acknowledge', incidentId: 'inc-9' },
    { type: 'addNote', incidentId: 'inc-9', text: 'hello' },
    { type: 'changeLevel', incidentId: 'inc-9', level: 'I' },
    { type: 'resolve', incidentId: 'inc-9' },
    { type: 'close', incidentId: 'inc-9' },
    { type: 'reopen', incidentId: 'inc-9', reason: 'r' },
    { type: 'escalate', incidentId: 'inc-9' },
    { type: 'silence', incidentId: 'inc-9' },
    { type: 'shelve', incidentId: 'inc-9', reason: 'r', minutes: 5 },
    { type: 'unshelve', incidentId: 'inc-9' },
    { type: 'meetDeadline', incidentId: 'inc-9', deadlineId: 'report-bureau' },
    { type: 'extendDeadline', incidentId: 'inc-9', deadlineId: 'report-bureau', until: NOW + MINUTE, reason: 'r' },
    { type: 'waiveDeadline', incidentId: 'inc-9', deadlineId: 'report-bureau', reason: 'r' },
    { type: 'undoEscalation', incidentId: 'inc-9' },
  ];
  it.each(onUnknown.map((c) => [c.type, c] as const))('%s is refused with not_found on incidentId', (_type, input) => {
    given(CLOSED).when(input, NOW).thenRefused({ code: 'not_found', field: 'incidentId', message: 'no incident with this id' });
  });

  it('covers every command type of issue 3 and before that names an existing incident', () => {
    const issue3Types = COMMAND_TYPES.slice(0, COMMAND_TYPES.indexOf('setCalendar') + 1);
    const namingAnIncident = issue3Types.filter((type) => {
      // a command names an incident when leaving incidentId out is refused on that field
      const parsed = parseCommand({ type }, ACTOR);
      return !parsed.ok && parsed.error.field === 'incidentId';
    });
    expect(onUnknown.map((c) => c.type)).toEqual(namingAnIncident);
  });
});

describe('decide: tick is the scheduler’s, and quiet when nothing is due', () => {
  it('an empty board: nothing happens', () => {
    given([]).when(tick(), NOW).thenNothing();
  });

  it('incidents whose timers are all in the future: nothing happens', () => {
    given(happened([[NOW - MINUTE, raiseFire]]))
      .when(tick(), NOW)
      .thenNothing();
  });

  it('a late tick fires what fell due, once, as "system"', () => {
    // raised at minute 1: the first tier timed out at minute 6, so did the report to the unit head;
    // the report to the bureau is due at minute 61
    given(RAISED)
      .when(tick(), NOW)
      .thenEvents([
        { incidentId: 'inc-1', type: 'escalated', fromTier: 0, toTier: 1, manual: false, nextEscalationAt: NOW + 5 * MINUTE },
        { incidentId: 'inc-1', type: 'deadlineMissed', deadlineId: 'report-unit-head' },
      ])
      .when(tick(), NOW)
      .thenNothing();
  });
});

describe('decide is pure', () => {
  it('neither changes the state it is given nor depends on anything but its arguments', () => {
    const state = deepFreeze(evolveAll(initialState, ACKED));
    const before = JSON.stringify(state);
    for (const input of [
      { type: 'resolve', incidentId: 'inc-1' },
      { type: 'escalate', incidentId: 'inc-1' },
    ] as const) {
      const parsed = parseCommand(input, ACTOR);
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(decide(state, parsed.value, NOW)).toEqual(decide(state, parsed.value, NOW));
    }
    expect(decide(state, tick(), NOW + 2 * HOUR)).toEqual(decide(state, tick(), NOW + 2 * HOUR));
    expect(JSON.stringify(state)).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------
// evolve
// ---------------------------------------------------------------------------------------------

describe('evolve', () => {
  it('builds the incident from incidentRaised', () => {
    const events = happened([[at(1), { ...raiseFire, drill: true, details: 'alarm zone 4' }]]);
    expect(evolveAll(initialState, events)).toEqual({
      ...initialState,
      seq: 1,
      lastNumber: 1,
      recentRaises: [at(1)],
      incidents: {
        'inc-1': {
          id: 'inc-1',
          number: 1,
          incidentType: 'fire',
          level: 'II',
          levelHistory: [{ at: at(1), actor: 'alice', from: null, to: 'II', reason: '' }],
          title: 'Smoke in hall B',
          location: 'Hall B',
          reporter: 'Guard Wang',
          details: 'alarm zone 4',
          drill: true,
          status: 'raised',
          raisedAt: at(1),
          raisedBy: 'alice',
          acknowledgedAt: null,
          acknowledgedBy: null,
          resolvedAt: null,
          closedAt: null,
          updatedAt: at(1),
          alarm: {
            unacknowledged: true,
            reason: 'raised',
            policy: II,
            tier: 0,
            repeatsDone: 0,
            nextEscalationAt: at(6),
            reminderAt: null,
            silencedUntil: null,
            shelved: null,
            returned: false,
          },
          deadlines: fireDeadlines(at(1)),
          source: null,
          checklist: copiedFromCatalogue('fire').checklist.map((step) => ({ step, status: 'open', at: null, by: null, reason: '' })),
          rolesToFill: copiedFromCatalogue('fire').rolesToFill,
          assignments: {},
          impact: NO_IMPACT,
          report: null,
          timeline: events,
        },
      },
    });
  });

  it('records acknowledgement, resolution and closing with their times; resolving quiets the alarm', () => {
    const s = evolveAll(initialState, CLOSED).incidents['inc-1'];
    expect(s).toMatchObject({
      status: 'closed',
      acknowledgedAt: at(2),
      acknowledgedBy: 'alice',
      resolvedAt: at(3),
      closedAt: at(4),
      updatedAt: at(4),
    });
    expect(s?.alarm).toMatchObject({ unacknowledged: false, nextEscalationAt: null, reminderAt: null, silencedUntil: null, shelved: null });
  });

  it('acknowledging stops the escalation, keeps the tier and sets the reminder', () => {
    const alarm = evolveAll(initialState, ACKED).incidents['inc-1']?.alarm;
    expect(alarm).toEqual({
      unacknowledged: false,
      reason: 'raised',
      policy: II,
      tier: 0,
      repeatsDone: 0,
      nextEscalationAt: null,
      reminderAt: at(2) + 30 * MINUTE,
      silencedUntil: null,
      shelved: null,
      returned: false,
    });
  });

  it('keeps the level history across changes, and the alarm takes the policy of the current level', () => {
    const s = evolveAll(
      initialState,
      happened([
        [at(1), raiseFire],
        [at(2), changeLevel('inc-1', 'I')],
        [at(3), note('inc-1', 'evacuating')],
        [at(4), changeLevel('inc-1', 'III', 'contained')],
      ]),
    );
    const incident = s.incidents['inc-1'];
    expect(incident?.level).toBe('III');
    expect(incident?.alarm.policy).toEqual(III);
    expect(incident?.levelHistory).toEqual([
      { at: at(1), actor: 'alice', from: null, to: 'II', reason: '' },
      { at: at(2), actor: 'bob', from: 'II', to: 'I', reason: '' },
      { at: at(4), actor: 'bob', from: 'I', to: 'III', reason: 'contained' },
    ]);
  });

  it('reopen returns an incident that had been acknowledged to acknowledged, and clears resolved/closed', () => {
    const incident = evolveAll(initialState, [...CLOSED, ...happened([[at(5), reopen()]], evolveAll(initialState, CLOSED))]).incidents[
      'inc-1'
    ];
    expect(incident).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: at(2),
      acknowledgedBy: 'alice',
      resolvedAt: null,
      closedAt: null,
      updatedAt: at(5),
    });
    expect(incident?.alarm).toMatchObject({
      unacknowledged: false,
      reason: 'reopened',
      nextEscalationAt: null,
      reminderAt: at(5) + 30 * MINUTE,
    });
  });

  it('reopen returns an incident that had never been acknowledged to raised, sounding again', () => {
    const incident = evolveAll(
      initialState,
      happened([[at(1), raiseFire], [at(2), resolve()], ...meetBoth(at(3)), [at(3), close()], [at(4), reopen()]]),
    ).incidents['inc-1'];
    expect(incident).toMatchObject({ status: 'raised', acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, closedAt: null });
    expect(incident?.alarm).toMatchObject({
      unacknowledged: true,
      reason: 'reopened',
      nextEscalationAt: at(4) + 5 * MINUTE,
      reminderAt: null,
    });
  });

  it('the timeline of each incident holds every one of its events, in order', () => {
    const events = happened([
      [at(1), raiseFire],
      [at(2), { type: 'raiseIncident', incidentType: 'injury', level: 'III', title: 'Cut hand' }],
      [at(3), ack('inc-2', 'bob')],
      [at(4), note('inc-1', 'first')],
      [at(5), changeLevel('inc-1', 'I')],
      [at(6), note('inc-2', 'medic called')],
      [at(7), resolve()],
      ...meetBoth(at(8)),
      [at(8), close()],
      [at(9), reopen()],
      [at(10), note('inc-1', 'last')],
    ]);
    const s = evolveAll(initialState, events);
    expect(s.incidents['inc-1']?.timeline).toEqual(events.filter((e) => e.incidentId === 'inc-1'));
    expect(s.incidents['inc-2']?.timeline).toEqual(events.filter((e) => e.incidentId === 'inc-2'));
    expect(s.incidents['inc-1']?.timeline.map((e) => e.seq)).toEqual([1, 4, 5, 7, 8, 9, 10, 11, 12]);
  });

  it('seq advances to the seq of each event applied', () => {
    const events = happened([
      [at(1), raiseFire],
      [at(2), ack()],
      [at(3), resolve()],
      [at(4), raiseFire],
    ]);
    const seqs: number[] = [];
    events.reduce((s, e) => {
      const next = evolve(s, e);
      seqs.push(next.seq);
      return next;
    }, initialState);
    expect(seqs).toEqual([1, 2, 3, 4]);
    expect(evolveAll(initialState, events)).toMatchObject({ seq: 4, lastNumber: 2 });
  });

  it('an event for an incident it does not know only advances seq', () => {
    const before = evolveAll(initialState, RAISED);
    const ghost: NoteAdded = { seq: 2, at: at(2), actor: 'bob', incidentId: 'ghost', type: 'noteAdded', text: 'x' };
    expect(evolve(before, ghost)).toEqual({ ...before, seq: 2 });
  });

  it('does not change the state it is given', () => {
    const before = deepFreeze(evolveAll(initialState, ACKED));
    const snapshot = JSON.stringify(before);
    const later = happened(
      [
        [at(3), changeLevel('inc-1', 'I')],
        [at(4), resolve()],
      ],
      before,
    );
    const after = evolveAll(before, later);
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(after.incidents['inc-1']?.status).toBe('resolved');
  });

  it('decide and evolve together: a whole life, seq 1..n with no gaps', () => {
    const inputs: CommandInput[] = [
      { type: 'raiseIncident', incidentType: 'fire', level: 'III', title: 'Smell of burning' },
      { type: 'acknowledge', incidentId: 'inc-1' },
      { type: 'changeLevel', incidentId: 'inc-1', level: 'I' },
      { type: 'raiseIncident', incidentType: 'injury', level: 'III', title: 'Burn on arm' },
      { type: 'addNote', incidentId: 'inc-1', text: 'brigade called' },
      { type: 'changeLevel', incidentId: 'inc-1', level: 'II', reason: 'fire out, smoke left' },
      { type: 'resolve', incidentId: 'inc-1' },
      { type: 'waiveDeadline', incidentId: 'inc-1', deadlineId: 'report-unit-head', reason: 'reported by phone before the raise' },
      { type: 'meetDeadline', incidentId: 'inc-1', deadlineId: 'report-bureau' },
      { type: 'close', incidentId: 'inc-1' },
      { type: 'reopen', incidentId: 'inc-1', reason: 'embers' },
    ];
    let state = initialState;
    const all: DomainEvent[] = [];
    inputs.forEach((input, i) => {
      const parsed = parseCommand(input, 'op');
      if (!parsed.ok) throw new Error(`${i}: ${parsed.error.message}`);
      const decision = decide(state, parsed.value, NOW + i);
      if (!decision.ok) throw new Error(`${i}: ${decision.error.message}`);
      all.push(...decision.value);
      state = evolveAll(state, decision.value);
    });
    expect(all.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(all.map((e) => e.at)).toEqual(inputs.map((_, i) => NOW + i));
    expect(state.seq).toBe(11);
    expect(state.lastNumber).toBe(2);
    expect(Object.keys(state.incidents)).toEqual(['inc-1', 'inc-2']);
    expect(state.incidents['inc-1']).toMatchObject({ status: 'acknowledged', level: 'II', updatedAt: NOW + 10 });
    expect(state.incidents['inc-1']?.timeline).toHaveLength(10);
  });
});

// ---------------------------------------------------------------------------------------------
// selectors
// ---------------------------------------------------------------------------------------------

describe('selectors', () => {
  // Raised in this order (minutes 1..7), at these levels:
  //   a:III  b:I  c:II  d:I (resolved)  e:IV  f:I  g:II (closed)
  // System alarms carry no legal deadline, so resolving takes them off the board at once.
  const raiseAs = (incidentId: string, level: 'I' | 'II' | 'III' | 'IV'): CommandInput => ({
    ...raiseFire,
    incidentType: 'system-alarm',
    incidentId,
    level,
  });
  const history = happened([
    [at(1), raiseAs('a', 'III')],
    [at(2), raiseAs('b', 'I')],
    [at(3), raiseAs('c', 'II')],
    [at(4), raiseAs('d', 'I')],
    [at(5), raiseAs('e', 'IV')],
    [at(6), raiseAs('f', 'I')],
    [at(7), raiseAs('g', 'II')],
    [at(8), resolve('d')],
    [at(9), resolve('g')],
    [at(10), ack('c')],
    [at(11), close('g')],
  ]);
  const board = evolveAll(initialState, history);
  const then = (steps: Parameters<typeof happened>[0]) => evolveAll(board, happened(steps, board));

  it('activeIncidents: level I first, then by the time raised, without resolved or closed ones', () => {
    expect(activeIncidents(board).map((i) => i.id)).toEqual(['b', 'f', 'c', 'a', 'e']);
  });

  it('activeIncidents follow the current level after a change', () => {
    const s = then([
      [at(12), changeLevel('e', 'I')],
      [at(13), changeLevel('b', 'III', 'under control')],
    ]);
    expect(activeIncidents(s).map((i) => `${i.id}:${i.level}`)).toEqual(['e:I', 'f:I', 'c:II', 'a:III', 'b:III']);
  });

  it('activeIncidents: same level and same time falls back to the number', () => {
    // two raises in the same millisecond; their numbers are swapped so that the order of the
    // incidents in the state differs from the order of their numbers
    const [y, x] = happened([
      [at(0), { ...raiseFire, incidentId: 'y' }],
      [at(0), { ...raiseFire, incidentId: 'x' }],
    ]);
    if (y?.type !== 'incidentRaised' || x?.type !== 'incidentRaised') throw new Error('expected two raises');
    const s = evolveAll(initialState, [
      { ...y, number: 2 },
      { ...x, number: 1 },
    ]);
    expect(Object.keys(s.incidents)).toEqual(['y', 'x']);
    expect(activeIncidents(s).map((i) => i.id)).toEqual(['x', 'y']);
  });

  it('recentIncidents: resolved and closed only, the latest change first', () => {
    expect(recentIncidents(board).map((i) => i.id)).toEqual(['g', 'd']);
    const s = then([[at(12), note('d', 'report filed')]]);
    expect(recentIncidents(s).map((i) => i.id)).toEqual(['d', 'g']);
  });

  it('recentIncidents drops an incident once it is reopened, and honours the limit', () => {
    const s = then([
      [at(12), reopen('d')],
      [at(13), resolve('a')],
      [at(14), resolve('e')],
    ]);
    expect(recentIncidents(s).map((i) => i.id)).toEqual(['e', 'a', 'g']);
    expect(recentIncidents(s, 2).map((i) => i.id)).toEqual(['e', 'a']);
    expect(activeIncidents(s).map((i) => i.id)).toEqual(['b', 'd', 'f', 'c']);
  });

  it('both are empty on an empty board', () => {
    expect(activeIncidents(initialState)).toEqual([]);
    expect(recentIncidents(initialState)).toEqual([]);
  });
});
