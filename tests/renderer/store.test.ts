import { describe, expect, it } from 'vitest';
import type { CommandInput, HostStatus } from '../../electron/core/contract/contract.js';
import { evolveAll } from '../../electron/core/evolve.js';
import { DEFAULT_SETTINGS as STORED_DEFAULTS, publicSettings } from '../../electron/core/organisation/settings.js';
import { initialState } from '../../electron/core/state.js';
import { createBoardStore } from '../../renderer/store/boardStore.js';
import { selectLanguage } from '../../renderer/store/selectors.js';
import { at, happened, T0 } from '../core/given.js';
import { FakeTransport } from './fakeTransport.js';

const DEFAULT_SETTINGS = publicSettings(STORED_DEFAULTS);

// Events come from the real core (decide on commands), so they have the shape the host sends.
const raise = (title: string, extra: Partial<Extract<CommandInput, { type: 'raiseIncident' }>> = {}): CommandInput => ({
  type: 'raiseIncident',
  incidentType: 'fire',
  level: 'II',
  title,
  ...extra,
});
const acknowledge = (incidentId: string): CommandInput => ({ type: 'acknowledge', incidentId, actor: 'Wang' });

/** seq 1: inc-1 raised, seq 2: inc-2 raised at level I, seq 3: inc-1 acknowledged by Wang. */
const HISTORY = happened([
  [at(0), raise('Smoke 1')],
  [at(1), raise('Smoke 2', { level: 'I' })],
  [at(2), acknowledge('inc-1')],
]);
const event = (seq: number) => {
  const found = HISTORY.find((e) => e.seq === seq);
  if (found === undefined) throw new Error(`no event ${seq} in the history`);
  return found;
};

const status = (overrides: Partial<HostStatus> = {}): HostStatus => ({
  warnings: [],
  settings: DEFAULT_SETTINGS,
  now: T0,
  ...overrides,
});

function setup(options: { language?: 'en' | 'zh-CN' | null; operator?: string } = {}) {
  const transport = new FakeTransport();
  let clock = T0;
  const store = createBoardStore(transport, { ...options, now: () => clock });
  return {
    transport,
    store,
    host: transport.host,
    setClock: (t: number) => {
      clock = t;
    },
  };
}

describe('board mirror', () => {
  it('subscribes after the seq the mirror holds', () => {
    const { transport, host } = setup();
    expect(transport.after()).toBe(0);
    host.onEvents(2, [event(1), event(2)]);
    expect(transport.after()).toBe(2);
  });

  it('applies pushed events with the core evolve', () => {
    const { store, host } = setup();
    host.onEvents(3, HISTORY);
    const board = store.getState().board;
    expect(board).toEqual(evolveAll(initialState, HISTORY));
    expect(board.seq).toBe(3);
    expect(board.incidents['inc-1']?.status).toBe('acknowledged');
    expect(board.incidents['inc-1']?.acknowledgedBy).toBe('Wang');
    expect(board.incidents['inc-2']?.status).toBe('raised');
  });

  it('replaces the mirror with a snapshot, even one behind it', () => {
    const { store, host } = setup();
    host.onEvents(3, HISTORY);
    const snapshot = evolveAll(initialState, happened([[at(5), raise('From the snapshot', { incidentId: 'inc-7' })]]));
    host.onSnapshot(1, snapshot);
    expect(store.getState().board).toBe(snapshot);
    expect(Object.keys(store.getState().board.incidents)).toEqual(['inc-7']);
  });

  it('does not apply events after a gap, and resubscribes from its own seq', () => {
    const { store, transport, host } = setup();
    host.onEvents(1, [event(1)]);
    const before = store.getState().board;

    host.onEvents(3, [event(3)]);

    expect(store.getState().board).toBe(before);
    expect(store.getState().board.incidents['inc-1']?.status).toBe('raised');
    expect(transport.resubscribes).toBe(1);
    expect(transport.after()).toBe(1);
  });

  it('treats a batch with a hole inside as a gap', () => {
    const { store, transport, host } = setup();
    host.onEvents(3, [event(1), event(3)]);
    expect(store.getState().board).toBe(initialState);
    expect(transport.resubscribes).toBe(1);
  });

  it('skips events it already holds and applies the rest of an overlapping catch-up', () => {
    const { store, transport, host } = setup();
    host.onEvents(2, [event(1), event(2)]);
    host.onEvents(3, [event(2), event(3)]);
    expect(store.getState().board).toEqual(evolveAll(initialState, HISTORY));
    expect(transport.resubscribes).toBe(0);
  });
});

