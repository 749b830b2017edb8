import { describe, expect, it } from 'vitest';
import { parseCommand, type CommandInput } from '../../electron/core/commands.js';
import { decide } from '../../electron/core/decide.js';
import type {
  DomainEvent,
  IncidentAcknowledged,
  IncidentClosed,
  IncidentRaised,
  IncidentReopened,
  IncidentResolved,
  LevelChanged,
  NoteAdded,
} from '../../electron/core/events.js';
import { evolve, evolveAll } from '../../electron/core/evolve.js';
import type { ErrorCode, Result } from '../../electron/core/result.js';
import { activeIncidents, recentIncidents } from '../../electron/core/selectors.js';
import { initialState, type BoardState } from '../../electron/core/state.js';

// ---------------------------------------------------------------------------------------------
// given / when / then
// ---------------------------------------------------------------------------------------------

/** The `now` every decision in this file is taken at. */
const NOW = Date.UTC(2025, 2, 3, 9, 30, 0);
/** Earlier moments for the history given to a test. */
const T0 = NOW - 60 * 60_000;
const at = (minutes: number): number => T0 + minutes * 60_000;

interface Then {
  readonly state: BoardState;
  readonly result: Result<readonly DomainEvent[]>;
  /** The command was accepted and produced exactly these events. */
  then(expected: readonly DomainEvent[]): void;
  /** The command was refused with this code on this field (and, if given, this exact message). */
  thenRefused(expected: { code: ErrorCode; field: string; message?: string }): void;
}

