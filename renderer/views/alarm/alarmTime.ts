import type { Language } from '../../../electron/core/organisation/settings.js';
import { formatDateTime } from '../../i18n/format.js';

/** hh:mm, 24-hour, as the marks on an alarm read ("silenced until 14:05"). */
export function formatHourMinute(epochMs: number, language: Language): string {
  return new Date(epochMs).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', hour12: false });
}

/** hh:mm when it falls on the same day as `now`, otherwise with the date (a deadline days away). */
export function formatMoment(epochMs: number, now: number, language: Language): string {
  return new Date(epochMs).toDateString() === new Date(now).toDateString()
    ? formatHourMinute(epochMs, language)
    : formatDateTime(epochMs, language);
}