describe('connection', () => {
  it('starts connecting, then follows the transport and keeps the moment it was lost', () => {
    const { store, host, setClock } = setup();
    expect(store.getState().connection).toEqual({ status: 'connecting', since: T0 });

    setClock(T0 + 1000);
    host.onConnection(true);
    expect(store.getState().connection).toEqual({ status: 'online', since: T0 + 1000 });

    setClock(T0 + 5000);
    host.onConnection(false);
    setClock(T0 + 9000);
    host.onConnection(false); // a failed retry
    expect(store.getState().connection).toEqual({ status: 'offline', since: T0 + 5000 });

    host.onConnection(true);
    expect(store.getState().connection).toEqual({ status: 'online', since: T0 + 9000 });
  });
});

describe('commands', () => {
  it('answers "unavailable" at once while offline and sends nothing', async () => {
    const { store, transport, host } = setup();
    host.onConnection(true);
    host.onConnection(false);

    const result = await store.getState().acknowledge('inc-1');

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('unavailable');
    expect(transport.sent).toEqual([]);
    expect(store.getState().ui.lastError).toMatchObject({ command: 'acknowledge', incidentId: 'inc-1' });
  });

  it('sends with the display operator as actor and leaves the board to the events', async () => {
    const { store, transport, host } = setup({ operator: ' Zhang ' });
    host.onConnection(true);
    const result = await store.getState().raise({ incidentType: 'fire', level: 'II', title: 'Smoke', drill: true });
    expect(result.ok).toBe(true);
    expect(transport.sent).toEqual([
      { type: 'raiseIncident', incidentType: 'fire', level: 'II', title: 'Smoke', drill: true, actor: 'Zhang' },
    ]);
    expect(store.getState().board).toBe(initialState);
  });

  it('prefers the site operator name and omits an empty actor', async () => {
    const { store, transport, host } = setup({ operator: '' });
    host.onConnection(true);
    await store.getState().resolve('inc-1');
    host.onStatus(status({ settings: { ...DEFAULT_SETTINGS, operatorName: 'Site duty' } }));
    await store.getState().resolve('inc-1');
    expect(transport.sent).toEqual([
      { type: 'resolve', incidentId: 'inc-1' },
      { type: 'resolve', incidentId: 'inc-1', actor: 'Site duty' },
    ]);
  });

  it('keeps a refusal with its field until the same command succeeds', async () => {
    const { store, transport, host } = setup();
    host.onConnection(true);
    transport.reply = () => ({ ok: false, error: { code: 'invalid', message: 'must not be empty', field: 'title' } });
    await store.getState().raise({ incidentType: 'fire', level: 'II', title: ' ' });
    expect(store.getState().ui.lastError).toEqual({
      command: 'raiseIncident',
      incidentId: null,
      error: { code: 'invalid', message: 'must not be empty', field: 'title' },
    });

    transport.reply = () => ({ ok: true, value: { seq: 1, incidentId: 'inc-9', events: [] } });
    await store.getState().acknowledge('inc-9');
    expect(store.getState().ui.lastError?.command).toBe('raiseIncident');
    await store.getState().raise({ incidentType: 'fire', level: 'II', title: 'Smoke' });
    expect(store.getState().ui.lastError).toBeNull();
  });

  it('wakes no subscriber when a command succeeds with no refusal to clear', async () => {
    // Every card subscribes; the board's events, not the reply, are what changes the screen.
    const { store, host } = setup();
    host.onConnection(true);
    let wakes = 0;
    store.subscribe(() => (wakes += 1));
    const result = await store.getState().acknowledge('inc-1');
    expect(result.ok).toBe(true);
    expect(wakes).toBe(0);
  });
});

describe('host status', () => {
  it('keeps warnings and settings, and the clock offset to the host', () => {
    const { store, host, setClock } = setup();
    setClock(T0 - 2500);
    const warning = { kind: 'journalTornTail', message: 'cut 12 bytes', file: '/d/journal.jsonl', copy: '/d/torn.bin' } as const;
    host.onStatus(status({ warnings: [warning], now: T0 }));
    expect(store.getState().host.clockOffset).toBe(2500);
    expect(store.getState().host.warnings).toEqual([warning]);
  });

  it('follows the site language unless this display chose one', () => {
    const site = setup();
    expect(selectLanguage(site.store.getState())).toBe('zh-CN');
    site.host.onStatus(status({ settings: { ...DEFAULT_SETTINGS, language: 'en' } }));
    expect(selectLanguage(site.store.getState())).toBe('en');

    const chosen = setup({ language: 'zh-CN' });
    chosen.host.onStatus(status({ settings: { ...DEFAULT_SETTINGS, language: 'en' } }));
    expect(selectLanguage(chosen.store.getState())).toBe('zh-CN');
    chosen.store.getState().setLanguage('en');
    expect(selectLanguage(chosen.store.getState())).toBe('en');
  });
});
