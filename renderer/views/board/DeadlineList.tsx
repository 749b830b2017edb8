import { useId, useState, type FormEvent } from 'react';
import type { Deadline, Incident } from '../../../electron/core/state.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { useHostNow } from '../../store/useHostNow.js';
import { formatMoment } from '../alarm/alarmTime.js';
import { deadlineState } from '../alarm/alarmView.js';
import { Countdown, URGENT_BELOW_MS } from './Countdown.js';
import { errorText } from '../common/errorText.js';

/** Every milestone of the plan for this incident: countdown, met (when, by whom) or missed. */
export function DeadlineList({ incident }: { incident: Incident }) {
  const t = useMessages();
  const titleId = useId();
  if (incident.deadlines.length === 0) return null;
  // A group, not a landmark: every card has one, and a page of "Deadlines" landmarks helps nobody.
  return (
    <div className="deadlines" role="group" aria-labelledby={titleId}>
      <h4 id={titleId} className="deadlines__title">
        {t.alarm.deadlines}
      </h4>
      <ul className="deadlines__list">
        {incident.deadlines.map((deadline) => (
          <DeadlineRow key={deadline.id} incidentId={incident.id} deadline={deadline} />
        ))}
      </ul>
    </div>
  );
}

function DeadlineRow({ incidentId, deadline }: { incidentId: string; deadline: Deadline }) {
  const t = useMessages();
  const language = useLanguage();
  const online = useOnline();
  const meetDeadline = useBoardAction('meetDeadline');
  const now = useHostNow();
  const [busy, setBusy] = useState(false);
  const [waiving, setWaiving] = useState(false);
  const state = deadlineState(deadline);
  const name = deadline.name[language];
  const when = (at: number) => formatMoment(at, now, language);

  const meet = async () => {
    setBusy(true);
    await meetDeadline(incidentId, deadline.id);
    setBusy(false);
  };

  return (
    <li className={`deadline deadline--${state}`} data-deadline={deadline.id} data-state={state}>
      <span className="deadline__name">{name}</span>
      {state === 'open' && (
        <span className="deadline__due">
          {t.alarm.dueAt(when(deadline.dueAt))} · <Countdown to={deadline.dueAt} urgentBelowMs={URGENT_BELOW_MS} />
        </span>
      )}
      {state === 'missed' && deadline.missedAt !== null && (
        <strong className="deadline__missed">{t.alarm.missed(when(deadline.dueAt))}</strong>
      )}
      {state === 'met' && deadline.metAt !== null && (
        <span className="deadline__met">
          {t.alarm.met(when(deadline.metAt), deadline.metBy ?? '')}
          {deadline.missedAt !== null && ` (${t.alarm.late})`}
        </span>
      )}
      {state === 'waived' && deadline.waived != null && (
        <span className="deadline__waived">{t.work.waived(when(deadline.waived.at), deadline.waived.by, deadline.waived.reason)}</span>
      )}
      {(state === 'open' || state === 'missed') && (
        <>
          <button
            type="button"
            className="button button--small"
            aria-label={t.alarm.markMetName(name)}
            disabled={!online || busy}
            onClick={meet}
          >
            {t.alarm.markMet}
          </button>
          {!waiving && (
            <button
              type="button"
              className="button button--small button--quiet"
              aria-label={t.work.waiveName(name)}
              disabled={!online || busy}
              onClick={() => setWaiving(true)}
            >
              {t.work.waive}
            </button>
          )}
        </>
      )}
      {waiving && (
        <WaiveForm incidentId={incidentId} deadlineId={deadline.id} label={t.work.waiveName(name)} onDone={() => setWaiving(false)} />
      )}
    </li>
  );
}

/** Waiving says why, in the record; our own message when the reason is missing, never the browser's. */
function WaiveForm({
  incidentId,
  deadlineId,
  label,
  onDone,
}: {
  incidentId: string;
  deadlineId: string;
  label: string;
  onDone: () => void;
}) {
  const t = useMessages();
  const online = useOnline();
  const waive = useBoardAction('waiveDeadline');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reasonId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') return setProblem(t.work.required(t.work.waiveReason));
    setBusy(true);
    const result = await waive(incidentId, deadlineId, reason.trim());
    setBusy(false);
    if (result.ok) onDone();
    else setProblem(errorText(t, result.error));
  };

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form className="waive-form" aria-label={label} noValidate onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <div className="field">
        <label htmlFor={reasonId}>{t.work.waiveReason}</label>
        <input
          id={reasonId}
          value={reason}
          autoFocus
          maxLength={1000}
          aria-invalid={problem !== null}
          aria-describedby={problem !== null ? errorId : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <button type="submit" className="button button--small button--primary" disabled={!online || busy}>
        {t.work.confirmWaive}
      </button>
      <button type="button" className="button button--small button--quiet" onClick={onDone}>
        {t.cancel}
      </button>
      {problem !== null && (
        <p id={errorId} role="alert" className="field-error">
          {problem}
        </p>
      )}
    </form>
  );
}