function given(events: readonly DomainEvent[]) {
  const state = evolveAll(initialState, events);
  return {
    state,
    when(input: CommandInput): Then {
      const parsed = parseCommand(input, 'tester');
      const result: Result<readonly DomainEvent[]> = parsed.ok ? decide(state, parsed.value, NOW) : parsed;
      return {
        state,
        result,
        then(expected) {
          expect(result).toEqual({ ok: true, value: expected });
        },
        thenRefused({ code, field, message }) {
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect({ code: result.error.code, field: result.error.field }).toEqual({ code, field });
          expect(result.error.message).toEqual(expect.any(String));
          expect(result.error.message.length).toBeGreaterThan(0);
          if (message !== undefined) expect(result.error.message).toBe(message);
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// event builders for the history (every field spelled out, so the expectations stay readable)
// ---------------------------------------------------------------------------------------------

const raised = (seq: number, over: Partial<IncidentRaised> = {}): IncidentRaised => ({
  seq,
  at: at(seq),
  actor: 'alice',
  incidentId: `inc-${seq}`,
  type: 'incidentRaised',
  number: seq,
  incidentType: 'fire',
  level: 'II',
  title: 'Smoke in hall B',
  location: 'Hall B',
  reporter: 'Guard Wang',
  details: '',
  drill: false,
  ...over,
});
const acknowledged = (seq: number, incidentId: string, actor = 'alice'): IncidentAcknowledged => ({
  seq,
  at: at(seq),
  actor,
  incidentId,
  type: 'incidentAcknowledged',
});
const noted = (seq: number, incidentId: string, text: string): NoteAdded => ({
  seq,
  at: at(seq),
  actor: 'bob',
  incidentId,
  type: 'noteAdded',
  text,
});
const levelChanged = (
  seq: number,
  incidentId: string,
  from: LevelChanged['from'],
  to: LevelChanged['to'],
  reason = '',
): LevelChanged => ({ seq, at: at(seq), actor: 'bob', incidentId, type: 'levelChanged', from, to, reason });
const resolved = (seq: number, incidentId: string, summary = 'put out'): IncidentResolved => ({
  seq,
  at: at(seq),
  actor: 'bob',
  incidentId,
  type: 'incidentResolved',
  summary,
});
const closed = (seq: number, incidentId: string): IncidentClosed => ({
  seq,
  at: at(seq),
  actor: 'carol',
  incidentId,
  type: 'incidentClosed',
});
const reopened = (seq: number, incidentId: string, reason = 'flared up again'): IncidentReopened => ({
  seq,
  at: at(seq),
  actor: 'dave',
  incidentId,
  type: 'incidentReopened',
  reason,
});

/** Histories used by many tests: incident inc-1 in each of its states. */
const RAISED = [raised(1)];
const ACKED = [raised(1), acknowledged(2, 'inc-1')];
const RESOLVED = [raised(1), acknowledged(2, 'inc-1'), resolved(3, 'inc-1')];
const CLOSED = [raised(1), acknowledged(2, 'inc-1'), resolved(3, 'inc-1'), closed(4, 'inc-1')];

// ---------------------------------------------------------------------------------------------
// decide
// ---------------------------------------------------------------------------------------------

describe('decide: raiseIncident', () => {
  it('raises the first incident with defaults: inc-1, number 1, seq 1, actor from the caller', () => {
    given([])
      .when({ type: 'raiseIncident', incidentType: 'fire', level: 'II', title: 'Smoke in hall B' })
      .then([
        {
          seq: 1,
          at: NOW,
          actor: 'tester',
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
        },
      ]);
  });

  it('keeps every given field, the given id and the given actor', () => {
    given([])
      .when({
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
      })
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
        },
      ]);
  });

  it('keeps counting: the next default id and number follow the last number, seq follows the last seq', () => {
    given([raised(1), noted(2, 'inc-1', 'crew on site'), raised(3, { incidentId: 'inc-2', number: 2 })])
      .when({ type: 'raiseIncident', incidentType: 'injury', level: 'III', title: 'Cut hand' })
      .then([
        {
          seq: 4,
          at: NOW,
          actor: 'tester',
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
        },
      ]);
  });

  it('counts numbers on past incidents with their own ids, and on closed ones', () => {
    const history = [
      raised(1, { incidentId: 'north-gate', number: 1 }),
      raised(2, { incidentId: 'inc-2', number: 2 }),
      resolved(3, 'inc-2'),
      closed(4, 'inc-2'),
    ];
    const { result } = given(history).when({
      type: 'raiseIncident',
      incidentType: 'fire',
      level: 'II',
      title: 'Again',
    });
    expect(result.ok && result.value.map((e) => [e.seq, e.incidentId, e.type === 'incidentRaised' && e.number])).toEqual([
      [5, 'inc-3', 3],
    ]);
  });

  it('a default id skips past an inc-<number> id someone chose by hand, instead of being refused', () => {
    // inc-2 was chosen by hand for the first incident (number 1); the next default would be inc-2.
    const history = [raised(1, { incidentId: 'inc-2', number: 1 })];
    const first = given(history).when({ type: 'raiseIncident', incidentType: 'fire', level: 'II', title: 'x' });
    expect(first.result.ok && first.result.value.map((e) => [e.incidentId, e.type === 'incidentRaised' && e.number])).toEqual([
      ['inc-3', 3],
    ]);
    // and the board keeps raising after that
    if (!first.result.ok) return;
    const next = given([...history, ...first.result.value]).when({
      type: 'raiseIncident',
      incidentType: 'fire',
      level: 'II',
      title: 'y',
    });
    expect(next.result.ok && next.result.value.map((e) => [e.seq, e.incidentId])).toEqual([[3, 'inc-4']]);
  });

  it('refuses an incident type that is not in the catalogue, naming incidentType', () => {
    given([])
      .when({ type: 'raiseIncident', incidentType: 'alien-invasion', level: 'I', title: 'x' })
      .thenRefused({ code: 'invalid', field: 'incidentType', message: 'unknown incident type' });
  });

  it('refuses an id that exists already (conflict on incidentId)', () => {
    given(RAISED)
      .when({ type: 'raiseIncident', incidentId: 'inc-1', incidentType: 'fire', level: 'II', title: 'x' })
      .thenRefused({ code: 'conflict', field: 'incidentId', message: 'an incident with this id exists already' });
  });

  it('refuses an id that exists already even when that incident is closed', () => {
    given(CLOSED)
      .when({ type: 'raiseIncident', incidentId: 'inc-1', incidentType: 'fire', level: 'II', title: 'x' })
      .thenRefused({ code: 'conflict', field: 'incidentId' });
  });
});

describe('decide: acknowledge', () => {
  it('acknowledges a raised incident', () => {
    given(RAISED)
      .when({ type: 'acknowledge', incidentId: 'inc-1' })
      .then([{ seq: 2, at: NOW, actor: 'tester', incidentId: 'inc-1', type: 'incidentAcknowledged' }]);
  });

  it('refuses a second acknowledgement and names who acknowledged', () => {
    given(ACKED)
      .when({ type: 'acknowledge', incidentId: 'inc-1', actor: 'bob' })
      .thenRefused({ code: 'conflict', field: 'incidentId', message: 'already acknowledged by alice' });
  });

  it('refuses to acknowledge a resolved incident', () => {
    given([raised(1), resolved(2, 'inc-1')])
      .when({ type: 'acknowledge', incidentId: 'inc-1' })
      .thenRefused({
        code: 'conflict',
        field: 'incidentId',
        message: 'only an active incident can be acknowledged (it is resolved)',
      });
  });

  it('refuses to acknowledge a closed incident', () => {
    given([raised(1), resolved(2, 'inc-1'), closed(3, 'inc-1')])
      .when({ type: 'acknowledge', incidentId: 'inc-1' })
      .thenRefused({ code: 'conflict', field: 'incidentId' });
  });

  it('acknowledges an incident that was reopened without ever being acknowledged', () => {
    given([raised(1), resolved(2, 'inc-1'), reopened(3, 'inc-1')])
      .when({ type: 'acknowledge', incidentId: 'inc-1' })
      .then([{ seq: 4, at: NOW, actor: 'tester', incidentId: 'inc-1', type: 'incidentAcknowledged' }]);
  });
});

describe('decide: addNote', () => {
  it('adds a note, trimmed', () => {
    given(ACKED)
      .when({ type: 'addNote', incidentId: 'inc-1', text: '  fire brigade arrived  ' })
      .then([{ seq: 3, at: NOW, actor: 'tester', incidentId: 'inc-1', type: 'noteAdded', text: 'fire brigade arrived' }]);
  });

  it('adds a note to a closed incident too (the record stays open for remarks)', () => {
    given(CLOSED)
      .when({ type: 'addNote', incidentId: 'inc-1', text: 'insurer informed' })
      .then([{ seq: 5, at: NOW, actor: 'tester', incidentId: 'inc-1', type: 'noteAdded', text: 'insurer informed' }]);
  });
});

describe('decide: changeLevel', () => {
  it('raises the level without a reason', () => {
    given(RAISED)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' })
      .then([
        { seq: 2, at: NOW, actor: 'tester', incidentId: 'inc-1', type: 'levelChanged', from: 'II', to: 'I', reason: '' },
      ]);
  });

  it('raises the level with a reason and keeps it', () => {
    given(ACKED)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I', reason: 'spreading to hall C' })
      .then([
        {
          seq: 3,
          at: NOW,
          actor: 'tester',
          incidentId: 'inc-1',
          type: 'levelChanged',
          from: 'II',
          to: 'I',
          reason: 'spreading to hall C',
        },
      ]);
  });

  it('lowers the level when a reason is given', () => {
    given(ACKED)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'IV', reason: 'contained' })
      .then([
        {
          seq: 3,
          at: NOW,
          actor: 'tester',
          incidentId: 'inc-1',
          type: 'levelChanged',
          from: 'II',
          to: 'IV',
          reason: 'contained',
        },
      ]);
  });

  it('refuses to lower the level without a reason (invalid, field reason)', () => {
    given(ACKED)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'III' })
      .thenRefused({ code: 'invalid', field: 'reason', message: 'lowering a level needs a reason' });
  });

  it('refuses to lower the level with a reason of only spaces', () => {
    given(ACKED)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'III', reason: '   ' })
      .thenRefused({ code: 'invalid', field: 'reason' });
  });

  it('refuses to change to the level it has already (field level)', () => {
    given(ACKED)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'II', reason: 'same' })
      .thenRefused({ code: 'conflict', field: 'level', message: 'the incident has this level already' });
  });

  it('compares against the current level, not the level it was raised with', () => {
    const history = [raised(1), levelChanged(2, 'inc-1', 'II', 'I')];
    given(history)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' })
      .thenRefused({ code: 'conflict', field: 'level' });
    given(history)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'II' })
      .thenRefused({ code: 'invalid', field: 'reason' });
  });

  it('refuses to change the level of a closed incident', () => {
    given(CLOSED)
      .when({ type: 'changeLevel', incidentId: 'inc-1', level: 'I' })
      .thenRefused({ code: 'conflict', field: 'incidentId', message: 'a closed incident cannot change level' });
  });
});

