import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, LIMITS, parseCommand } from '../../electron/core/commands.js';

const raise = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'raiseIncident',
  incidentType: 'fire',
  level: 'II',
  title: 'Smoke in hall B',
  ...over,
});
const without = (obj: Record<string, unknown>, key: string): Record<string, unknown> => {
  const copy = { ...obj };
  delete copy[key];
  return copy;
};
const refused = (field: string, message: string) => ({ ok: false, error: { code: 'invalid', field, message } });
const LEVEL_MESSAGE = 'must be one of I, II, III, IV';

describe('parseCommand: accepted input', () => {
  it('fills the defaults of a raise and the default actor', () => {
    expect(parseCommand(raise(), 'desk-1')).toEqual({
      ok: true,
      value: {
        type: 'raiseIncident',
        actor: 'desk-1',
        incidentType: 'fire',
        level: 'II',
        title: 'Smoke in hall B',
        location: '',
        reporter: '',
        details: '',
        drill: false,
      },
    });
  });

  it('keeps a given actor over the default one', () => {
    expect(parseCommand({ type: 'acknowledge', incidentId: 'inc-1', actor: 'Wang' }, 'desk-1')).toEqual({
      ok: true,
      value: { type: 'acknowledge', incidentId: 'inc-1', actor: 'Wang' },
    });
  });

  it('trims every string', () => {
    const parsed = parseCommand(
      raise({
        incidentType: '  fire ',
        title: '\t Smoke in hall B \n',
        location: ' Hall B ',
        reporter: ' Li ',
        details: '  zone 4  ',
        actor: '  Wang  ',
        drill: true,
        incidentId: 'gate-7',
      }),
      'desk-1',
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        type: 'raiseIncident',
        actor: 'Wang',
        incidentId: 'gate-7',
        incidentType: 'fire',
        level: 'II',
        title: 'Smoke in hall B',
        location: 'Hall B',
        reporter: 'Li',
        details: 'zone 4',
        drill: true,
      },
    });
    expect(parseCommand({ type: 'addNote', incidentId: 'a', text: '  hi  ' }, 'x')).toEqual({
      ok: true,
      value: { type: 'addNote', incidentId: 'a', text: 'hi', actor: 'x' },
    });
    expect(parseCommand({ type: 'reopen', incidentId: 'a', reason: ' again ' }, 'x')).toEqual({
      ok: true,
      value: { type: 'reopen', incidentId: 'a', reason: 'again', actor: 'x' },
    });
  });

  it.each([
    [{ type: 'acknowledge', incidentId: 'inc-1' }, { type: 'acknowledge', incidentId: 'inc-1', actor: 't' }],
    [{ type: 'addNote', incidentId: 'inc-1', text: 'n' }, { type: 'addNote', incidentId: 'inc-1', text: 'n', actor: 't' }],
    [
      { type: 'changeLevel', incidentId: 'inc-1', level: 'I' },
      { type: 'changeLevel', incidentId: 'inc-1', level: 'I', reason: '', actor: 't' },
    ],
    [{ type: 'resolve', incidentId: 'inc-1' }, { type: 'resolve', incidentId: 'inc-1', summary: '', actor: 't' }],
    [{ type: 'close', incidentId: 'inc-1' }, { type: 'close', incidentId: 'inc-1', actor: 't' }],
    [
      { type: 'reopen', incidentId: 'inc-1', reason: 'r' },
      { type: 'reopen', incidentId: 'inc-1', reason: 'r', actor: 't' },
    ],
  ])('accepts %j', (input, value) => {
    expect(parseCommand(input, 't')).toEqual({ ok: true, value });
  });

  it('accepts a title of exactly the limit, and counts it after trimming', () => {
    const title = 'a'.repeat(LIMITS.title);
    expect(LIMITS.title).toBe(200);
    expect(parseCommand(raise({ title: `  ${title}  ` }), 't')).toMatchObject({ ok: true, value: { title } });
  });

  it('knows exactly these command types', () => {
    expect(COMMAND_TYPES).toEqual(['raiseIncident', 'acknowledge', 'addNote', 'changeLevel', 'resolve', 'close', 'reopen']);
  });
});

