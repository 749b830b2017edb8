import { raisesInWindow } from '../../../electron/core/alarm/flood.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useLanguage } from '../../store/context.js';
import { useHostNow } from '../../store/useHostNow.js';
import { formatHourMinute } from './alarmTime.js';

/** While the core says the board is flooded (more than 10 new alarms in 10 minutes). */
export function FloodBanner() {
  const active = useBoard((s) => s.board.flood.active);
  return active ? <FloodAlert /> : null;
}

function FloodAlert() {
  const t = useMessages();
  const language = useLanguage();
  const since = useBoard((s) => s.board.flood.since);
  const recentRaises = useBoard((s) => s.board.recentRaises);
  const now = useHostNow();
  // The latest raise may carry a host time a hair ahead of this display's corrected clock.
  const count = raisesInWindow(recentRaises, Math.max(now, ...recentRaises));
  return (
    <div role="alert" className="flood-banner">
      <strong className="flood-banner__title">{t.alarm.flood(formatHourMinute(since ?? now, language), count)}</strong>
      <span className="flood-banner__hint">{t.alarm.floodHint}</span>
    </div>
  );
}
