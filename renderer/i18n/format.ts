import type { Language } from '../../electron/core/organisation/settings.js';
import type { Messages } from './messages.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** h:mm:ss, with days in front past 24 hours; never negative even if clocks disagree a little. */
export function formatDuration(ms: number, t: Messages): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor(total / 3600) % 24;
  const minutesSeconds = `${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
  return days > 0 ? `${t.days(days)} ${pad(hours)}:${minutesSeconds}` : `${hours}:${minutesSeconds}`;
}

/**
 * Time left, in words that cannot be read as a time of day at a distance: "还剩 4:59" / "in 4:59"
 * under an hour, "还剩 2 小时 05 分" / "in 2 h 05 min" above it. Seconds are rounded up, as a
 * countdown reads.
 */
export function formatTimeLeft(ms: number, t: Messages): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  if (total < 3600) return t.timeLeft(`${Math.floor(total / 60)}:${pad(total % 60)}`);
  const minutes = Math.floor(total / 60);
  const days = Math.floor(minutes / 1440);
  const hoursMinutes = t.hoursMinutes(Math.floor(minutes / 60) % 24, pad(minutes % 60));
  return t.timeLeft(days > 0 ? `${t.days(days)} ${hoursMinutes}` : hoursMinutes);
}

export function formatTime(epochMs: number, language: Language): string {
  return new Date(epochMs).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

export function formatDateTime(epochMs: number, language: Language): string {
  return new Date(epochMs).toLocaleString(language, {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}
