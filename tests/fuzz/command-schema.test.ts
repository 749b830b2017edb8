import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alarmRequestToCommand } from '../../electron/core/contract/alarm-request.js';
import { parseCommand } from '../../electron/core/contract/commands.js';
import { COMMAND_TYPES, namesField, spoiledCommand, STRING_LIMITS, VARIANTS, WITH_BASE, withField } from './command-arbitraries.js';

/** Every refusal has this shape: a code, words for a person, and the field when one is at fault. */
function expectRefusal(result: ReturnType<typeof parseCommand>): asserts result is Extract<typeof result, { ok: false }> {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(['invalid', 'unknown_command']).toContain(result.error.code);
  expect(typeof result.error.message).toBe('string');
  expect(result.error.message.length).toBeGreaterThan(0);
  expect(typeof result.error.field).toBe('string');
}

describe('parseCommand under hostile input (fast-check)', () => {
  it('knows a valid command of every type, so every schema is fuzzed field by field', () => {
    const missing = VARIANTS.filter((v) => v.base === null).map((v) => `${v.type} (needs ${v.required.join(', ')})`);
    expect(missing, 'add sample values in tests/fuzz/command-arbitraries.ts').toEqual([]);
    expect(VARIANTS.map((v) => v.type)).toEqual(COMMAND_TYPES);
  });

  it('one spoiled field (missing, wrong type, unknown incl. __proto__/constructor, far too long): refused, naming that field', () => {
    fc.assert(
      fc.property(spoiledCommand, ({ command, field, how }) => {
        const result = parseCommand(command, 'tester');
        expectRefusal(result);
        expect(result.error.code).toBe('invalid');
        expect(namesField(result.error.field, field), `${how} ${field} → ${JSON.stringify(result.error)}`).toBe(true);
        if (how === 'missing') expect(result.error.message).toBe('is required');
        if (how === 'unknown') expect(result.error.message).toBe('unknown field');
      }),
      { numRuns: 2000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('every field of every type refuses a 200,000-character string and a 200,000-element array, by name', () => {
    for (const variant of WITH_BASE) {
      for (const key of variant.fields) {
        for (const huge of ['x'.repeat(200_000), new Array(200_000).fill('x')]) {
          const result = parseCommand(withField(variant.base, key, huge), 'tester');
          expectRefusal(result);
          expect(namesField(result.error.field, key), `${variant.type}.${key}`).toBe(true);
        }
      }
    }
  });

  it('documented string limits hold exactly: at the limit accepted, one past refused', () => {
    let checked = 0;
    for (const variant of WITH_BASE) {
      for (const [key, limit] of Object.entries(STRING_LIMITS)) {
        if (!variant.fields.includes(key)) continue;
        const at = parseCommand(withField(variant.base, key, key === 'incidentId' ? 'a'.repeat(limit) : 'x'.repeat(limit)), 'tester');
        expect(at.ok, `${variant.type}.${key} at ${limit}`).toBe(true);
        const past = parseCommand(withField(variant.base, key, 'x'.repeat(limit + 1)), 'tester');
        expectRefusal(past);
        expect(past.error.field).toBe(key);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('any JSON value at all: never throws, always a Result, a refusal always names a field', () => {
    const anyCommand = fc.oneof(
      fc.jsonValue(),
      fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true }),
      fc
        .record({ type: fc.constantFrom(...COMMAND_TYPES) }, { requiredKeys: [] })
        .chain((head) => fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })).map((rest) => ({ ...rest, ...head }))),
      fc
        .constantFrom(...COMMAND_TYPES)
        .map(
          (type) => JSON.parse(`{"type":"${type}","__proto__":{"type":"raiseIncident"},"constructor":{"prototype":{"x":1}}}`) as unknown,
        ),
    );
    fc.assert(
      fc.property(anyCommand, (raw) => {
        const result = parseCommand(raw, 'tester');
        if (!result.ok) expectRefusal(result);
      }),
      { numRuns: 3000 },
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('a wrong or missing type is refused as unknown_command naming "type"', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.string().filter((s) => !COMMAND_TYPES.includes(s as never)),
          fc.constantFrom('tick', '__proto__', 'constructor', 'toString'),
        ),
        (type) => {
          const result = parseCommand({ type, incidentId: 'inc-1' }, 'tester');
          expectRefusal(result);
          expect(result.error).toMatchObject({ code: 'unknown_command', field: 'type' });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('deep nesting (100,000 levels) in any field is refused by name, without a stack overflow', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    const deepObject = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`) as unknown;
    for (const variant of WITH_BASE) {
      for (const key of variant.fields) {
        for (const value of [deep, deepObject]) {
          const result = parseCommand(withField(variant.base, key, value), 'tester');
          expectRefusal(result);
          expect(namesField(result.error.field, key)).toBe(true);
        }
      }
    }
    expectRefusal(parseCommand(deep, 'tester'));
  });

  it('alarm requests (POST /api/v1/alarms): any JSON becomes a refusal naming a field, or a command that is then validated', () => {
    const alarmish = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          action: fc.oneof(
            fc.constantFrom('trigger', 'acknowledge', 'resolve', '__proto__', 'constructor', 'hasOwnProperty'),
            fc.jsonValue(),
          ),
          dedupKey: fc.oneof(fc.string(), fc.jsonValue(), fc.constant('k'.repeat(300))),
          source: fc.oneof(fc.string(), fc.jsonValue()),
          summary: fc.oneof(fc.string(), fc.jsonValue(), fc.constant('s'.repeat(201))),
          level: fc.oneof(fc.constantFrom('I', 'II', 'V'), fc.jsonValue()),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(alarmish, (raw) => {
        const command = alarmRequestToCommand(raw);
        const result = command.ok ? parseCommand(command.value, 'tester') : command;
        if (!result.ok) {
          expect(result.error.code).toMatch(/^(invalid|unknown_command)$/);
          expect(typeof result.error.field).toBe('string');
          expect(result.error.field!.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
