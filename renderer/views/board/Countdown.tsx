import { formatDuration, formatTimeLeft } from '../../i18n/format.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useHostNow } from '../../store/useHostNow.js';

/** Under ten minutes a deadline's countdown turns urgent. */
export const URGENT_BELOW_MS = 10 * 60_000;

/**
 * Time left until an absolute instant, redrawn once a second from the host-corrected clock. Past
 * the instant it says so instead of counting up: the host's tick decides what happens then.
 * Whole seconds are rounded up, as a countdown reads: 0:00:01 until the very end. `words` reads
 * "in 4:59" / "还剩 4:59" for displays read from afar (the wall, the busy board's lines), where a
 * bare 23:59:39 would pass for a time of day.
 */
export function Countdown({ to, urgentBelowMs = 0, words = false }: { to: number; urgentBelowMs?: number; words?: boolean }) {
  const t = useMessages();
  const now = useHostNow();
  const left = to - now;
  const urgent = left < urgentBelowMs;
  const text = left <= 0 ? t.alarm.dueNow : words ? formatTimeLeft(left, t) : formatDuration(Math.ceil(left / 1000) * 1000, t);
  return (
    <span className={`countdown${urgent ? ' countdown--urgent' : ''}`} data-urgent={urgent ? 'true' : 'false'}>
      {text}
    </span>
  );
}
