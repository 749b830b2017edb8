import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fake-electron.js')).electronModule);

import { alarmAnnouncements } from '../../electron/main/notifications.js';
import { raise } from '../helpers/commands.js';
import { boardAfter } from './board-fixture.js';

describe('which events are a new alarm', () => {
  it('a raised incident is, in the site language, with level and drill marked', () => {
    const { state, events } = boardAfter([raise({ title: 'Smoke in B3', location: 'Store B3', level: 'I', drill: true })]);
    expect(alarmAnnouncements(events, state, 'en')).toEqual([
      { incidentId: 'inc-1', title: 'New incident · level I (drill)', body: 'Smoke in B3 · Store B3' },
    ]);
    expect(alarmAnnouncements(events, state, 'zh-CN')).toEqual([
      { incidentId: 'inc-1', title: '新事件 · I级 (演练)', body: 'Smoke in B3 · Store B3' },
    ]);
  });

  it('an alarm from another system that triggers again is', () => {
    const trigger = {
      type: 'triggerAlarm' as const,
      dedupKey: 'facp-12',
      source: 'Fire panel',
      summary: 'Smoke detector 12',
      level: 'II' as const,
    };
    const { state, events } = boardAfter([trigger, { type: 'acknowledge', incidentId: 'inc-1' }, trigger]);
    const last = events.filter((e) => e.type === 'alarmRetriggered');
    expect(last).toHaveLength(1);
    expect(alarmAnnouncements(last, state, 'en')).toEqual([
      { incidentId: 'inc-1', title: 'Alarm triggered again', body: 'Smoke detector 12' },
    ]);
  });

  it('acknowledging, notes and resolving are not', () => {
    const { state, events } = boardAfter([
      raise(),
      { type: 'acknowledge', incidentId: 'inc-1' },
      { type: 'addNote', incidentId: 'inc-1', text: 'crew on site' },
      { type: 'resolve', incidentId: 'inc-1' },
    ]);
    expect(alarmAnnouncements(events.slice(1), state, 'en')).toEqual([]);
  });
});
