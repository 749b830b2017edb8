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
