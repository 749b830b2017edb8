import { formatDuration } from '../../i18n/format.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useHostNow } from '../../store/useHostNow.js';

/** Its own component so that only this text redraws every second, not the whole card. */
export function Elapsed({ since }: { since: number }) {
  const t = useMessages();
  const now = useHostNow();
  return <span className="elapsed">{formatDuration(now - since, t)}</span>;
}
