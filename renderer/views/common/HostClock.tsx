import { formatTime } from '../../i18n/format.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useLanguage } from '../../store/context.js';
import { useHostNow } from '../../store/useHostNow.js';

export function HostClock() {
  const t = useMessages();
  const language = useLanguage();
  const now = useHostNow();
  return (
    <time className="clock" aria-label={t.clock} dateTime={new Date(now).toISOString()}>
      {formatTime(now, language)}
    </time>
  );
}
