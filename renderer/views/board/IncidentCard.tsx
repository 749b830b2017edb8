import { memo, useId } from 'react';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { AlarmControls } from '../alarm/AlarmControls.js';
import { AlarmMarks } from '../alarm/AlarmMarks.js';
import { CardPlanSummary } from '../console/CardPlanSummary.js';
import { isFlashing, statusText } from '../alarm/alarmView.js';
import { LevelChange } from '../incident/LevelChange.js';
import { isActive } from '../../../electron/core/state.js';
import { DeadlineList } from './DeadlineList.js';
import { Elapsed } from './Elapsed.js';
import { errorText } from '../common/errorText.js';
import { EscalationStatus } from '../alarm/EscalationStatus.js';
import { IncidentTimeline } from '../incident/IncidentTimeline.js';
import { LevelBadge } from './LevelBadge.js';
import { useIncidentTypeView } from '../common/useIncidentType.js';

/** One active incident. */
export const IncidentCard = memo(function IncidentCard({ id }: { id: string }) {
  const t = useMessages();
  const language = useLanguage();
  const incident = useBoard((s) => s.board.incidents[id]);
  const { name: typeName, scheme } = useIncidentTypeView(incident?.incidentType ?? '');
  const online = useOnline();
  const expanded = useBoard((s) => s.ui.selectedIncidentId === id);
  const lastError = useBoard((s) => s.ui.lastError);
  const askConfirm = useBoardAction('askConfirm');
  const toggleSelected = useBoardAction('toggleSelected');
  const titleId = useId();
  const detailsId = useId();
  if (incident === undefined) return null;

  const name = (action: string) => t.actionName(action, incident.number, incident.title);
  // The shelve form shows its own refusals next to its fields; the card shows the others.
  const error = lastError?.incidentId === id && lastError.command !== 'shelve' ? lastError.error : null;
  const { alarm } = incident;
  const flashing = isFlashing(incident);
  const classes = [
    'card',
    `card--level-${incident.level}`,
    flashing ? 'card--alarm' : '',
    alarm.shelved !== null ? 'card--shelved' : '',
    incident.drill ? 'card--drill' : '',
  ].filter((c) => c !== '');

  return (
    <article
      className={classes.join(' ')}
      aria-labelledby={titleId}
      data-alarm={alarm.unacknowledged ? 'unacknowledged' : 'acknowledged'}
      data-flashing={flashing ? 'true' : 'false'}
      data-shelved={alarm.shelved !== null ? 'true' : 'false'}
    >
      <div className="card__head">
        <LevelBadge level={incident.level} scheme={scheme} />
        {incident.drill && <span className="drill-badge">{t.drill}</span>}
        <span className="card__meta">
          <span className="card__number">{t.incidentNumber(incident.number)}</span> · {typeName}
        </span>
      </div>
      <div className="card__chips">
        <span className={`status status--${incident.status}`}>{statusText(t, incident, language)}</span>
        <AlarmMarks incident={incident} />
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
        {incident.source !== null && (
          <div>
            <dt>{t.alarm.source}</dt>
            <dd className="card__source">{t.alarm.sourceCount(incident.source.system, incident.source.count)}</dd>
          </div>
        )}
        {incident.acknowledgedBy !== null && (
          <div>
            <dt>{t.acknowledgedBy}</dt>
            <dd>{incident.acknowledgedBy}</dd>
          </div>
        )}
      </dl>
      <CardPlanSummary id={id} />
      <EscalationStatus incident={incident} />
      <DeadlineList incident={incident} />
      <AlarmControls incident={incident} />
      <div className="card__actions">
        {isActive(incident) && (
          <button
            type="button"
            className="button"
            aria-label={name(t.resolve)}
            aria-haspopup="dialog"
            disabled={!online}
            onClick={() => askConfirm({ kind: 'resolve', incidentId: id })}
          >
            {t.resolve}
          </button>
        )}
        <LevelChange incident={incident} />
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
