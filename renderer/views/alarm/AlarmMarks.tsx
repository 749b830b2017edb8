import type { Incident } from '../../../electron/core/state.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useLanguage } from '../../store/context.js';
import { useHostNow } from '../../store/useHostNow.js';
import { formatHourMinute } from './alarmTime.js';

/**
 * The alarm's state beside the incident's status: why it calls, silenced, shelved, returned to
 * normal. Words, not colour alone.
 */
export function AlarmMarks({ incident }: { incident: Incident }) {
  const t = useMessages();
  const language = useLanguage();
  const { alarm } = incident;
  return (
    <>
      {alarm.unacknowledged && (
        <span className="chip chip--alarm" data-reason={alarm.reason}>
          {t.alarmReasons[alarm.reason]}
        </span>
      )}
      {alarm.unacknowledged && alarm.silencedUntil !== null && <SilencedMark until={alarm.silencedUntil} />}
      {alarm.shelved !== null && (
        <span className="chip chip--shelved">
          {t.alarm.shelvedUntil(formatHourMinute(alarm.shelved.until, language), alarm.shelved.reason)}
        </span>
      )}
      {alarm.returned && alarm.unacknowledged && <span className="chip chip--returned">{t.alarm.returned}</span>}
    </>
  );
}

/** Silence runs out by itself (no event says so): the mark goes when the host's clock passes it. */
function SilencedMark({ until }: { until: number }) {
  const t = useMessages();
  const language = useLanguage();
  const now = useHostNow();
  if (until <= now) return null;
  return <span className="chip chip--silenced">{t.alarm.silencedUntil(formatHourMinute(until, language))}</span>;
}
