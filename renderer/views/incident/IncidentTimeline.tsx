import type { DomainEvent } from '../../../electron/core/events.js';
import type { Incident } from '../../../electron/core/state.js';
import { formatDateTime } from '../../i18n/format.js';
import type { Messages } from '../../i18n/messages.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useLanguage } from '../../store/context.js';
import { actorName } from './timelineText.js';

/** The part of an event worth reading beside its name, if any. */
function eventDetail(event: DomainEvent, t: Messages): string {
  switch (event.type) {
    case 'noteAdded':
      return event.text;
    case 'levelChanged':
      return `${t.levelText(event.from)} → ${t.levelText(event.to)}${event.reason ? ` (${event.reason})` : ''}`;
    case 'incidentResolved':
      return event.summary;
    case 'incidentReopened':
      return event.reason;
    default:
      return '';
  }
}

/** Who did what, when: the incident's own record. */
export function IncidentTimeline({ incident }: { incident: Incident }) {
  const t = useMessages();
  const language = useLanguage();
  return (
    <ol className="timeline" aria-label={t.timeline}>
      {incident.timeline.map((event) => {
        const detail = eventDetail(event, t);
        return (
          <li key={event.seq}>
            <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at, language)}</time>{' '}
            <strong>{t.events[event.type]}</strong> · {actorName(event.actor, t)}
            {detail !== '' && <span className="timeline__detail"> — {detail}</span>}
          </li>
        );
      })}
    </ol>
  );
}
