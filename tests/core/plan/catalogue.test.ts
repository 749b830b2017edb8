import { describe, expect, it } from 'vitest';
import { catalogueSchema, DEFAULT_CATALOGUE, LEVEL_SCHEMES, type IncidentType } from '../../../electron/core/plan/catalogue.js';
import {
  CATALOGUE_FILE_FORMAT,
  exportCatalogue,
  parseCatalogueFile,
  type CatalogueFileResult,
} from '../../../electron/core/plan/catalogue-file.js';
import { EMERGENCY_NUMBERS, POSITIONS } from '../../../electron/core/organisation/organisation.js';
import { HOUR, MINUTE } from '../../../electron/core/plan/plan-schemas.js';
import { ESCALATION_ROLES } from '../../../electron/core/plan/roles.js';

const type = (id: string): IncidentType => {
  const found = DEFAULT_CATALOGUE.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no type ${id}`);
  return found;
};
const allTexts = (t: IncidentType): string[] => [
  t.name['zh-CN'],
  t.name.en,
  ...t.checklist.flatMap((s) => [s.text['zh-CN'], s.text.en]),
  ...t.deadlines.flatMap((d) => [d.name['zh-CN'], d.name.en]),
];

const ACCIDENT_TYPES = [
  'fire',
  'major-fire',
  'injury',
  'equipment-accident',
  'explosion',
  'electric-shock',
  'fall-from-height',
  'collapse',
  'poisoning',
];
const COMPLAINT_TYPES = ['customer-complaint', 'disruptive-complaint', 'group-complaint'];

describe('the shipped catalogue', () => {
  it('validates against the catalogue schema', () => {
    const parsed = catalogueSchema.safeParse(DEFAULT_CATALOGUE);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('has the six original types with stable ids and the twelve added ones, each id once', () => {
    expect(DEFAULT_CATALOGUE.map((t) => t.id).sort()).toEqual(
      [
        'fire',
        'injury',
        'equipment-accident',
        'power-outage',
        'customer-complaint',
        'system-alarm',
        'major-fire',
        'explosion',
        'electric-shock',
        'fall-from-height',
        'collapse',
        'poisoning',
        'vehicle-incident',
        'bad-weather',
        'disruptive-complaint',
        'group-complaint',
        'media-inspection',
        'financial-product',
      ].sort(),
    );
  });

  it('names every type and step in both languages, Chinese in zh-CN and none in English', () => {
    const han = /\p{Script=Han}/u;
    for (const t of DEFAULT_CATALOGUE) {
      for (const pair of [t.name, ...t.checklist.map((s) => s.text), ...t.deadlines.map((d) => d.name)]) {
        expect(pair['zh-CN'], t.id).toMatch(han);
        expect(pair.en, t.id).not.toMatch(han);
        expect(pair.en.trim().length, t.id).toBeGreaterThan(0);
      }
    }
  });

  it('gives every type at least three steps (the system alarm only triages) with unique step ids', () => {
    for (const t of DEFAULT_CATALOGUE) {
      if (t.id !== 'system-alarm') expect(t.checklist.length, t.id).toBeGreaterThanOrEqual(3);
      expect(new Set(t.checklist.map((s) => s.id)).size, t.id).toBe(t.checklist.length);
    }
    expect(type('system-alarm').checklist).toHaveLength(2);
  });

  it('dials a number only on the step that calls it, and every step that calls one dials it', () => {
    const mentioned = /(?<!\d)(119|110|120|122)(?!\d)/g;
    for (const t of DEFAULT_CATALOGUE) {
      for (const s of t.checklist) {
        const zh = [...s.text['zh-CN'].matchAll(mentioned)].map((m) => m[1]);
        const en = [...s.text.en.matchAll(mentioned)].map((m) => m[1]);
        expect(zh, `${t.id}/${s.id}`).toEqual(en);
        expect(zh, `${t.id}/${s.id}`).toEqual(s.dials === null ? [] : [s.dials]);
        if (s.dials !== null) expect(s.text.en, `${t.id}/${s.id}`).toMatch(/\bcall\b/i);
      }
    }
  });

  it('puts the emergency calls first: no call waits behind a report upward', () => {
    for (const t of DEFAULT_CATALOGUE) {
      const firstPlain = t.checklist.findIndex((s) => s.dials === null);
      const lastCall = t.checklist.findLastIndex((s) => s.dials !== null);
      if (lastCall >= 0) expect(lastCall, t.id).toBeLessThan(firstPlain);
    }
  });

  it('calls the numbers each kind of incident needs', () => {
    const dials = (id: string) => type(id).checklist.flatMap((s) => (s.dials === null ? [] : [s.dials]));
    expect(dials('fire')).toEqual(['119']);
    expect(dials('major-fire')).toEqual(['119', '120']);
    expect(dials('injury')).toEqual(['120']);
    expect(dials('explosion')).toEqual(['119', '120']);
    expect(dials('electric-shock')).toEqual(['120']);
    expect(dials('fall-from-height')).toEqual(['120']);
    expect(dials('collapse')).toEqual(['119', '120']);
    expect(dials('poisoning')).toEqual(['120', '119']);
    expect(dials('vehicle-incident')).toEqual(['122', '120']);
    expect(dials('disruptive-complaint')).toEqual(['110']);
    expect(dials('group-complaint')).toEqual(['110']);
    for (const id of [
      'equipment-accident',
      'power-outage',
      'bad-weather',
      'customer-complaint',
      'media-inspection',
      'financial-product',
      'system-alarm',
    ]) {
      expect(dials(id), id).toEqual([]);
    }
    for (const t of DEFAULT_CATALOGUE) for (const s of t.checklist) if (s.dials !== null) expect(EMERGENCY_NUMBERS).toContain(s.dials);
  });

  it('names only real positions, each once, for the roles to fill and the steps', () => {
    for (const t of DEFAULT_CATALOGUE) {
      for (const p of t.rolesToFill) expect(POSITIONS, t.id).toContain(p);
      expect(new Set(t.rolesToFill).size, t.id).toBe(t.rolesToFill.length);
      for (const s of t.checklist) if (s.role !== null) expect(POSITIONS, `${t.id}/${s.id}`).toContain(s.role);
      if (t.id !== 'system-alarm') expect(t.rolesToFill.length, t.id).toBeGreaterThan(0);
    }
  });

  it('defaults to a level of its own scheme: four levels for safety accidents, three for company schemes', () => {
    for (const t of DEFAULT_CATALOGUE) expect(LEVEL_SCHEMES[t.levelScheme] as readonly string[], t.id).toContain(t.defaultLevel);
    for (const id of ACCIDENT_TYPES) expect(type(id).levelScheme, id).toBe('four');
    for (const id of [...COMPLAINT_TYPES, 'financial-product', 'power-outage', 'media-inspection'])
      expect(type(id).levelScheme, id).toBe('three');
    expect(type('major-fire').defaultLevel).toBe('I');
  });

  it('proposes levels from accident grades for safety accidents and from the complaint scheme for complaints', () => {
    const guides = Object.fromEntries(DEFAULT_CATALOGUE.map((t) => [t.id, t.levelGuide]));
    for (const id of ACCIDENT_TYPES) expect(guides[id], id).toBe('accidentGrades');
    for (const id of COMPLAINT_TYPES) expect(guides[id], id).toBe('complaint');
    const rest = DEFAULT_CATALOGUE.filter((t) => !ACCIDENT_TYPES.includes(t.id) && !COMPLAINT_TYPES.includes(t.id));
    expect(rest.map((t) => t.id).sort()).toEqual([
      'bad-weather',
      'financial-product',
      'media-inspection',
      'power-outage',
      'system-alarm',
      'vehicle-incident',
    ]);
    for (const t of rest) expect(t.levelGuide, t.id).toBeNull();
  });

  it('sets the deadlines of the plans', () => {
    const deadlines = (id: string) => type(id).deadlines.map((d) => [d.id, d.calendar, d.amount, d.from, d.levels]);
    for (const id of ACCIDENT_TYPES) {
      expect(deadlines(id), id).toEqual([
        ['report-unit-head', 'clock', 5 * MINUTE, 'raised', null],
        ['report-bureau', 'clock', HOUR, 'raised', null],
      ]);
    }
    const complaint = (days: number) => [
      ['acknowledge-complaint', 'clock', 24 * HOUR, 'raised', null],
      ['close-complaint', 'workingDays', days, 'raised', null],
    ];
    expect(deadlines('customer-complaint')).toEqual(complaint(3));
    expect(deadlines('disruptive-complaint')).toEqual(complaint(7));
    expect(deadlines('group-complaint')).toEqual(complaint(7));
    expect(deadlines('financial-product')).toEqual(complaint(15));
    expect(deadlines('power-outage')).toEqual([['request-generator', 'clock', 2 * HOUR, 'raised', null]]);
    expect(deadlines('vehicle-incident')).toEqual([
      ['report-department-head', 'clock', 5 * MINUTE, 'raised', null],
      ['report-sales-head', 'clock', 24 * HOUR, 'raised', null],
    ]);
    expect(deadlines('bad-weather')).toEqual([['report-sales-head', 'clock', 24 * HOUR, 'raised', null]]);
    expect(deadlines('media-inspection')).toEqual([['report-supervisor', 'clock', 5 * MINUTE, 'raised', null]]);
    expect(deadlines('system-alarm')).toEqual([]);
  });

  it('escalates major fires and explosions at levels I and II one minute a rung, and overrides nothing else', () => {
    const oneMinute = { tiers: ESCALATION_ROLES.map((role) => ({ role, ackTimeoutMs: MINUTE, repeat: 0 })), reminderMs: 10 * MINUTE };
    for (const id of ['major-fire', 'explosion']) expect(type(id).escalation, id).toEqual({ I: oneMinute, II: oneMinute });
    for (const t of DEFAULT_CATALOGUE.filter((x) => !['major-fire', 'explosion'].includes(x.id))) expect(t.escalation, t.id).toEqual({});
  });

  it('ships no contacts, phone numbers or personal names: those are site settings', () => {
    for (const t of DEFAULT_CATALOGUE) {
      expect(t.contacts, t.id).toEqual([]);
      for (const text of allTexts(t)) expect(text, t.id).not.toMatch(/\d{5,}|\d{3,4}-\d{6,8}/);
    }
  });

  it('keeps the media and inspection plan honest: credentials, report, leadership decides, no unapproved interviews, polite', () => {
    const t = type('media-inspection');
    expect(t.checklist.map((s) => s.id)).toEqual(['credentials', 'report', 'decide', 'no-interview', 'polite']);
    const all = allTexts(t).join(' ');
    expect(all).not.toMatch(/删帖|删除|压制|回购|购买|收买|封口|隐瞒|delet|suppress|buy|pay|bribe|conceal|hide|mislead/i);
    expect(t.checklist.find((s) => s.id === 'decide')?.role).toBe('commander');
  });

  it('grades a financial product incident I to III, reports to the regulator and keeps customers informed', () => {
    const t = type('financial-product');
    expect(LEVEL_SCHEMES[t.levelScheme]).toEqual(['I', 'II', 'III']);
    expect(t.checklist.some((s) => /regulator/i.test(s.text.en) && s.text['zh-CN'].includes('监管'))).toBe(true);
    expect(t.checklist.some((s) => /customers informed/i.test(s.text.en))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The file

/** A small valid file; the line numbers in the tests below are the indexes here plus one. */
const LINES = [
  /*  1 */ '{',
  /*  2 */ '  "format": "control-room-catalogue",',
  /*  3 */ '  "version": 1,',
  /*  4 */ '  "incidentTypes": [',
  /*  5 */ '    {',
  /*  6 */ '      "id": "fire",',
  /*  7 */ '      "family": "fire",',
  /*  8 */ '      "name": { "zh-CN": "火灾", "en": "Fire" },',
  /*  9 */ '      "levelScheme": "four",',
  /* 10 */ '      "defaultLevel": "II",',
  /* 11 */ '      "levelGuide": "accidentGrades",',
  /* 12 */ '      "checklist": [',
  /* 13 */ '        { "id": "call-119", "text": { "zh-CN": "拨打119", "en": "Call 119" }, "role": "dutyOfficer", "dials": "119" },',
  /* 14 */ '        { "id": "report", "text": { "zh-CN": "报告", "en": "Report" }, "role": null, "dials": null },',
  /* 15 */ '        { "id": "evacuate", "text": { "zh-CN": "疏散", "en": "Evacuate" }, "role": "securityGroup", "dials": null }',
  /* 16 */ '      ],',
  /* 17 */ '      "rolesToFill": ["commander", "onSiteLead"],',
  /* 18 */ '      "deadlines": [',
  /* 19 */ '        { "id": "report-unit-head", "name": { "zh-CN": "报告单位负责人", "en": "Report to the unit head" }, "from": "raised", "calendar": "clock", "amount": 300000, "levels": null }',
  /* 20 */ '      ],',
  /* 21 */ '      "escalation": {},',
  /* 22 */ '      "contacts": []',
  /* 23 */ '    },',
  /* 24 */ '    {',
  /* 25 */ '      "id": "complaint",',
  /* 26 */ '      "family": "service",',
  /* 27 */ '      "name": { "zh-CN": "投诉", "en": "Complaint" },',
  /* 28 */ '      "levelScheme": "three",',
  /* 29 */ '      "defaultLevel": "III",',
  /* 30 */ '      "levelGuide": "complaint",',
  /* 31 */ '      "checklist": [',
  /* 32 */ '        { "id": "listen", "text": { "zh-CN": "倾听", "en": "Listen" }, "role": "dutyOfficer", "dials": null }',
  /* 33 */ '      ],',
  /* 34 */ '      "rolesToFill": ["dutyHead"],',
  /* 35 */ '      "deadlines": [],',
  /* 36 */ '      "escalation": {',
  /* 37 */ '        "I": {',
  /* 38 */ '          "tiers": [{ "role": "dutyOfficer", "ackTimeoutMs": 60000, "repeat": 0 }],',
  /* 39 */ '          "reminderMs": null',
  /* 40 */ '        }',
  /* 41 */ '      },',
  /* 42 */ '      "contacts": ["power company"]',
  /* 43 */ '    }',
  /* 44 */ '  ]',
  /* 45 */ '}',
];
const BASE = LINES.join('\n');

/** The base file with some lines rewritten; `from` must occur in that line. */
function edit(changes: Record<number, [from: string, to: string]>, eol = '\n'): string {
  return LINES.map((line, i) => {
    const change = changes[i + 1];
    if (change === undefined) return line;
    if (!line.includes(change[0])) throw new Error(`line ${i + 1} has no ${change[0]}`);
    return line.replace(change[0], change[1]);
  }).join(eol);
}

function problemsOf(result: CatalogueFileResult) {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}
const brief = (result: CatalogueFileResult) => problemsOf(result).map((p) => ({ field: p.field, line: p.line }));

describe('exportCatalogue and parseCatalogueFile', () => {
  it('accepts the base file', () => {
    const result = parseCatalogueFile(BASE);
    expect(result.ok ? result.value.map((t) => t.id) : result.problems).toEqual(['fire', 'complaint']);
  });

  it('exports the shipped catalogue in the envelope and reads it back equal', () => {
    const text = exportCatalogue(DEFAULT_CATALOGUE);
    const raw = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(raw)).toEqual(['format', 'version', 'incidentTypes']);
    expect(raw.format).toBe(CATALOGUE_FILE_FORMAT);
    expect(raw.version).toBe(1);
    expect(text).toContain('\n  "version": 1,\n'); // pretty, two spaces
    const back = parseCatalogueFile(text);
    expect(back.ok ? back.value : back.problems).toEqual(DEFAULT_CATALOGUE);
    if (back.ok) expect(exportCatalogue(back.value)).toBe(text);
  });

  it('round-trips an edited catalogue, Unicode escapes and CR LF line ends included', () => {
    const edited = DEFAULT_CATALOGUE.map((t) =>
      t.id === 'fire' ? { ...t, contacts: ['厂区消防队', 'Power company'], defaultLevel: 'I' as const } : t,
    );
    const text = exportCatalogue(edited).replace(/\n/g, '\r\n').replace('厂区消防队', '\\u5382\\u533a\\u6d88\\u9632\\u961f');
    const back = parseCatalogueFile(text);
    expect(back.ok ? back.value : back.problems).toEqual(edited);
  });

  describe('refuses bad JSON with the line and column of the mistake', () => {
    it('a missing comma', () => {
      const result = parseCatalogueFile(edit({ 7: ['"fire",', '"fire"'] }));
      expect(problemsOf(result)).toEqual([
        { field: '', line: 8, column: 7, message: 'JSON syntax error at line 8, column 7: unexpected """; "," or "}" was expected' },
      ]);
      expect(result.ok ? null : result.error.code).toBe('bad_json');
    });

    it('a trailing comma', () => {
      const result = parseCatalogueFile(edit({ 42: ['"power company"]', '"power company"],'] }));
      expect(problemsOf(result)).toEqual([
        {
          field: '',
          line: 43,
          column: 5,
          message: 'JSON syntax error at line 43, column 5: a comma before "}" (trailing commas are not allowed in JSON)',
        },
      ]);
    });

    it('a string left open at a line end (CR LF) or at the end of the file', () => {
      const result = parseCatalogueFile(edit({ 27: ['"Complaint" }', '"Complaint }'] }, '\r\n'));
      // "Complaint } runs to the end of the line (50 characters), where the CR is the mistake
      expect(problemsOf(result)).toEqual([
        {
          field: '',
          line: 27,
          column: 51,
          message: 'JSON syntax error at line 27, column 51: a line break or control character inside a string (write it as \\n, \\t, ...)',
        },
      ]);
      expect(problemsOf(parseCatalogueFile('{"format": "control-room-catalogue",\n"version": 1,\n"incidentTypes": "open'))).toEqual([
        { field: '', line: 3, column: 18, message: 'JSON syntax error at line 3, column 18: this string is never closed' },
      ]);
    });

    it('an empty file and text after the data', () => {
      expect(problemsOf(parseCatalogueFile('  \n'))).toEqual([
        { field: '', line: 2, column: 1, message: 'JSON syntax error at line 2, column 1: the file is empty' },
      ]);
      expect(brief(parseCatalogueFile(`${BASE}\n]`))).toEqual([{ field: '', line: 46 }]);
    });
  });

  describe('names each wrong field and its line', () => {
    it('a nested field of the wrong type', () => {
      const result = parseCatalogueFile(edit({ 38: ['"ackTimeoutMs": 60000', '"ackTimeoutMs": "60s"'] }));
      expect(problemsOf(result)).toEqual([
        {
          field: 'incidentTypes.1.escalation.I.tiers.0.ackTimeoutMs',
          line: 38,
          message: 'Invalid input: expected number, received string',
        },
      ]);
      expect(result.ok ? null : result.error).toEqual({
        code: 'invalid',
        message: 'Invalid input: expected number, received string',
        field: 'incidentTypes.1.escalation.I.tiers.0.ackTimeoutMs',
      });
    });

    it('a wrong value on a line of its own inside a multi-line value', () => {
      const text = edit({ 14: ['"dials": null', '"dials":\n          5'] });
      expect(brief(parseCatalogueFile(text))).toEqual([{ field: 'incidentTypes.0.checklist.1.dials', line: 15 }]);
    });

    it('an unknown key, named', () => {
      const result = parseCatalogueFile(
        edit({ 21: ['"escalation": {},', '"escalation": {}, "priority": 1,'], 13: ['"dials": "119"', '"dials": "119", "colour": "red"'] }),
      );
      expect(problemsOf(result)).toEqual([
        { field: 'incidentTypes.0.checklist.0.colour', line: 13, message: 'unknown key "colour"' },
        { field: 'incidentTypes.0.priority', line: 21, message: 'unknown key "priority"' },
      ]);
      // the line of the key itself, not of its value
      expect(
        brief(parseCatalogueFile(edit({ 21: ['"escalation": {},', '"escalation": {}, "notes":\n        ["call the insurer"],'] }))),
      ).toEqual([{ field: 'incidentTypes.0.notes', line: 21 }]);
    });

    it('an unknown level in an escalation override, named as a key', () => {
      expect(problemsOf(parseCatalogueFile(edit({ 37: ['"I"', '"V"'] })))).toEqual([
        { field: 'incidentTypes.1.escalation.V', line: 37, message: 'unknown key "V"' },
      ]);
    });

    it('a missing required key, at the line of the object that lacks it', () => {
      expect(problemsOf(parseCatalogueFile(edit({ 26: ['"family": "service",', ''] })))).toEqual([
        { field: 'incidentTypes.1.family', line: 24, message: 'required key "family" is missing' },
      ]);
      expect(problemsOf(parseCatalogueFile(edit({ 27: [', "en": "Complaint"', ''] })))).toEqual([
        { field: 'incidentTypes.1.name.en', line: 27, message: 'required key "en" is missing' },
      ]);
    });

    it('a duplicate incident type id', () => {
      expect(problemsOf(parseCatalogueFile(edit({ 25: ['"complaint"', '"fire"'] })))).toEqual([
        { field: 'incidentTypes.1.id', line: 25, message: 'duplicate incident type id "fire"' },
      ]);
    });

    it('a level IV default on a three-level type', () => {
      expect(problemsOf(parseCatalogueFile(edit({ 29: ['"III"', '"IV"'] })))).toEqual([
        { field: 'incidentTypes.1.defaultLevel', line: 29, message: 'not a level of the three-level scheme' },
      ]);
    });

    it('a duplicate key in one object', () => {
      expect(
        problemsOf(parseCatalogueFile(edit({ 30: ['"levelGuide": "complaint",', '"levelGuide": "complaint", "levelGuide": null,'] }))),
      ).toEqual([{ field: 'incidentTypes.1.levelGuide', line: 30, message: 'duplicate key "levelGuide"' }]);
    });

    it('several mistakes at once, every one reported in line order, cross-field rules included', () => {
      const result = parseCatalogueFile(
        edit({
          14: ['"dials": null', '"dials": 5'],
          21: ['"escalation": {},', '"escalation": {}, "priority": 1,'],
          25: ['"complaint"', '"fire"'],
          26: ['"family": "service",', ''],
          29: ['"III"', '"IV"'],
          38: ['"repeat": 0', '"repeat": -1'],
        }),
      );
      expect(brief(result)).toEqual([
        { field: 'incidentTypes.0.checklist.1.dials', line: 14 },
        { field: 'incidentTypes.0.priority', line: 21 },
        { field: 'incidentTypes.1.family', line: 24 },
        { field: 'incidentTypes.1.id', line: 25 },
        { field: 'incidentTypes.1.defaultLevel', line: 29 },
        { field: 'incidentTypes.1.escalation.I.tiers.0.repeat', line: 38 },
      ]);
      expect(result.ok ? null : result.error).toEqual({
        code: 'invalid',
        message: '6 problems in the catalogue file; nothing was changed',
        field: 'incidentTypes.0.checklist.1.dials',
      });
    });
  });

  describe('checks the envelope', () => {
    it('refuses another format or version and says no more about its content', () => {
      expect(
        problemsOf(parseCatalogueFile(edit({ 2: ['control-room-catalogue', 'shift-roster'], 3: ['1', '2'], 29: ['"III"', '"IV"'] }))),
      ).toEqual([
        { field: 'format', line: 2, message: 'unknown format "shift-roster"; expected "control-room-catalogue"' },
        { field: 'version', line: 3, message: 'unsupported version 2; this app reads version 1' },
      ]);
    });

    it('refuses a bare list of types, a missing version and unknown top-level keys', () => {
      expect(
        problemsOf(
          parseCatalogueFile(
            exportCatalogue(DEFAULT_CATALOGUE)
              .replace(/^[^[]*/, '')
              .replace(/}\s*$/, ''),
          ),
        ),
      ).toEqual([{ field: '', line: 1, message: 'expected an object with "format", "version" and "incidentTypes"' }]);
      expect(problemsOf(parseCatalogueFile(edit({ 3: ['"version": 1,', '"exportedBy": "ops",'] })))).toEqual([
        { field: 'version', line: 1, message: 'required key "version" is missing' },
        { field: 'exportedBy', line: 3, message: 'unknown key "exportedBy"' },
      ]);
    });

    it('refuses an empty list of types', () => {
      expect(problemsOf(parseCatalogueFile('{\n"format": "control-room-catalogue",\n"version": 1,\n"incidentTypes": []\n}'))).toEqual([
        { field: 'incidentTypes', line: 4, message: 'at least one incident type' },
      ]);
    });
  });
});
