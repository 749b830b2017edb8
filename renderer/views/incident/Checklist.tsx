import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../electron/core/contract/commands.js';
import { EMERGENCY_NUMBER_NAMES, POSITION_NAMES } from '../../../electron/core/organisation/organisation.js';
import type { ChecklistItem, Incident } from '../../../electron/core/state.js';
import { formatTime } from '../../i18n/format.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { checklistProgress } from '../console/planProgress.js';
import { useCall } from '../console/useCall.js';
import { errorText } from '../common/errorText.js';

/** The plan's steps for this incident: tick, skip with a reason, undo; steps that dial offer the call. */
export function Checklist({ incident }: { incident: Incident }) {
  const t = useMessages();
  const { handled, total } = checklistProgress(incident);
  const lastError = useBoard((s) => s.ui.lastError);
  const error =
    lastError !== null && lastError.incidentId === incident.id && ['checkStep', 'skipStep', 'uncheckStep'].includes(lastError.command)
      ? lastError.error
      : null;
  const headingId = useId();
  return (
    <section className="pane-section checklist" aria-labelledby={headingId}>
      <h3 id={headingId} className="pane-section__title">
        {t.plans.checklist}{' '}
        {total > 0 && (
          <span className="pane-section__count" aria-label={t.plans.progressLabel(handled, total)}>
            {handled}/{total}
          </span>
        )}
      </h3>
      {total === 0 ? (
        <p className="empty">{t.plans.noChecklist}</p>
      ) : (
        <ol className="checklist__steps">
          {incident.checklist.map((item, index) => (
            <ChecklistRow key={item.step.id} incident={incident} item={item} index={index} />
          ))}
        </ol>
      )}
      {error !== null && (
        <p role="alert" className="field-error">
          {errorText(t, error)}
        </p>
      )}
    </section>
  );
}

function ChecklistRow({ incident, item, index }: { incident: Incident; item: ChecklistItem; index: number }) {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const checkStep = useBoardAction('checkStep');
  const skipStep = useBoardAction('skipStep');
  const uncheckStep = useBoardAction('uncheckStep');
  const call = useCall();
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  const text = item.step.text[language];
  const closed = incident.status === 'closed';
  const disabled = !online || busy || closed;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    await action();
    setBusy(false);
  };
  const submitSkip = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await skipStep(incident.id, item.step.id, reason);
    setBusy(false);
    if (result.ok) {
      setSkipping(false);
      setReason('');
    }
  };
  const dials = item.step.dials;

  return (
    <li className={`step step--${item.status}`}>
      <span className="step__mark" aria-hidden="true">
        {item.status === 'done' ? '✔' : item.status === 'skipped' ? '–' : index + 1}
      </span>
      <div className="step__body">
        <p className="step__text">
          <span className="visually-hidden">{t.plans.stepStatus[item.status]}: </span>
          {text}
        </p>
        <p className="step__meta">
          {item.step.role !== null && <span className="step__role">{t.plans.stepBy(POSITION_NAMES[item.step.role][language])}</span>}
          {item.status === 'done' && item.at !== null && (
            <span className="step__who">{t.plans.doneBy(formatTime(item.at, language), item.by ?? '')}</span>
          )}
          {item.status === 'skipped' && item.at !== null && (
            <span className="step__who">{t.plans.skippedBy(formatTime(item.at, language), item.by ?? '', item.reason)}</span>
          )}
        </p>
        {skipping && (
          <form noValidate className="step__skip" onSubmit={submitSkip} aria-label={t.plans.skipStep(text)}>
            <label htmlFor={reasonId}>{t.plans.skipReason}</label>
            <input id={reasonId} value={reason} required autoFocus maxLength={LIMITS.reason} onChange={(e) => setReason(e.target.value)} />
            <button type="submit" className="button" disabled={disabled}>
              {t.plans.confirmSkip}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setSkipping(false)}>
              {t.cancel}
            </button>
          </form>
        )}
      </div>
      <div className="step__actions">
        {dials !== null && item.status === 'open' && (
          <button
            type="button"
            className="button button--call"
            disabled={!online || closed}
            aria-label={t.plans.callName(dials, EMERGENCY_NUMBER_NAMES[dials][language])}
            onClick={() =>
              void run(async () => {
                // The step is to make the call: once the call is on record, the step is done.
                const called = await call(dials, EMERGENCY_NUMBER_NAMES[dials][language], incident.id);
                if (called?.ok === true) await checkStep(incident.id, item.step.id);
              })
            }
          >
            {t.plans.call(dials)}
          </button>
        )}
        {item.status === 'open' ? (
          <>
            <button
              type="button"
              className="button button--primary"
              disabled={disabled}
              aria-label={t.plans.markDone(text)}
              onClick={() => run(() => checkStep(incident.id, item.step.id))}
            >
              {t.plans.done}
            </button>
            {!skipping && (
              <button
                type="button"
                className="button button--quiet"
                disabled={disabled}
                aria-label={t.plans.skipStep(text)}
                onClick={() => setSkipping(true)}
              >
                {t.plans.skip}
              </button>
            )}
          </>
        ) : (
          <button
            type="button"
            className="button button--quiet"
            disabled={disabled}
            aria-label={t.plans.undoStep(text)}
            onClick={() => run(() => uncheckStep(incident.id, item.step.id))}
          >
            {t.plans.undo}
          </button>
        )}
      </div>
    </li>
  );
}