describe('parseCommand: refused input names the field', () => {
  it('missing level: field level, "is required"', () => {
    expect(parseCommand(without(raise(), 'level'), 't')).toEqual(refused('level', 'is required'));
    expect(parseCommand({ type: 'changeLevel', incidentId: 'a' }, 't')).toEqual(refused('level', 'is required'));
  });

  it.each(['V', 'i', '', 1, null])('level %j: field level', (level) => {
    expect(parseCommand(raise({ level }), 't')).toEqual(refused('level', LEVEL_MESSAGE));
  });

  it.each(['yes', 'true', 1, null])('drill %j: field drill', (drill) => {
    expect(parseCommand(raise({ drill }), 't')).toEqual(refused('drill', 'must be true or false'));
  });

  it.each(['', '   ', '\t\n'])('title %j: field title', (title) => {
    expect(parseCommand(raise({ title }), 't')).toEqual(refused('title', 'must not be empty'));
  });

  it('title of 201 characters: field title', () => {
    expect(parseCommand(raise({ title: 'a'.repeat(201) }), 't')).toEqual(refused('title', 'at most 200 characters'));
  });

  it('missing title: field title, "is required"', () => {
    expect(parseCommand(without(raise(), 'title'), 't')).toEqual(refused('title', 'is required'));
  });

  it('missing or blank incidentType: field incidentType', () => {
    expect(parseCommand(without(raise(), 'incidentType'), 't')).toEqual(refused('incidentType', 'is required'));
    expect(parseCommand(raise({ incidentType: ' ' }), 't')).toEqual(refused('incidentType', 'must not be empty'));
  });

  it('an unknown field is named: field foo, "unknown field"', () => {
    expect(parseCommand({ type: 'acknowledge', incidentId: 'a', foo: 1 }, 't')).toEqual(refused('foo', 'unknown field'));
    expect(parseCommand(raise({ foo: 'bar' }), 't')).toEqual(refused('foo', 'unknown field'));
  });

  it('a "__proto__" key parsed from JSON is refused as an unknown field, and pollutes nothing', () => {
    const raw: unknown = JSON.parse('{"type":"acknowledge","incidentId":"a","__proto__":{"x":1}}');
    expect(Object.keys(raw as object)).toContain('__proto__');
    expect(parseCommand(raw, 't')).toEqual(refused('__proto__', 'unknown field'));
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('a "constructor" key is an unknown field too', () => {
    const raw: unknown = JSON.parse('{"type":"close","incidentId":"a","constructor":{"prototype":{"y":1}}}');
    expect(parseCommand(raw, 't')).toEqual(refused('constructor', 'unknown field'));
  });

  it.each(['explode', '', 'RaiseIncident', 'toString', '__proto__', 42, undefined])(
    'unknown type %j: code unknown_command, field type',
    (type) => {
      const input = type === undefined ? { incidentId: 'a' } : { type, incidentId: 'a' };
      expect(parseCommand(input, 't')).toEqual({
        ok: false,
        error: {
          code: 'unknown_command',
          field: 'type',
          message:
            'unknown command type; expected one of raiseIncident, acknowledge, addNote, changeLevel, resolve, close, reopen',
        },
      });
    },
  );

  it.each([null, [], [{ type: 'acknowledge', incidentId: 'a' }], 'acknowledge', 7, true, undefined])(
    'non-object %j: field type',
    (raw) => {
      expect(parseCommand(raw, 't')).toEqual({
        ok: false,
        error: { code: 'invalid', field: 'type', message: 'a command must be a JSON object' },
      });
    },
  );

  it('incidentId must be 1 to 64 letters, digits, "-" or "_"', () => {
    const message = 'letters, digits, "-" or "_", 1 to 64 characters';
    for (const incidentId of ['', 'a b', 'inc/1', '../x', 'x'.repeat(65), ' inc-1 ']) {
      expect(parseCommand({ type: 'acknowledge', incidentId }, 't')).toEqual(refused('incidentId', message));
    }
    expect(parseCommand({ type: 'acknowledge' }, 't')).toEqual(refused('incidentId', 'is required'));
    expect(parseCommand({ type: 'acknowledge', incidentId: 'x'.repeat(64) }, 't')).toMatchObject({ ok: true });
    expect(parseCommand(raise({ incidentId: 'a/b' }), 't')).toEqual(refused('incidentId', message));
  });

  it('reopen needs a reason: field reason', () => {
    expect(parseCommand({ type: 'reopen', incidentId: 'a' }, 't')).toEqual(refused('reason', 'is required'));
    expect(parseCommand({ type: 'reopen', incidentId: 'a', reason: '  ' }, 't')).toEqual(
      refused('reason', 'must not be empty'),
    );
  });

  it('addNote needs a text of at most 4000 characters: field text', () => {
    expect(parseCommand({ type: 'addNote', incidentId: 'a' }, 't')).toEqual(refused('text', 'is required'));
    expect(parseCommand({ type: 'addNote', incidentId: 'a', text: '' }, 't')).toEqual(refused('text', 'must not be empty'));
    expect(parseCommand({ type: 'addNote', incidentId: 'a', text: 'x'.repeat(4001) }, 't')).toEqual(
      refused('text', 'at most 4000 characters'),
    );
  });

  it('changeLevel reason is limited to 1000 characters: field reason', () => {
    expect(parseCommand({ type: 'changeLevel', incidentId: 'a', level: 'I', reason: 'r'.repeat(1001) }, 't')).toEqual(
      refused('reason', 'at most 1000 characters'),
    );
  });

  it('a given actor must not be blank: field actor', () => {
    expect(parseCommand({ type: 'close', incidentId: 'a', actor: '   ' }, 't')).toEqual(refused('actor', 'must not be empty'));
    expect(parseCommand({ type: 'close', incidentId: 'a', actor: 'p'.repeat(101) }, 't')).toEqual(
      refused('actor', 'at most 100 characters'),
    );
  });

  it('a wrong type for a string field names the field', () => {
    const parsed = parseCommand(raise({ title: 5 }), 't');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect({ code: parsed.error.code, field: parsed.error.field }).toEqual({ code: 'invalid', field: 'title' });
  });
});
