import { memo, useState } from 'react';
import { formatDateTime } from '../../i18n/format.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useBoardAction, useLanguage, useOnline } from '../../store/context.js';
import { errorText } from '../common/errorText.js';
import { useIncidentTypeView } from '../common/useIncidentType.js';
import { LevelBadge } from './LevelBadge.js';
import { ReopenForm } from '../incident/ReopenForm.js';

export const RecentItem = memo(function RecentItem({ id }: { id: string }) {
  const t = useMessages();
  const language = useLanguage();
  const incident = useBoard((s) => s.board.incidents[id]);
  const { name: typeName, scheme } = useIncidentTypeView(incident?.incidentType ?? '');
  const online = useOnline();
  const lastError = useBoard((s) => s.ui.lastError);
  const close = useBoardAction('close');
  const [reopening, setReopening] = useState(false);
  if (incident === undefined) return null;

  const name = (action: string) => t.actionName(action, incident.number, incident.title);
  const endedAt = incident.closedAt ?? incident.resolvedAt ?? incident.updatedAt;
  // The reopen form shows its own refusals; the row shows those of Close.
  const error = lastError?.incidentId === id && lastError.command === 'close' ? lastError.error : null;

  return (
    <div className={`recent-item recent-item--${incident.status}`}>
      <div className="recent-item__line">
        <LevelBadge level={incident.level} scheme={scheme} />
        <span className="card__number">{t.incidentNumber(incident.number)}</span>
        <span className="recent-item__title">
          {incident.drill && <span className="drill-badge">{t.drill}</span>} {incident.title}
        </span>
        <span className="card__type">{typeName}</span>
      </div>
      <div className="recent-item__line">
        <span className={`status status--${incident.status}`}>{t.status[incident.status]}</span>
        <time dateTime={new Date(endedAt).toISOString()}>{formatDateTime(endedAt, language)}</time>
        <span className="recent-item__actions">
          {incident.status === 'resolved' && (
            <button type="button" className="button" aria-label={name(t.close)} disabled={!online} onClick={() => close(id)}>
              {t.close}
            </button>
          )}
          {!reopening && (
            <button
              type="button"
              className="button button--quiet"
              aria-label={name(t.reopen)}
              disabled={!online}
              onClick={() => setReopening(true)}
            >
              {t.reopen}
            </button>
          )}
        </span>
      </div>
      {error !== null && (
        <p role="alert" className="card__error">
          {errorText(t, error)}
        </p>
      )}
      {reopening && <ReopenForm incident={incident} label={name(t.reopen)} onDone={() => setReopening(false)} />}
    </div>
  );
});
