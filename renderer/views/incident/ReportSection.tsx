import { useEffect, useId, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { findType } from '../../../electron/core/plan/catalogue.js';
import { REPORT_FIELD_NAMES, REPORT_FIELDS, type AccidentReport, type ReportField } from '../../../electron/core/incident/report.js';
import type { Incident } from '../../../electron/core/state.js';
import { formatDateTime } from '../../i18n/format.js';
import { useMessages } from '../../i18n/useMessages.js';
import { downloadText } from '../../report/download.js';
import { buildReportDocument, prefillReport, reportCsv, reportFileName, reportJson, type ReportContext } from '../../report/reportFile.js';
import { useBoard, useBoardAction, useClockOffset, useLanguage, useOnline } from '../../store/context.js';
import { errorText } from '../common/errorText.js';

const sameReport = (a: AccidentReport, b: AccidentReport): boolean => REPORT_FIELDS.every((f) => a[f] === b[f]);

/**
 * The accident report's six fields (Order 493, Art. 12). Until someone saves it, it is prefilled
 * from the incident and follows it; once edited here it is the operator's text. Printable (the
 * print stylesheet shows only the report) and exportable as JSON and CSV with the timeline.
 */
export function ReportSection({ incident }: { incident: Incident }) {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const siteName = useBoard((s) => s.host.settings.siteName);
  const roster = useBoard((s) => s.board.roster);
  const type = useBoard((s) => findType(s.board.plan.catalogue, incident.incidentType));
  const updateReport = useBoardAction('updateReport');
  const lastError = useBoard((s) => s.ui.lastError);
  const clockOffset = useClockOffset();
  const hostNow = () => Date.now() + clockOffset;
  const [printedAt, setPrintedAt] = useState(hostNow);
  useEffect(() => {
    const stamp = () => setPrintedAt(Date.now() + clockOffset);
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, [clockOffset]);
  const [draft, setDraft] = useState<AccidentReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const headingId = useId();
  const fieldId = useId();

  const ctx: ReportContext = { t, language, siteName, type, roster };
  const stored = incident.report ?? prefillReport(incident, ctx);
  const shown = draft ?? stored;
  const dirty = draft !== null && !sameReport(draft, stored);
  const error = lastError?.incidentId === incident.id && lastError.command === 'updateReport' ? lastError.error : null;

  const edit = (field: ReportField, value: string) => setDraft({ ...shown, [field]: value });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setAnnouncement('');
    const result = await updateReport(incident.id, shown);
    setBusy(false);
    if (result.ok) {
      setDraft(null);
      setAnnouncement(t.plans.saved);
    }
  };
  const exportAs = (extension: 'json' | 'csv') => {
    const doc = { ...buildReportDocument(incident, shown, ctx, hostNow()), saved: incident.report !== null && !dirty };
    if (extension === 'json') downloadText(reportFileName(incident, 'json'), reportJson(doc), 'application/json');
    else downloadText(reportFileName(incident, 'csv'), reportCsv(doc, t), 'text/csv');
  };

  return (
    <section className="pane-section report" aria-labelledby={headingId}>
      <h3 id={headingId} className="pane-section__title">
        {t.plans.report}
      </h3>
      <p className="report__state">{incident.report === null ? t.plans.reportDraft : t.plans.reportSavedNote}</p>
      <form noValidate className="report__form" onSubmit={save}>
        {REPORT_FIELDS.map((field, index) => (
          <div key={field} className="field">
            <label htmlFor={`${fieldId}-${field}`}>
              {index + 1}. {REPORT_FIELD_NAMES[field][language]}
            </label>
            <textarea
              id={`${fieldId}-${field}`}
              value={shown[field]}
              rows={field === 'measures' || field === 'account' ? 4 : 2}
              maxLength={8000}
              aria-describedby={field === 'unit' && shown.unit.trim() === '' ? `${fieldId}-unit-unset` : undefined}
              onChange={(e) => edit(field, e.target.value)}
            />
            {field === 'unit' && shown.unit.trim() === '' && (
              <p id={`${fieldId}-unit-unset`} className="field-error">
                {t.work.unitMissing}
              </p>
            )}
          </div>
        ))}
        <div className="report__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={!online || busy || incident.status === 'closed' || (!dirty && incident.report !== null)}
          >
            {t.plans.saveReport}
          </button>
          {incident.report === null && draft !== null && (
            <button type="button" className="button button--quiet" onClick={() => setDraft(null)}>
              {t.plans.prefillAgain}
            </button>
          )}
          <button type="button" className="button" onClick={() => window.print()}>
            {t.plans.printReport}
          </button>
          <button type="button" className="button" onClick={() => exportAs('json')}>
            {t.plans.exportJson}
          </button>
          <button type="button" className="button" onClick={() => exportAs('csv')}>
            {t.plans.exportCsv}
          </button>
          <span aria-live="polite" className="impact__saved">
            {announcement}
          </span>
        </div>
        {error !== null && (
          <p role="alert" className="field-error">
            {errorText(t, error)}
          </p>
        )}
      </form>
      {/* What the printer gets: the report as plain text, straight under <body> so that the print
          stylesheet can leave out everything else (styles.css, @media print). */}
      {typeof document !== 'undefined' &&
        createPortal(
          <article className="report-print" aria-hidden="true" lang={language}>
            <h1>{t.plans.reportTitle(incident.number, incident.title)}</h1>
            {incident.drill && <p className="report-print__drill">{t.plans.prefill.drill}</p>}
            {REPORT_FIELDS.map((field, index) => (
              <section key={field}>
                <h2>
                  {index + 1}. {REPORT_FIELD_NAMES[field][language]}
                </h2>
                <p>{shown[field]}</p>
              </section>
            ))}
            <p className="report-print__footer">{t.plans.printedAt(formatDateTime(printedAt, language))}</p>
          </article>,
          document.body,
        )}
    </section>
  );
}
