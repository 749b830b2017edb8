import { memo, useId, useState } from 'react';
import type { Result } from '../../electron/core/result.js';
import type { Incident } from '../../electron/core/state.js';
import { formatTime } from '../i18n/format.js';
import { useMessages } from '../i18n/useMessages.js';
import { useBoard } from '../store/context.js';
import { selectLanguage, selectOnline } from '../store/selectors.js';
import { Elapsed } from './Elapsed.js';
import { errorText } from './errorText.js';
import { IncidentTimeline } from './IncidentTimeline.js';
import { LevelBadge } from './LevelBadge.js';
import { useIncidentTypeName, useLevelScheme } from './useIncidentType.js';

/** Flashes while nobody has taken the alarm on; a shelved alarm is put aside on purpose and stays steady. */
const isFlashing = (incident: Incident): boolean => incident.alarm.unacknowledged && incident.alarm.shelved === null;

/** One active incident. */
export const IncidentCard = memo(function IncidentCard({ id }: { id: string }) {
  const t = useMessages();
  const language = useBoard(selectLanguage);
  const incident = useBoard((s) => s.board.incidents[id]);
  const typeName = useIncidentTypeName(incident?.incidentType ?? '');
  const scheme = useLevelScheme(incident?.incidentType ?? '');
  const online = useBoard(selectOnline);
  const expanded = useBoard((s) => s.ui.selectedIncidentId === id);
  const lastError = useBoard((s) => s.ui.lastError);
  const acknowledge = useBoard((s) => s.acknowledge);
  const resolve = useBoard((s) => s.resolve);
  const toggleSelected = useBoard((s) => s.toggleSelected);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const detailsId = useId();
  if (incident === undefined) return null;

  const run = async (command: () => Promise<Result<unknown>>) => {
    setBusy(true);
    await command();
    setBusy(false);
  };
  const name = (action: string) => t.actionName(action, incident.number, incident.title);
  const error = lastError?.incidentId === id ? lastError.error : null;
  const { alarm } = incident;
  // An acknowledged incident can call again (reminder, missed deadline): say why, beside its status.
  const alarmReason = alarm.unacknowledged && alarm.reason !== 'raised' ? t.alarmReasons[alarm.reason] : null;

  return (
    <article
      className={`card card--level-${incident.level}${isFlashing(incident) ? ' card--alarm' : ''}${incident.drill ? ' card--drill' : ''}`}
      aria-labelledby={titleId}
    >
      <div className="card__head">
        <LevelBadge level={incident.level} scheme={scheme} />
        {incident.drill && <span className="drill-badge">{t.drill}</span>}
        <span className="card__meta">
          <span className="card__number">{t.incidentNumber(incident.number)}</span> · {typeName}
        </span>
      </div>
      <div className="card__chips">
        <span className={`status status--${incident.status}`}>{t.status[incident.status]}</span>
        {alarmReason !== null && <span className="chip chip--alarm">{alarmReason}</span>}
        {alarm.shelved !== null && <span className="chip">{t.shelvedUntil(formatTime(alarm.shelved.until, language))}</span>}
      </div>
      <h3 id={titleId} className="card__title">
        {incident.drill && <span className="visually-hidden">{t.drill}: </span>}
        {incident.title}
      </h3>
      <dl className="facts">
        <div>
          <dt>{t.elapsed}</dt>
          <dd>
            <Elapsed since={incident.raisedAt} />
          </dd>
        </div>
        {incident.location !== '' && (
          <div>
            <dt>{t.location}</dt>
            <dd>{incident.location}</dd>
          </div>
        )}
        <div>
          <dt>{t.reporter}</dt>
          <dd>{incident.reporter || incident.raisedBy}</dd>
        </div>
        {incident.acknowledgedBy !== null && (
          <div>
            <dt>{t.acknowledgedBy}</dt>
            <dd>{incident.acknowledgedBy}</dd>
          </div>
        )}
      </dl>
      <div className="card__actions">
        {alarm.unacknowledged && (
          <button
            type="button"
            className="button button--primary"
            aria-label={name(t.acknowledge)}
            disabled={!online || busy}
            onClick={() => run(() => acknowledge(id))}
          >
            {t.acknowledge}
          </button>
        )}
        <button
          type="button"
          className="button"
          aria-label={name(t.resolve)}
          disabled={!online || busy}
          onClick={() => run(() => resolve(id))}
        >
          {t.resolve}
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-label={name(t.details)}
          aria-expanded={expanded}
          aria-controls={detailsId}
          onClick={() => toggleSelected(id)}
        >
          {t.details}
        </button>
      </div>
      {error !== null && (
        <p role="alert" className="card__error">
          {errorText(t, error)}
        </p>
      )}
      {expanded && (
        <div id={detailsId} className="card__details">
          <p className="card__details-text">{incident.details || t.noDetails}</p>
          <IncidentTimeline incident={incident} />
        </div>
      )}
    </article>
  );
});