describe('decide: resolve', () => {
  it('resolves an acknowledged incident with a summary', () => {
    given(ACKED)
      .when({ type: 'resolve', incidentId: 'inc-1', summary: 'extinguished' })
      .then([
        { seq: 3, at: NOW, actor: 'tester', incidentId: 'inc-1', type: 'incidentResolved', summary: 'extinguished' },
      ]);
  });

  it('resolves a raised (not yet acknowledged) incident; the summary defaults to empty', () => {
    given(RAISED)
      .when({ type: 'resolve', incidentId: 'inc-1' })
      .then([{ seq: 2, at: NOW, actor: 'tester', incidentId: 'inc-1', type: 'incidentResolved', summary: '' }]);
  });

  it('refuses to resolve a resolved incident', () => {
    given(RESOLVED)
      .when({ type: 'resolve', incidentId: 'inc-1' })
      .thenRefused({
        code: 'conflict',
        field: 'incidentId',
        message: 'only an active incident can be resolved (it is resolved)',
      });
  });

  it('refuses to resolve a closed incident', () => {
    given(CLOSED)
      .when({ type: 'resolve', incidentId: 'inc-1' })
      .thenRefused({ code: 'conflict', field: 'incidentId' });
  });
});

describe('decide: close', () => {
  it('closes a resolved incident', () => {
    given(RESOLVED)
      .when({ type: 'close', incidentId: 'inc-1' })
      .then([{ seq: 4, at: NOW, actor: 'tester', incidentId: 'inc-1', type: 'incidentClosed' }]);
  });

  it.each([
    ['raised', RAISED],
    ['acknowledged', ACKED],
  ] as const)('refuses to close an active (%s) incident', (status, history) => {
    given(history)
      .when({ type: 'close', incidentId: 'inc-1' })
      .thenRefused({
        code: 'conflict',
        field: 'incidentId',
        message: `only a resolved incident can be closed (it is ${status})`,
      });
  });

  it('refuses to close a closed incident', () => {
    given(CLOSED)
      .when({ type: 'close', incidentId: 'inc-1' })
      .thenRefused({ code: 'conflict', field: 'incidentId' });
  });
});

