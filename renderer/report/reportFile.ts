import type { IncidentType } from '../../electron/core/plan/catalogue.js';
import type { IncidentEvent } from '../../electron/core/events.js';
import type { Impact } from '../../electron/core/incident/impact.js';
import { REPORT_FIELD_NAMES, REPORT_FIELDS, type AccidentReport, type ReportField } from '../../electron/core/incident/report.js';
import type { Person } from '../../electron/core/organisation/roster.js';
import type { Language } from '../../electron/core/organisation/settings.js';
import type { Incident, IncidentStatus } from '../../electron/core/state.js';
import type { Level } from '../../electron/core/incident/levels.js';
import { formatTime } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import { formatYuan } from '../views/incident/impactText.js';
import { describeEvent, kindOf, type TimelineKind } from '../views/incident/timelineText.js';

/**
 * The accident report (Order 493, Art. 12) as the console prefills it and as it leaves the app
 * as a file. Pure functions: an incident and a context in, text out; no DOM, no clock.
 */

export interface ReportContext {
  readonly t: Messages;
  readonly language: Language;
  /** the site's name from settings (the reporting unit) */
  readonly siteName: string;
  readonly type: IncidentType | undefined;
  readonly roster: readonly Person[];
  /** the time zone for the local times in the file; the system's when absent */
  readonly timeZone?: string;
}

