import { describe, expect, it } from 'vitest';
import { findType, DEFAULT_CATALOGUE } from '../../electron/core/plan/catalogue.js';
import { MESSAGES } from '../../renderer/i18n/messages.js';
import {
  buildReportDocument,
  csvField,
  csvRow,
  localDateTime,
  prefillReport,
  reportCsv,
  reportFileName,
  reportJson,
  type ReportContext,
} from '../../renderer/report/reportFile.js';
import { at, T0 } from '../core/given.js';
import { fire, fireBoard, PEOPLE } from './planFixture.js';

const TZ = 'Asia/Shanghai';
const ctx = (language: 'en' | 'zh-CN', siteName = 'Example Logistics Co.'): ReportContext => ({
  t: MESSAGES[language],
  language,
  siteName,
  type: findType(DEFAULT_CATALOGUE, 'fire'),
  roster: PEOPLE,
  timeZone: TZ,
});

/** RFC 4180 reader, for checking that what we write reads back as the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('csvField', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvField('Fire in warehouse 3')).toBe('Fire in warehouse 3');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
    expect(csvField('三号仓库起火')).toBe('三号仓库起火');
  });

  it('quotes commas, quotes, line breaks and edge spaces, doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "stop"')).toBe('"say ""stop"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    // Numbers are data, not text typed by someone: they stay numbers.
    expect(csvField(-2)).toBe('-2');
  });

  it('reads back as the same fields', () => {
    const fields = ['a,b', 'say "stop"', 'two\nlines', '', '  ', '中文，逗号'];
    expect(parseCsv(`${csvRow(fields)}\r\n`)).toEqual([fields]);
  });
});

describe('prefillReport', () => {
  it('fills the six fields from the incident, in English', () => {
    const report = prefillReport(fire(), ctx('en'));
    expect(report.unit).toBe('Example Logistics Co.');
    expect(report.timePlace).toBe(`${localDateTime(T0, TZ)}, Warehouse 3, bay 2; Fire, Level II.`);
    expect(report.account).toBe('Fire in warehouse 3\nSmoke from the racks');
    expect(report.casualties).toBe('0 dead, 0 missing, 2 injured (1 seriously); estimated direct loss CN¥250,000.');
    // Steps done, calls and notes, in time order (issue 13); a skipped step is no measure.
    const lines = report.measures.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d Called 119 \(Fire\) \(Wang Fang\)$/);
    expect(lines[1]).toMatch(/^\d\d:\d\d:\d\d Call 119: place, what is burning, anyone trapped \(Wang Fang\)$/);
    expect(lines[2]).toMatch(/Report to the duty head and the unit head \(Wang Fang\)$/);
    expect(lines[3]).toMatch(/Note: Brigade on site \(Wang Fang\)$/);
    expect(report.measures).not.toContain('Preserve the scene');
    expect(report.other).toBe('');
  });

  it('fills them in Chinese, says where the unit name is missing, and marks a drill', () => {
    const state = fireBoard();
    const drill = { ...fire(state), drill: true, reporter: '张三' };
    const report = prefillReport(drill, ctx('zh-CN', ''));
    expect(report.unit).toBe('');
    const doc = buildReportDocument(drill, null, ctx('zh-CN', ''), at(30));
    expect(doc.unset).toEqual(['unit']);
    const csv = reportCsv(doc, MESSAGES['zh-CN']);
    expect(csv).toContain('事故发生单位概况,（未填写）');
    expect(csv).not.toContain('请在');
    expect(report.timePlace).toBe(`${localDateTime(T0, TZ)}，Warehouse 3, bay 2；火灾，II级。`);
    expect(report.casualties).toBe('死亡 0 人，失踪 0 人，受伤 2 人（其中重伤 1 人）；初步估计直接经济损失 ¥250,000。');
    expect(report.measures).toContain('拨打119报火警');
    expect(report.other).toBe('本次为应急演练，非真实事件。\n报告人：张三');
  });

  it('says "none yet" before anything was done', () => {
    const state = fireBoard();
    const fresh = {
      ...fire(state),
      checklist: fire(state).checklist.map((i) => ({ ...i, status: 'open' as const, at: null, by: null })),
      timeline: [],
    };
    expect(prefillReport(fresh, ctx('en')).measures).toBe('None yet');
  });
});

describe('the exported report', () => {
  const incident = fire();
  const saved = { ...prefillReport(incident, ctx('en')), other: 'Racks "bay 2", lost' };

  it('JSON holds the incident, the six fields with their names, and the whole timeline in words', () => {
    const doc = JSON.parse(reportJson(buildReportDocument(incident, saved, ctx('en'), at(30)))) as ReturnType<typeof buildReportDocument>;
    expect(doc.format).toBe('control-room-accident-report');
    expect(doc.exportedAt).toBe(new Date(at(30)).toISOString());
    expect(doc.saved).toBe(true);
    expect(doc.incident).toMatchObject({
      id: 'inc-1',
      number: 1,
      incidentType: 'fire',
      typeName: 'Fire',
      level: 'II',
      status: 'raised',
      drill: false,
    });
    expect(doc.report.map((f) => [f.field, f.label])).toEqual([
      ['unit', 'The unit (name, address, nature)'],
      ['timePlace', 'Time, place and scene'],
      ['account', 'Short account'],
      ['casualties', 'Casualties and estimated direct loss'],
      ['measures', 'Measures already taken'],
      ['other', 'Anything else to report'],
    ]);
    expect(doc.report[5]?.text).toBe('Racks "bay 2", lost');
    expect(doc.timeline).toHaveLength(incident.timeline.length);
    expect(doc.timeline.map((e) => e.kind)).toEqual([
      'actions',
      'calls',
      'checklist',
      'roles',
      'roles',
      'checklist',
      'checklist',
      'actions',
      'notes',
    ]);
    expect(doc.timeline[1]).toEqual({
      seq: 3,
      at: new Date(at(1)).toISOString(),
      localTime: localDateTime(at(1), TZ),
      actor: 'Wang Fang',
      kind: 'calls',
      event: 'contactCalled',
      text: 'Called 119 (Fire)',
    });
  });

  it('an unsaved report exports its prefill, marked as not saved', () => {
    const doc = buildReportDocument(incident, null, ctx('en'), at(30));
    expect(doc.saved).toBe(false);
    expect(doc.report[0]?.text).toBe('Example Logistics Co.');
  });

  it('CSV has a header, the facts, the six fields and one row per timeline entry, quoted correctly', () => {
    const t = MESSAGES.en;
    const csv = reportCsv(buildReportDocument(incident, saved, ctx('en'), at(30)), t);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['section', 'time', 'actor', 'item', 'text']);
    expect(rows).toContainEqual(['incident', '', '', 'Title', 'Fire in warehouse 3']);
    expect(rows).toContainEqual(['incident', '', '', 'Level', 'Level II']);
    expect(rows).toContainEqual(['report', '', '', 'The unit (name, address, nature)', 'Example Logistics Co.']);
    expect(rows).toContainEqual(['report', '', '', 'Anything else to report', 'Racks "bay 2", lost']);
    const account = rows.find((r) => r[3] === 'Short account');
    expect(account?.[4]).toBe('Fire in warehouse 3\nSmoke from the racks');
    const timeline = rows.filter((r) => r[0] === 'timeline');
    expect(timeline).toHaveLength(incident.timeline.length);
    expect(timeline[1]).toEqual(['timeline', localDateTime(at(1), TZ), 'Wang Fang', 'Calls', 'Called 119 (Fire)']);
    expect(rows.every((r) => r.length === 5)).toBe(true);
  });

  it('CSV in Chinese uses Chinese headers and texts', () => {
    const rows = parseCsv(reportCsv(buildReportDocument(incident, null, ctx('zh-CN'), at(30)), MESSAGES['zh-CN']).slice(1));
    expect(rows[0]).toEqual(['部分', '时间', '人员', '项目', '内容']);
    // The call's name is what was recorded with it ("Fire"); the rest of the sentence is Chinese.
    expect(rows).toContainEqual(['时间线', localDateTime(at(1), TZ), 'Wang Fang', '通话', '拨打 119（火警）']);
    expect(rows).toContainEqual(['报告', '', '', '事故的简要经过', 'Fire in warehouse 3\nSmoke from the racks']);
  });

  it('names the file by incident number and raise time', () => {
    expect(reportFileName(incident, 'csv', TZ)).toBe('accident-report-1-20250303-0930.csv');
    expect(reportFileName(incident, 'json', 'UTC')).toBe('accident-report-1-20250303-0130.json');
  });
});
