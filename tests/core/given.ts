/**
 * given / when / then for the pure core, with a fake clock: every decision is taken at an explicit
 * `now`, and time passes only through `{ type: 'tick', actor: 'system', clockJumpMs }` commands.
 *
 *   given(happened([[at(0), raise], [at(1), ack]]))
 *     .when(tick(), at(5)).thenEvents([{ incidentId: 'inc-1', type: 'escalated', ... }])
 *     .when(tick(), at(6)).thenNothing();
 *
 * History is built by running decide on commands (happened), not by hand-written event literals,
 * so it always has the shape the core really produces.
 */
import { expect } from 'vitest';
import { parseCommand, type Command, type CommandInput, type TickCommand } from '../../electron/core/contract/commands.js';
import { decide } from '../../electron/core/decide.js';
import type { Draft } from '../../electron/core/draft.js';
import type { DomainEvent } from '../../electron/core/events.js';
import { evolveAll } from '../../electron/core/evolve.js';
import { findType } from '../../electron/core/plan/catalogue.js';
import type { Level } from '../../electron/core/incident/levels.js';
import { DEFAULT_PLAN, deadlineRulesFor } from '../../electron/core/plan/plan.js';
import type { ErrorCode, Result } from '../../electron/core/contract/result.js';
import { initialState, type BoardState, type Deadline, type Incident } from '../../electron/core/state.js';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Monday 3 March 2025, 09:30 in Beijing (+08:00): the start of most scenarios. */
export const T0 = Date.UTC(2025, 2, 3, 1, 30);
/** T0 plus whole or fractional minutes. */
export const at = (minutes: number): number => T0 + minutes * MINUTE;

export type Step = CommandInput | TickCommand;

/** The scheduler's wake-up; clockJumpMs < 0 when the wall clock was seen to go back. */
export const tick = (clockJumpMs = 0): TickCommand => ({ type: 'tick', actor: 'system', clockJumpMs });

/** The default actor of commands that name none. */
export const ACTOR = 'tester';

export function toCommand(step: Step): Command {
  if (step.type === 'tick') return step;
  const parsed = parseCommand(step, ACTOR);
  if (!parsed.ok) throw new Error(`invalid command ${JSON.stringify(step)}: ${parsed.error.field} ${parsed.error.message}`);
  return parsed.value;
}

/**
 * Runs each command at its time on the state the earlier ones left, and returns every event,
 * as the journal would hold them. A refused command fails the test at once.
 */
export function happened(steps: readonly (readonly [number, Step])[], start: BoardState = initialState): DomainEvent[] {
  let state = start;
  const all: DomainEvent[] = [];
  for (const [now, step] of steps) {
    const decision = decide(state, toCommand(step), now);
    if (!decision.ok) throw new Error(`${JSON.stringify(step)} refused: ${decision.error.code} ${decision.error.message}`);
    all.push(...decision.value);
    state = evolveAll(state, decision.value);
  }
  return all;
}

export interface Then {
  /** the state the command was decided on */
  readonly state: BoardState;
  readonly result: Result<readonly DomainEvent[]>;
  /** the state once the events are applied (the given state if the command was refused) */
  readonly after: BoardState;
  /** Accepted, with exactly these events. */
  then(expected: readonly DomainEvent[]): Next;
  /** Accepted, with exactly these events, stamped with the next seqs, `now` and the command's actor. */
  thenEvents(expected: readonly Draft[]): Next;
  /** Accepted, and nothing happened. */
  thenNothing(): Next;
  /** Refused with this code on this field (and, if given, this exact message); nothing changes. */
  thenRefused(expected: { code: ErrorCode; field: string; message?: string }): Next;
}

/** Go on from the state after the last command. */
export interface Next {
  readonly state: BoardState;
  incident(id?: string): Incident;
  when(step: Step, now: number): Then;
  /** More history: these commands happen (none may be refused), then go on. */
  and(steps: readonly (readonly [number, Step])[]): Next;
}

export function given(events: readonly DomainEvent[], start: BoardState = initialState): Next {
  return from(evolveAll(start, events));
}

export function from(state: BoardState): Next {
  return {
    state,
    incident: (id = 'inc-1') => incidentOf(state, id),
    when: (step, now) => decideAt(state, step, now),
    and: (steps) => from(evolveAll(state, happened(steps, state))),
  };
}

function decideAt(state: BoardState, step: Step, now: number): Then {
  let result: Result<readonly DomainEvent[]>;
  let actor = 'system';
  if (step.type === 'tick') {
    result = decide(state, step, now);
  } else {
    const parsed = parseCommand(step, ACTOR);
    result = parsed.ok ? decide(state, parsed.value, now) : parsed;
    if (parsed.ok) actor = parsed.value.actor;
  }
  const after = result.ok ? evolveAll(state, result.value) : state;
  const next = from(after);
  return {
    state,
    result,
    after,
    then(expected) {
      expect(result).toEqual({ ok: true, value: expected });
      return next;
    },
    thenEvents(expected) {
      const stamped = expected.map((d, i) => ({ seq: state.seq + 1 + i, at: now, actor, ...d }));
      expect(result).toEqual({ ok: true, value: stamped });
      return next;
    },
    thenNothing() {
      expect(result).toEqual({ ok: true, value: [] });
      return next;
    },
    thenRefused({ code, field, message }) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect({ code: result.error.code, field: result.error.field }).toEqual({ code, field });
        expect(result.error.message.length).toBeGreaterThan(0);
        if (message !== undefined) expect(result.error.message).toBe(message);
      }
      return next;
    },
  };
}

export function incidentOf(state: BoardState, id = 'inc-1'): Incident {
  const incident = state.incidents[id];
  if (incident === undefined) throw new Error(`no incident ${id}`);
  return incident;
}

/**
 * The deadline an incident should carry: the plan's rule `id` for this type (its name comes from
 * the plan), due at `dueAt`, neither met nor missed unless told.
 */
export function deadline(incidentType: string, id: string, dueAt: number, over: Partial<Deadline> = {}, level: Level = 'II'): Deadline {
  const rule = deadlineRulesFor(DEFAULT_PLAN, incidentType, level).find((r) => r.id === id);
  if (rule === undefined) throw new Error(`the default plan has no deadline ${id} for ${incidentType}`);
  return { id, name: rule.name, dueAt, metAt: null, metBy: null, missedAt: null, ...over };
}

/** What a raise copies from the plan's catalogue entry besides policy and deadlines. */
export function copiedFromCatalogue(incidentType: string) {
  const type = findType(DEFAULT_PLAN.catalogue, incidentType);
  if (type === undefined) throw new Error(`the default catalogue has no type ${incidentType}`);
  return { checklist: type.checklist, rolesToFill: type.rolesToFill };
}

/** The types of a list of events, for short checks of what a scenario produced. */
export const typesOf = (events: readonly DomainEvent[]): string[] => events.map((e) => e.type);

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