/** Local date and time, sortable: 2025-03-03 09:30:00. */
export function localDateTime(epochMs: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** What the report says before anyone edits it, drawn from the incident as it stands. */
export function prefillReport(incident: Incident, ctx: ReportContext): AccidentReport {
  const { t, language } = ctx;
  const p = t.plans.prefill;
  const typeName = ctx.type?.name[language] ?? incident.incidentType;
  // Steps done, calls made and notes, in the order they happened.
  const steps = incident.checklist
    .filter((item) => item.status === 'done' && item.at !== null)
    .map((item) => ({ at: item.at ?? 0, text: item.step.text[language], by: item.by ?? '' }));
  const callsAndNotes = incident.timeline
    .filter((e) => e.type === 'contactCalled' || e.type === 'noteAdded')
    .map((e) => ({ at: e.at, text: describeEvent(e, { t, language, incident, roster: ctx.roster }), by: e.actor }));
  const measures = [...steps, ...callsAndNotes].sort((a, b) => a.at - b.at).map((m) => p.measure(formatTime(m.at, language), m.text, m.by));
  const other = [incident.drill ? p.drill : '', incident.reporter !== '' ? p.reporter(incident.reporter) : ''].filter((s) => s !== '');
  return {
    // unset stays empty (and is flagged in the export), never filled with a hint
    unit: ctx.siteName.trim(),
    timePlace: p.timePlace(localDateTime(incident.raisedAt, ctx.timeZone), incident.location, typeName, t.levelText(incident.level)),
    account: [incident.title, incident.details].filter((s) => s.trim() !== '').join('\n'),
    casualties: casualtiesText(incident.impact, t, language),
    measures: measures.join('\n') || p.noMeasures,
    other: other.join('\n'),
  };
}

export function casualtiesText(impact: Impact, t: Messages, language: Language): string {
  return t.plans.prefill.casualties(
    impact.dead,
    impact.missing,
    impact.injured,
    impact.seriouslyInjured,
    formatYuan(impact.directLossYuan, language),
  );
}

export const REPORT_FILE_FORMAT = 'control-room-accident-report';

export interface ReportTimelineEntry {
  readonly seq: number;
  /** ISO 8601, UTC */
  readonly at: string;
  readonly localTime: string;
  readonly actor: string;
  readonly kind: TimelineKind;
  readonly event: IncidentEvent['type'];
  readonly text: string;
}

/** The report as one document: what the JSON export holds and the CSV export lays out in rows. */
export interface ReportDocument {
  readonly format: typeof REPORT_FILE_FORMAT;
  readonly version: 1;
  readonly language: Language;
  readonly exportedAt: string;
  readonly incident: {
    readonly id: string;
    readonly number: number;
    readonly incidentType: string;
    readonly typeName: string;
    readonly level: Level;
    readonly title: string;
    readonly location: string;
    readonly reporter: string;
    readonly drill: boolean;
    readonly status: IncidentStatus;
    readonly raisedAt: string;
    readonly raisedBy: string;
    readonly acknowledgedAt: string | null;
    readonly acknowledgedBy: string | null;
    readonly resolvedAt: string | null;
    readonly closedAt: string | null;
  };
  readonly impact: Impact;
  /** false while the report shown is the prefill nobody has saved yet */
  readonly saved: boolean;
  readonly report: readonly { readonly field: ReportField; readonly label: string; readonly text: string }[];
  /** report fields left empty, so that nobody takes a blank for an answer */
  readonly unset: readonly ReportField[];
  readonly timeline: readonly ReportTimelineEntry[];
}

const iso = (epochMs: number | null): string | null => (epochMs === null ? null : new Date(epochMs).toISOString());

export function buildReportDocument(
  incident: Incident,
  report: AccidentReport | null,
  ctx: ReportContext,
  exportedAt: number,
): ReportDocument {
  const { t, language } = ctx;
  const fields = report ?? prefillReport(incident, ctx);
  return {
    format: REPORT_FILE_FORMAT,
    version: 1,
    language,
    exportedAt: new Date(exportedAt).toISOString(),
    incident: {
      id: incident.id,
      number: incident.number,
      incidentType: incident.incidentType,
      typeName: ctx.type?.name[language] ?? incident.incidentType,
      level: incident.level,
      title: incident.title,
      location: incident.location,
      reporter: incident.reporter,
      drill: incident.drill,
      status: incident.status,
      raisedAt: new Date(incident.raisedAt).toISOString(),
      raisedBy: incident.raisedBy,
      acknowledgedAt: iso(incident.acknowledgedAt),
      acknowledgedBy: incident.acknowledgedBy,
      resolvedAt: iso(incident.resolvedAt),
      closedAt: iso(incident.closedAt),
    },
    impact: incident.impact,
    saved: report !== null,
    report: REPORT_FIELDS.map((field) => ({ field, label: REPORT_FIELD_NAMES[field][language], text: fields[field] })),
    unset: REPORT_FIELDS.filter((field) => fields[field].trim() === ''),
    timeline: incident.timeline.map((event) => ({
      seq: event.seq,
      at: new Date(event.at).toISOString(),
      localTime: localDateTime(event.at, ctx.timeZone),
      actor: event.actor,
      kind: kindOf(event),
      event: event.type,
      text: describeEvent(event, { t, language, incident, roster: ctx.roster }),
    })),
  };
}

export const reportJson = (doc: ReportDocument): string => `${JSON.stringify(doc, null, 2)}\n`;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces,
 * with quotes doubled. A value a spreadsheet would run as a formula (= + - @ or a tab/CR first)
 * gets a leading apostrophe, so opening the file never executes anything.
 */
export function csvField(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (fields: readonly (string | number | boolean | null)[]): string => fields.map(csvField).join(',');

/**
 * The report and its timeline as one CSV table: a header, the incident's facts, the six report
 * fields, then every timeline entry. CRLF line ends and a byte-order mark, so spreadsheet
 * programs read the Chinese text as UTF-8.
 */
export function reportCsv(doc: ReportDocument, t: Messages): string {
  const c = t.plans.csv;
  const i = doc.incident;
  const rows: (string | number | boolean | null)[][] = [
    [c.section, c.time, c.actor, c.item, c.text],
    [c.incident, '', '', c.number, i.number],
    [c.incident, '', '', c.type, i.typeName],
    [c.incident, '', '', c.level, t.levelText(i.level)],
    [c.incident, '', '', c.title, i.title],
    [c.incident, '', '', c.location, i.location],
    [c.incident, '', '', c.drill, i.drill ? c.yes : c.no],
    [c.incident, '', '', c.status, t.status[i.status]],
    ...doc.report.map((f) => [c.report, '', '', f.label, doc.unset.includes(f.field) ? t.work.notFilledIn : f.text]),
    ...doc.timeline.map((e) => [c.timeline, e.localTime, e.actor, t.plans.kinds[e.kind], e.text]),
  ];
  return `\uFEFF${rows.map(csvRow).join('\r\n')}\r\n`;
}

/** A file name that is safe everywhere: accident-report-12-20250303-0930.csv */
export function reportFileName(incident: Incident, extension: 'json' | 'csv', timeZone?: string): string {
  const stamp = localDateTime(incident.raisedAt, timeZone).replace(/[-:]/g, '').replace(' ', '-').slice(0, 13);
  return `accident-report-${incident.number}-${stamp}.${extension}`;
}
