import { useId, useState } from 'react';
import type { Deadline, Incident } from '../../../electron/core/state.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { useHostNow } from '../../store/useHostNow.js';
import { formatMoment } from '../alarm/alarmTime.js';
import { deadlineState } from '../alarm/alarmView.js';
import { Countdown, URGENT_BELOW_MS } from './Countdown.js';

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
      {deadline.metAt === null && (
        <button
          type="button"
          className="button button--small"
          aria-label={t.alarm.markMetName(name)}
          disabled={!online || busy}
          onClick={meet}
        >
          {t.alarm.markMet}
        </button>
      )}
    </li>
  );
}
