import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../electron/core/plan/catalogue.js';
import { NO_IMPACT } from '../../electron/core/incident/impact.js';
import { createBoardStore } from '../../renderer/store/boardStore.js';
import { T0 } from '../core/given.js';
import { FakeTransport } from './fakeTransport.js';
import { PEOPLE } from './planFixture.js';

function setup() {
  const transport = new FakeTransport();
  const store = createBoardStore(transport, { operator: 'Wang Fang', now: () => T0 });
  transport.host.onConnection(true);
  return { transport, store, s: () => store.getState() };
}

describe('the work slice', () => {
  it('sends each incident action as its command, with the operator as actor', async () => {
    const { transport, s } = setup();
    await s().assignRole('inc-1', 'commander', 'li-wei');
    await s().unassignRole('inc-1', 'commander');
    await s().recordCall('inc-1', '119', 'Fire');
    await s().checkStep('inc-1', 'call-119');
    await s().skipStep('inc-1', 'keep-scene', 'brigade');
    await s().uncheckStep('inc-1', 'call-119');
    await s().addNote('inc-1', 'on site');
    await s().changeLevel('inc-1', 'III', 'smaller than feared');
    await s().updateImpact('inc-1', { ...NO_IMPACT, injured: 2 });
    await s().updateReport('inc-1', { unit: 'u', timePlace: 't', account: 'a', casualties: 'c', measures: 'm', other: 'o' });
    await s().handOver(['wang-fang'], 'quiet night');
    expect(transport.sent).toEqual([
      { type: 'assignRole', incidentId: 'inc-1', position: 'commander', personId: 'li-wei', actor: 'Wang Fang' },
      { type: 'unassignRole', incidentId: 'inc-1', position: 'commander', actor: 'Wang Fang' },
      { type: 'recordCall', incidentId: 'inc-1', number: '119', name: 'Fire', actor: 'Wang Fang' },
      { type: 'checkStep', incidentId: 'inc-1', stepId: 'call-119', actor: 'Wang Fang' },
      { type: 'skipStep', incidentId: 'inc-1', stepId: 'keep-scene', reason: 'brigade', actor: 'Wang Fang' },
      { type: 'uncheckStep', incidentId: 'inc-1', stepId: 'call-119', actor: 'Wang Fang' },
      { type: 'addNote', incidentId: 'inc-1', text: 'on site', actor: 'Wang Fang' },
      { type: 'changeLevel', incidentId: 'inc-1', level: 'III', reason: 'smaller than feared', actor: 'Wang Fang' },
      { type: 'updateImpact', incidentId: 'inc-1', impact: { ...NO_IMPACT, injured: 2 }, actor: 'Wang Fang' },
      {
        type: 'updateReport',
        incidentId: 'inc-1',
        report: { unit: 'u', timePlace: 't', account: 'a', casualties: 'c', measures: 'm', other: 'o' },
        actor: 'Wang Fang',
      },
      { type: 'handOver', incoming: ['wang-fang'], note: 'quiet night', actor: 'Wang Fang' },
    ]);
  });

  it('passes the PIN on protected changes only when one was typed', async () => {
    const { transport, s } = setup();
    await s().setRoster(PEOPLE, '1234');
    await s().setRoster(PEOPLE, '');
    await s().setCatalogue(DEFAULT_CATALOGUE, undefined);
    await s().setIncidentType(DEFAULT_CATALOGUE[0]!, '5678');
    await s().updateSettings({ siteName: 'Plant 2', dialOut: true }, '1234');
    await s().changePin(undefined, '4321');
    await s().changePin('4321', '9999');
    expect(transport.sent.map((c) => ('pin' in c ? c.pin : 'none'))).toEqual(['1234', 'none', 'none', '5678', '1234', 'none', '4321']);
    expect(transport.sent[4]).toEqual({
      type: 'updateSettings',
      settings: { siteName: 'Plant 2', dialOut: true },
      pin: '1234',
      actor: 'Wang Fang',
    });
    expect(transport.sent[6]).toEqual({ type: 'changePin', newPin: '9999', pin: '4321', actor: 'Wang Fang' });
  });

  it('records a refusal for the incident and command it belongs to', async () => {
    const { transport, s } = setup();
    transport.reply = () => ({ ok: false, error: { code: 'conflict', message: 'the step is done already', field: 'stepId' } });
    const result = await s().checkStep('inc-2', 'report');
    expect(result.ok).toBe(false);
    expect(s().ui.lastError).toEqual({
      command: 'checkStep',
      incidentId: 'inc-2',
      error: { code: 'conflict', message: 'the step is done already', field: 'stepId' },
    });
  });

  it('selects an incident and opens one console dialog at a time', () => {
    const { s } = setup();
    s().selectIncident('inc-3');
    expect(s().ui.selectedIncidentId).toBe('inc-3');
    s().selectIncident(null);
    expect(s().ui.selectedIncidentId).toBeNull();
    expect(s().dialog).toBeNull();
    s().openDialog('help');
    expect(s().dialog).toBe('help');
    s().openDialog('settings');
    expect(s().dialog).toBe('settings');
    s().openDialog(null);
    expect(s().dialog).toBeNull();
  });

  it('sends nothing while offline and says so', async () => {
    const { transport, s, store } = setup();
    transport.host.onConnection(false);
    const result = await s().recordCall('inc-1', '119', 'Fire');
    expect(result).toEqual({ ok: false, error: { code: 'unavailable', message: 'not connected to the host' } });
    expect(transport.sent).toEqual([]);
    expect(store.getState().ui.lastError?.command).toBe('recordCall');
  });
});
