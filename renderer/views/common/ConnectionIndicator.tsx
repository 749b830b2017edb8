import { formatDuration } from '../../i18n/format.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard, useClockOffset } from '../../store/context.js';
import { useHostNow } from '../../store/useHostNow.js';

export function ConnectionIndicator() {
  const t = useMessages();
  const status = useBoard((s) => s.connection.status);
  return (
    <div className={`connection connection--${status}`}>
      <span className="connection__dot" aria-hidden="true" />
      <span role="status">{t.connection[status]}</span>
      {status === 'offline' && <OfflineFor />}
    </div>
  );
}

function OfflineFor() {
  const t = useMessages();
  const since = useBoard((s) => s.connection.since);
  // Local time on both sides: the host's offset is unknown while it cannot be reached.
  const now = useHostNow() - useClockOffset();
  return <span className="connection__since">{t.offlineFor(formatDuration(now - since, t))}</span>;
}
