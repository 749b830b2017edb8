import { Notification, type BrowserWindow } from 'electron';
import type { DomainEvent } from '../core/events.js';
import type { Language } from '../core/organisation/settings.js';
import type { BoardState } from '../core/state.js';
import type { BoardMessage } from '../services/command-bus.js';
import type { Logger } from '../services/logger.js';

export interface Announcement {
  readonly incidentId: string;
  readonly title: string;
  readonly body: string;
}

const TEXT = {
  'zh-CN': { raised: '新事件', drill: '演练', retriggered: '警报再次触发', level: '级' },
  en: { raised: 'New incident', drill: 'drill', retriggered: 'Alarm triggered again', level: 'level' },
} as const;

/**
 * Pure: which confirmed events are a new alarm that should reach people away from the board
 * (a raised incident, an alarm from another system that triggered again). Acknowledgements,
 * notes and the like are not.
 */
export function alarmAnnouncements(events: readonly DomainEvent[], state: BoardState, language: Language): Announcement[] {
  const t = TEXT[language];
  const out: Announcement[] = [];
  for (const event of events) {
    if (event.type === 'incidentRaised') {
      const drill = event.drill ? ` (${t.drill})` : '';
      const level = language === 'en' ? `${t.level} ${event.level}` : `${event.level}${t.level}`;
      out.push({
        incidentId: event.incidentId,
        title: `${t.raised} · ${level}${drill}`,
        body: [event.title, event.location].filter((s) => s !== '').join(' · '),
      });
    } else if (event.type === 'alarmRetriggered') {
      const incident = state.incidents[event.incidentId];
      out.push({ incidentId: event.incidentId, title: t.retriggered, body: incident?.title ?? event.summary });
    }
  }
  return out;
}

export interface AlarmAlertsOptions {
  readonly state: () => BoardState;
  readonly language: () => Language;
  /** the console window, raised and restored by the caller's window manager */
  readonly bringConsoleToFront: () => BrowserWindow | null;
  readonly log: Logger;
}

/**
 * New alarm → the taskbar entry flashes (until the console is focused), a desktop notification
 * appears (a click brings the console), and the console comes to the front. Returns the
 * subscriber to hand to the command bus.
 */
export function alarmAlerts(options: AlarmAlertsOptions): (message: BoardMessage) => void {
  return (message) => {
    if (message.kind !== 'events') return;
    const announcements = alarmAnnouncements(message.events, options.state(), options.language());
    if (announcements.length === 0) return;
    const window = options.bringConsoleToFront();
    if (window !== null) {
      window.flashFrame(true);
      window.once('focus', () => {
        if (!window.isDestroyed()) window.flashFrame(false);
      });
    }
    if (!Notification.isSupported()) return;
    for (const announcement of announcements.slice(0, 3)) {
      try {
        const notification = new Notification({
          title: announcement.title,
          body: announcement.body,
          urgency: 'critical',
          timeoutType: 'never',
          // the board's own horn sounds; a second sound would only confuse
          silent: true,
        });
        notification.on('click', () => void options.bringConsoleToFront());
        notification.show();
      } catch (error) {
        options.log.warn(`notification failed: ${(error as Error).message}`);
      }
    }
  };
}
