import { useId } from 'react';
import { isActive } from '../../../electron/core/state.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoardAction, useLanguage } from '../../store/context.js';
import { statusText } from '../alarm/alarmView.js';
import { IncidentCard } from '../board/IncidentCard.js';
import { LevelChange } from './LevelChange.js';
import { LevelBadge } from '../board/LevelBadge.js';
import { useDenseBoard, useShownIncident } from '../console/useActiveIds.js';
import { useIncidentTypeView } from '../common/useIncidentType.js';
import { Checklist } from './Checklist.js';
import { ImpactForm } from './ImpactForm.js';
import { Positions } from './Positions.js';
import { ReportSection } from './ReportSection.js';
import { Timeline } from './Timeline.js';

/**
 * The selected incident worked to its plan: checklist, positions, timeline, impact, report. Until
 * one is picked it shows the most urgent active incident, so the middle is never empty. On a busy
 * board, whose lines carry no controls, the incident's card comes first here.
 */
export function DetailPane() {
  const t = useMessages();
  const language = useLanguage();
  const { incident, picked } = useShownIncident();
  const dense = useDenseBoard();
  const selectIncident = useBoardAction('selectIncident');
  const { name: typeName, scheme } = useIncidentTypeView(incident?.incidentType ?? '');
  const headingId = useId();

  if (incident === null) {
    return (
      <section className="detail detail--empty" aria-label={t.plans.detailPane}>
        <p className="empty">{t.plans.noSelection}</p>
      </section>
    );
  }
  return (
    // Keyed by incident: what was typed for one incident (a report draft, a skip reason) never shows on another.
    <section
      key={incident.id}
      className={`detail detail--level-${incident.level}${incident.drill ? ' detail--drill' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="detail__head">
        <LevelBadge level={incident.level} scheme={scheme} />
        {incident.drill && <span className="drill-badge">{t.drill}</span>}
        <span className={`status status--${incident.status}`}>{statusText(t, incident, language)}</span>
        <h2 id={headingId} className="detail__title">
          <span className="visually-hidden">{t.plans.detailPane}: </span>
          {t.plans.incidentHeading(incident.number, incident.title)}
        </h2>
        <span className="detail__type">{typeName}</span>
        {incident.location !== '' && <span className="detail__location">{incident.location}</span>}
        <LevelChange incident={incident} />
        {picked && (
          <button type="button" className="button button--quiet detail__close" onClick={() => selectIncident(null)}>
            {t.plans.closeDetail}
          </button>
        )}
      </header>
      {!picked && <p className="detail__shown">{incident.alarm.unacknowledged ? t.due.shownUrgent : t.due.shownActive}</p>}
      {dense && isActive(incident) && (
        <div className="detail__card">
          <IncidentCard id={incident.id} />
        </div>
      )}
      {incident.details !== '' && <p className="detail__details">{incident.details}</p>}
      <div className="detail__grid">
        <div className="detail__col">
          <Checklist incident={incident} />
          <Positions incident={incident} />
        </div>
        <div className="detail__col">
          <Timeline incident={incident} />
        </div>
      </div>
      <details className="detail__more">
        <summary>{t.plans.impact}</summary>
        <ImpactForm incident={incident} />
      </details>
      <details className="detail__more detail__more--report">
        <summary>{t.plans.report}</summary>
        <ReportSection incident={incident} />
      </details>
    </section>
  );
}
