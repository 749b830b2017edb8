import fc from 'fast-check';
import type { z } from 'zod';
import { commandSchema, COMMAND_TYPES, LIMITS, parseCommand } from '../../electron/core/contract/commands.js';
import { DEFAULT_CALENDAR } from '../../electron/core/plan/calendar.js';
import { DEFAULT_CATALOGUE } from '../../electron/core/plan/catalogue-defaults.js';
import { POSITIONS } from '../../electron/core/organisation/organisation.js';

/**
 * Hostile-input generators built from the command schema itself, so that every command type,
 * also ones added later, is covered: for each type its fields, which are required, and (where a
 * plain value for each required field is known) a valid base command to spoil one field at a time.
 */

/** Plain, valid values for fields by name (the first one the field accepts is used). */
const SAMPLE_VALUES: Readonly<Record<string, readonly unknown[]>> = {
  incidentId: ['inc-1'],
  actor: ['Duty officer Wang'],
  incidentType: ['fire', DEFAULT_CATALOGUE[0]],
  level: ['II'],
  title: ['Smoke in warehouse 3'],
  text: ['Fire brigade on site'],
  reason: ['Checked on site'],
  summary: ['Extinguished'],
  minutes: [5],
  deadlineId: ['report-1h'],
  dedupKey: ['chiller-2-temp'],
  source: ['BMS'],
  stepId: ['step-1'],
  number: ['119'],
  name: ['Fire brigade'],
  position: [POSITIONS[0]],
  personId: ['p-1'],
  incoming: [['p-1']],
  note: ['handover note'],
  newPin: ['246810'],
  impact: [{}],
  settings: [{}],
  report: [{}],
  people: [[]],
  until: [Date.UTC(2026, 10, 30, 8, 0, 0)],
  calendar: [DEFAULT_CALENDAR],
  catalogue: [DEFAULT_CATALOGUE],
  policy: DEFAULT_CATALOGUE.flatMap((t) => Object.values((t as { escalation?: Record<string, unknown> }).escalation ?? {})),
};

const FALLBACK_VALUES: readonly unknown[] = ['x', 'inc-1', 'I', 1, 5, 0, true, false, ['x'], [], {}, Date.UTC(2026, 10, 30), null];

export interface CommandVariant {
  readonly type: string;
  readonly shape: Readonly<Record<string, z.ZodType>>;
  /** fields other than `type` that must be present */
  readonly required: readonly string[];
  /** fields other than `type` */
  readonly fields: readonly string[];
  /** a command of this type that parses, built from SAMPLE_VALUES; null when none is known */
  readonly base: Readonly<Record<string, unknown>> | null;
}

export const VARIANTS: readonly CommandVariant[] = commandSchema.options.map((option) => {
  const shape = option.shape as unknown as Record<string, z.ZodType>;
  const type = (option.shape.type as unknown as { value: string }).value;
  const fields = Object.keys(shape).filter((k) => k !== 'type');
  const required = fields.filter((k) => !shape[k]!.safeParse(undefined).success);
  const candidate: Record<string, unknown> = { type };
  for (const key of required) {
    // a field not listed above gets the first plain value its schema accepts
    const value = [...(SAMPLE_VALUES[key] ?? []), ...FALLBACK_VALUES].find((v) => shape[key]!.safeParse(v).success);
    if (value !== undefined) candidate[key] = value;
  }
  const base = parseCommand(candidate, 'tester').ok ? candidate : null;
  return { type, shape, required, fields, base };
});

export const WITH_BASE = VARIANTS.filter((v): v is CommandVariant & { base: Record<string, unknown> } => v.base !== null);

/** Own-property assignment that also works for "__proto__" (as JSON.parse would produce it). */
export function withField(object: Readonly<Record<string, unknown>>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...object };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

export function without(object: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...object };
  delete copy[key];
  return copy;
}

const HUGE = 200_000;

/** Values of every JSON kind, including ones far past any limit. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', '💥'.repeat(3), 'x'.repeat(HUGE)),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.constantFrom([], new Array(HUGE).fill('p-1'), new Array(50_000).fill(0)),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
);

/** A value the field's own schema refuses. */
export const wrongValueFor = (variant: CommandVariant, key: string): fc.Arbitrary<unknown> =>
  anyValue.filter((value) => value !== undefined && !variant.shape[key]!.safeParse(value).success);

/** Keys no command has, including the ones that poison prototypes. */
export const unknownKey = (variant: CommandVariant): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', 'then', ''),
      fc.string({ minLength: 1, maxLength: 30 }),
      fc.constant('k'.repeat(10_000)),
    )
    .filter((key) => key !== 'type' && !Object.hasOwn(variant.shape, key));

/** One field spoiled in one way; `field` is the name the error must carry. */
export interface Spoiled {
  readonly command: Record<string, unknown>;
  readonly field: string;
  readonly how: 'missing' | 'wrong' | 'unknown';
}

export const spoiledCommand: fc.Arbitrary<Spoiled> = fc.constantFrom(...WITH_BASE).chain((variant) =>
  fc.oneof(
    ...(variant.required.length > 0
      ? [fc.constantFrom(...variant.required).map((key): Spoiled => ({ command: without(variant.base, key), field: key, how: 'missing' }))]
      : []),
    fc
      .constantFrom(...variant.fields)
      .chain((key) =>
        wrongValueFor(variant, key).map((value): Spoiled => ({ command: withField(variant.base, key, value), field: key, how: 'wrong' })),
      ),
    unknownKey(variant).chain((key) =>
      anyValue.map((value): Spoiled => ({ command: withField(variant.base, key, value), field: key, how: 'unknown' })),
    ),
  ),
);

/** The error names the spoiled field (or a path inside it). */
export const namesField = (field: string | undefined, expected: string): boolean =>
  field === expected || (field ?? '').startsWith(`${expected}.`);

/** Documented string limits (docs/api.md), checked at and one past the limit. */
export const STRING_LIMITS: Readonly<Record<string, number>> = {
  title: LIMITS.title,
  location: LIMITS.location,
  reporter: LIMITS.person,
  actor: LIMITS.person,
  details: LIMITS.text,
  text: LIMITS.text,
  reason: LIMITS.reason,
  incidentId: LIMITS.id,
};

export { COMMAND_TYPES };
