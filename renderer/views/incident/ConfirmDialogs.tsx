import { useId, useState, type FormEvent } from 'react';
import { openDeadlines, type Incident } from '../../../electron/core/state.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { useHostNow } from '../../store/useHostNow.js';
import { formatMoment } from '../alarm/alarmTime.js';
import { tierRole } from '../alarm/alarmView.js';
import { errorText } from '../common/errorText.js';
import { Modal } from '../common/Modal.js';
import type { AppError } from '../../../electron/core/contract/result.js';

/** The console's confirmations: resolve (what is still open, a summary) and escalate (who is alerted next). */
export function ConfirmDialogs() {
  const confirm = useBoard((s) => s.confirm);
  const incident = useBoard((s) => (s.confirm === null ? undefined : s.board.incidents[s.confirm.incidentId]));
  const askConfirm = useBoardAction('askConfirm');
  if (confirm === null || incident === undefined) return null;
  const close = () => askConfirm(null);
  return confirm.kind === 'resolve' ? (
    <ResolveDialog incident={incident} onClose={close} />
  ) : (
    <EscalateDialog incident={incident} onClose={close} />
  );
}

function ResolveDialog({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const now = useHostNow();
  const resolve = useBoardAction('resolveWithSummary');
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const summaryId = useId();
  const open = openDeadlines(incident);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await resolve(incident.id, summary);
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error);
  };

  return (
    <Modal title={t.work.resolveTitle(incident.number, incident.title)} onClose={onClose} className="confirm-dialog">
      <form noValidate onSubmit={submit} aria-label={t.work.confirmResolve}>
        {open.length === 0 ? (
          <p>{t.work.resolveNothingOpen}</p>
        ) : (
          <>
            <p>{t.work.resolveOpen}</p>
            <ul className="confirm-dialog__open">
              {open.map((d) => (
                <li key={d.id}>
                  {d.name[language]} ·{' '}
                  {d.missedAt !== null
                    ? t.alarm.missed(formatMoment(d.dueAt, now, language))
                    : t.alarm.dueAt(formatMoment(d.dueAt, now, language))}
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="field">
          <label htmlFor={summaryId}>{t.work.summary}</label>
          <textarea id={summaryId} rows={3} maxLength={4000} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </div>
        <div className="confirm-dialog__buttons">
          <button type="submit" className="button button--primary" disabled={!online || busy}>
            {t.work.confirmResolve}
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t.cancel}
          </button>
        </div>
        {error !== null && (
          <p role="alert" className="field-error">
            {errorText(t, error)}
          </p>
        )}
      </form>
    </Modal>
  );
}

function EscalateDialog({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const escalate = useBoardAction('escalateConfirmed');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const tier = incident.alarm.tier;
  const next = tierRole(incident, tier + 1, language);

  const confirmed = async () => {
    setBusy(true);
    const result = await escalate(incident.id);
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error);
  };

  return (
    <Modal title={t.work.escalateTitle(incident.number)} onClose={onClose} className="confirm-dialog">
      <p className="confirm-dialog__question">{t.work.escalateQuestion(next)}</p>
      <p>{t.work.escalateNote(tierRole(incident, tier, language))}</p>
      <div className="confirm-dialog__buttons">
        <button type="button" className="button button--primary" autoFocus disabled={!online || busy} onClick={() => void confirmed()}>
          {t.work.confirmEscalate(next)}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t.cancel}
        </button>
      </div>
      {error !== null && (
        <p role="alert" className="field-error">
          {errorText(t, error)}
        </p>
      )}
    </Modal>
  );
}

/** For 10 s after a manual escalation: where it went, and a way back. */
export function UndoEscalationBar() {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const undoable = useBoard((s) => s.undoable);
  const incident = useBoard((s) => (s.undoable === null ? undefined : s.board.incidents[s.undoable.incidentId]));
  const undo = useBoardAction('undoEscalation');
  if (undoable === null || incident === undefined) return null;
  return (
    <div className="undo-bar" aria-live="polite">
      <span>{t.work.escalatedTo(incident.number, tierRole(incident, incident.alarm.tier, language))}</span>
      <button
        type="button"
        className="button"
        aria-label={t.work.undoName(incident.number)}
        disabled={!online}
        onClick={() => void undo(incident.id)}
      >
        {t.work.undo}
      </button>
    </div>
  );
}