describe('decide: reopen', () => {
  it('reopens a resolved incident with the reason', () => {
    given(RESOLVED)
      .when({ type: 'reopen', incidentId: 'inc-1', reason: ' smoke again ' })
      .then([
        { seq: 4, at: NOW, actor: 'tester', incidentId: 'inc-1', type: 'incidentReopened', reason: 'smoke again' },
      ]);
  });

  it('reopens a closed incident', () => {
    given(CLOSED)
      .when({ type: 'reopen', incidentId: 'inc-1', reason: 'complaint escalated' })
      .then([
        {
          seq: 5,
          at: NOW,
          actor: 'tester',
          incidentId: 'inc-1',
          type: 'incidentReopened',
          reason: 'complaint escalated',
        },
      ]);
  });

  it.each([
    ['raised', RAISED],
    ['acknowledged', ACKED],
  ] as const)('refuses to reopen an active (%s) incident', (status, history) => {
    given(history)
      .when({ type: 'reopen', incidentId: 'inc-1', reason: 'why not' })
      .thenRefused({
        code: 'conflict',
        field: 'incidentId',
        message: `only a resolved or closed incident can be reopened (it is ${status})`,
      });
  });

  it('refuses to reopen without a reason (invalid, field reason)', () => {
    given(RESOLVED)
      .when({ type: 'reopen', incidentId: 'inc-1' } as unknown as CommandInput)
      .thenRefused({ code: 'invalid', field: 'reason', message: 'is required' });
  });

  it('refuses to reopen with an empty reason', () => {
    given(RESOLVED)
      .when({ type: 'reopen', incidentId: 'inc-1', reason: '  ' })
      .thenRefused({ code: 'invalid', field: 'reason', message: 'must not be empty' });
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
  ];
  it.each(onUnknown.map((c) => [c.type, c] as const))('%s is refused with not_found on incidentId', (_type, input) => {
    given(CLOSED).when(input).thenRefused({ code: 'not_found', field: 'incidentId', message: 'no incident with this id' });
  });

  it('covers every command type that names an incident', () => {
    expect(onUnknown.map((c) => c.type)).toEqual(['acknowledge', 'addNote', 'changeLevel', 'resolve', 'close', 'reopen']);
  });
});

describe('decide is pure', () => {
  it('neither changes the state it is given nor depends on anything but its arguments', () => {
    const state = deepFreeze(evolveAll(initialState, ACKED));
    const before = JSON.stringify(state);
    const parsed = parseCommand({ type: 'resolve', incidentId: 'inc-1' }, 'tester');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const first = decide(state, parsed.value, NOW);
    const second = decide(state, parsed.value, NOW);
    expect(second).toEqual(first);
    expect(JSON.stringify(state)).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------
// evolve
// ---------------------------------------------------------------------------------------------

describe('evolve', () => {
  it('builds the incident from incidentRaised', () => {
    const e = raised(1, { drill: true, details: 'alarm zone 4' });
    expect(evolveAll(initialState, [e])).toEqual({
      seq: 1,
      lastNumber: 1,
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
          timeline: [e],
        },
      },
    });
  });

  it('records acknowledgement, resolution and closing with their times', () => {
    const s = evolveAll(initialState, CLOSED).incidents['inc-1'];
    expect(s).toMatchObject({
      status: 'closed',
      acknowledgedAt: at(2),
      acknowledgedBy: 'alice',
      resolvedAt: at(3),
      closedAt: at(4),
      updatedAt: at(4),
    });
  });

  it('keeps the level history across changes', () => {
    const s = evolveAll(initialState, [
      raised(1),
      levelChanged(2, 'inc-1', 'II', 'I'),
      noted(3, 'inc-1', 'evacuating'),
      levelChanged(4, 'inc-1', 'I', 'III', 'contained'),
    ]);
    const incident = s.incidents['inc-1'];
    expect(incident?.level).toBe('III');
    expect(incident?.levelHistory).toEqual([
      { at: at(1), actor: 'alice', from: null, to: 'II', reason: '' },
      { at: at(2), actor: 'bob', from: 'II', to: 'I', reason: '' },
      { at: at(4), actor: 'bob', from: 'I', to: 'III', reason: 'contained' },
    ]);
  });

  it('reopen returns an incident that had been acknowledged to acknowledged, and clears resolved/closed', () => {
    const incident = evolveAll(initialState, [...CLOSED, reopened(5, 'inc-1')]).incidents['inc-1'];
    expect(incident).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: at(2),
      acknowledgedBy: 'alice',
      resolvedAt: null,
      closedAt: null,
      updatedAt: at(5),
    });
  });

  it('reopen returns an incident that had never been acknowledged to raised', () => {
    const incident = evolveAll(initialState, [raised(1), resolved(2, 'inc-1'), closed(3, 'inc-1'), reopened(4, 'inc-1')])
      .incidents['inc-1'];
    expect(incident).toMatchObject({
      status: 'raised',
      acknowledgedAt: null,
      acknowledgedBy: null,
      resolvedAt: null,
      closedAt: null,
    });
  });

  it('the timeline of each incident holds every one of its events, in order', () => {
    const events: DomainEvent[] = [
      raised(1),
      raised(2, { incidentType: 'injury', level: 'III' }),
      acknowledged(3, 'inc-2', 'bob'),
      noted(4, 'inc-1', 'first'),
      levelChanged(5, 'inc-1', 'II', 'I'),
      noted(6, 'inc-2', 'medic called'),
      resolved(7, 'inc-1'),
      closed(8, 'inc-1'),
      reopened(9, 'inc-1'),
      noted(10, 'inc-1', 'last'),
    ];
    const s = evolveAll(initialState, events);
    expect(s.incidents['inc-1']?.timeline).toEqual(events.filter((e) => e.incidentId === 'inc-1'));
    expect(s.incidents['inc-2']?.timeline).toEqual(events.filter((e) => e.incidentId === 'inc-2'));
    expect(s.incidents['inc-1']?.timeline.map((e) => e.seq)).toEqual([1, 4, 5, 7, 8, 9, 10]);
  });

  it('seq advances to the seq of each event applied', () => {
    const events = [...RESOLVED, raised(4, { incidentId: 'inc-4', number: 2 })];
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
    const after = evolve(before, noted(2, 'ghost', 'x'));
    expect(after).toEqual({ ...before, seq: 2 });
  });

  it('does not change the state it is given', () => {
    const before = deepFreeze(evolveAll(initialState, ACKED));
    const snapshot = JSON.stringify(before);
    const after = evolveAll(before, [levelChanged(3, 'inc-1', 'II', 'I'), resolved(4, 'inc-1')]);
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
    expect(all.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(all.map((e) => e.at)).toEqual(inputs.map((_, i) => NOW + i));
    expect(state.seq).toBe(9);
    expect(state.lastNumber).toBe(2);
    expect(Object.keys(state.incidents)).toEqual(['inc-1', 'inc-2']);
    expect(state.incidents['inc-1']).toMatchObject({ status: 'acknowledged', level: 'II', updatedAt: NOW + 8 });
    expect(state.incidents['inc-1']?.timeline).toHaveLength(8);
  });
});

// ---------------------------------------------------------------------------------------------
// selectors
// ---------------------------------------------------------------------------------------------

describe('selectors', () => {
  // Raised in this order (minutes 1..7), at these levels:
  //   a:III  b:I  c:II  d:I (resolved)  e:IV  f:I  g:II (closed)
  const board = evolveAll(initialState, [
    raised(1, { incidentId: 'a', number: 1, level: 'III' }),
    raised(2, { incidentId: 'b', number: 2, level: 'I' }),
    raised(3, { incidentId: 'c', number: 3, level: 'II' }),
    raised(4, { incidentId: 'd', number: 4, level: 'I' }),
    raised(5, { incidentId: 'e', number: 5, level: 'IV' }),
    raised(6, { incidentId: 'f', number: 6, level: 'I' }),
    raised(7, { incidentId: 'g', number: 7, level: 'II' }),
    resolved(8, 'd'),
    resolved(9, 'g'),
    acknowledged(10, 'c'),
    closed(11, 'g'),
  ]);

  it('activeIncidents: level I first, then by the time raised, without resolved or closed ones', () => {
    expect(activeIncidents(board).map((i) => i.id)).toEqual(['b', 'f', 'c', 'a', 'e']);
  });

  it('activeIncidents follow the current level after a change', () => {
    const s = evolveAll(board, [levelChanged(12, 'e', 'IV', 'I'), levelChanged(13, 'b', 'I', 'III', 'under control')]);
    expect(activeIncidents(s).map((i) => `${i.id}:${i.level}`)).toEqual(['e:I', 'f:I', 'c:II', 'a:III', 'b:III']);
  });

  it('activeIncidents: same level and same time falls back to the number', () => {
    const s = evolveAll(initialState, [
      raised(1, { incidentId: 'y', number: 2, at: at(0) }),
      raised(2, { incidentId: 'x', number: 1, at: at(0) }),
    ]);
    expect(activeIncidents(s).map((i) => i.id)).toEqual(['x', 'y']);
  });

  it('recentIncidents: resolved and closed only, the latest change first', () => {
    expect(recentIncidents(board).map((i) => i.id)).toEqual(['g', 'd']);
    const s = evolveAll(board, [noted(12, 'd', 'report filed')]);
    expect(recentIncidents(s).map((i) => i.id)).toEqual(['d', 'g']);
  });

  it('recentIncidents drops an incident once it is reopened, and honours the limit', () => {
    const s = evolveAll(board, [reopened(12, 'd'), resolved(13, 'a'), resolved(14, 'e')]);
    expect(recentIncidents(s).map((i) => i.id)).toEqual(['e', 'a', 'g']);
    expect(recentIncidents(s, 2).map((i) => i.id)).toEqual(['e', 'a']);
    expect(activeIncidents(s).map((i) => i.id)).toEqual(['b', 'd', 'f', 'c']);
  });

  it('both are empty on an empty board', () => {
    expect(activeIncidents(initialState)).toEqual([]);
    expect(recentIncidents(initialState)).toEqual([]);
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
