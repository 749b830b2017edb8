/**
 * The preload bridge (electron/preload/preload.ts) with 'electron' replaced by the test double:
 * what it exposes, and that each function speaks on exactly its contract channel. The last tests
 * run the whole chain: the renderer's transport → the preload → ipcMain → the real command bus →
 * the journal → the push back to the page.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../main/fake-electron.js')).electronModule);

import type { ServerMessage } from '../../electron/core/contract/contract.js';
import { IPC_INVOKE, IPC_PUSH, KIOSK_API_FUNCTIONS, KIOSK_API_KEY, type KioskApi } from '../../electron/core/contract/ipc-contract.js';
import { createKioskBridgeTransport } from '../../renderer/api/kioskBridge.js';
import { raise } from '../helpers/commands.js';
import * as fake from '../main/fake-electron.js';
import { consoleWindow, start, useKioskApp } from '../main/kiosk-fixture.js';

useKioskApp();

/** Runs the preload afresh (it binds its listeners at load, like the real one per page). */
async function loadPreload(): Promise<KioskApi> {
  vi.resetModules();
  await import('../../electron/preload/preload.js');
  const api = fake.contextBridge.exposed.get(KIOSK_API_KEY);
  if (api === undefined) throw new Error('the preload exposed nothing');
  return api as KioskApi;
}

describe('the preload bridge', () => {
  it('exposes one object, kioskApi, with exactly the contract functions and nothing else', async () => {
    const api = await loadPreload();
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['kioskApi']);
    expect(Object.keys(api).sort()).toEqual([...KIOSK_API_FUNCTIONS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.values(api)).not.toContain(fake.ipcRenderer);
    expect(Object.values(api)).not.toContain(fake.ipcRenderer.invoke);
  });

  it('each function invokes exactly its channel, and a broken channel answers unavailable', async () => {
    const api = await loadPreload();
    const cases: [() => Promise<unknown>, string, unknown[]][] = [
      [
        () => api.sendCommand(raise({ title: 'x' })),
        IPC_INVOKE.sendCommand,
        [expect.objectContaining({ type: 'raiseIncident', title: 'x' })],
      ],
      [() => api.getStatus(), IPC_INVOKE.getStatus, []],
      [() => api.requestExit('2468'), IPC_INVOKE.requestExit, [{ pin: '2468' }]],
      [() => api.getShellSettings(), IPC_INVOKE.getShellSettings, []],
      [() => api.setShellSettings({ pin: '1', startAtLogin: false }), IPC_INVOKE.setShellSettings, [{ pin: '1', startAtLogin: false }]],
      [() => api.openExternal('tel:119'), IPC_INVOKE.openExternal, [{ url: 'tel:119' }]],
    ];
    for (const [run, channel, args] of cases) {
      fake.ipcRenderer.invoked.length = 0;
      await expect(run()).resolves.toEqual({ ok: false, error: { code: 'unavailable', message: 'the kiosk did not answer' } });
      expect(fake.ipcRenderer.invoked).toEqual([{ channel, args }]);
    }
  });

  it('subscribe listens before it asks, and its unsubscribe ends the subscription once', async () => {
    const api = await loadPreload();
    const received: ServerMessage[] = [];
    const unsubscribe = api.subscribe(7, (m) => received.push(m));
    const [asked] = fake.ipcRenderer.invoked;
    expect(asked?.channel).toBe(IPC_INVOKE.subscribe);
    const { subscriptionId } = asked?.args[0] as { subscriptionId: string; after: number };
    expect(asked?.args[0]).toEqual({ subscriptionId, after: 7 });
    // a push for this subscription arrives; one for another does not
    fake.ipcRenderer.emit(IPC_PUSH.message, {}, { subscriptionId, message: { kind: 'events', seq: 8, events: [] } });
    fake.ipcRenderer.emit(IPC_PUSH.message, {}, { subscriptionId: 'other', message: { kind: 'events', seq: 9, events: [] } });
    // the refused subscribe (no main in this test) is reported to the listener
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received).toEqual([
      { kind: 'events', seq: 8, events: [] },
      { kind: 'error', error: { code: 'unavailable', message: 'the kiosk did not answer' } },
    ]);
    fake.ipcRenderer.invoked.length = 0;
    unsubscribe();
    unsubscribe();
    expect(fake.ipcRenderer.invoked).toEqual([]); // already ended by the refusal: nothing to undo
  });

  it('onExitRequested forwards the prompt and can be removed', async () => {
    const api = await loadPreload();
    const requests: unknown[] = [];
    const off = api.onExitRequested((r) => requests.push(r));
    fake.ipcRenderer.emit(IPC_PUSH.exitRequested, {}, { reason: 'close', lockedUntil: null });
    off();
    fake.ipcRenderer.emit(IPC_PUSH.exitRequested, {}, { reason: 'quit', lockedUntil: null });
    expect(requests).toEqual([{ reason: 'close', lockedUntil: null }]);
    expect(fake.ipcRenderer.listenerCount(IPC_PUSH.exitRequested)).toBe(0);
  });
});

describe('the whole chain: renderer transport → preload → main → bus → journal → page', () => {
  async function bridge(): Promise<KioskApi> {
    await start();
    const contents = consoleWindow().webContents;
    contents.deliverToRenderer = true;
    fake.ipcRenderer.page = contents;
    return loadPreload();
  }

  it('the preload API talks to the real main process', async () => {
    const api = await bridge();
    const received: ServerMessage[] = [];
    const unsubscribe = api.subscribe(0, (m) => received.push(m));
    const answer = await api.sendCommand(raise({ title: 'Smoke in B3' }));
    expect(answer).toMatchObject({ ok: true, value: { seq: 1, incidentId: 'inc-1' } });
    await vi.waitFor(() => expect(received.map((m) => m.kind)).toEqual(['status', 'events']));
    expect(received[1]).toMatchObject({ kind: 'events', seq: 1, events: [{ type: 'incidentRaised', title: 'Smoke in B3' }] });
    unsubscribe();
    await api.sendCommand(raise());
    expect(received).toHaveLength(2);
    expect(await api.sendCommand({ type: 'acknowledge', incidentId: 'nope!' } as never)).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'incidentId' },
    });
  });

  it("the renderer's Transport over the bridge: connect, status, snapshot on resubscribe, live events, send", async () => {
    const api = await bridge();
    await api.sendCommand(raise({ title: 'Before the page' }));
    const seen: string[] = [];
    let seq = 0;
    const transport = createKioskBridgeTransport(api);
    transport.connect(
      {
        onStatus: () => seen.push('status'),
        onSnapshot: (s) => {
          seq = s;
          seen.push(`snapshot ${s}`);
        },
        onEvents: (s, events) => {
          seq = s;
          seen.push(`events ${s} ${events.map((e) => e.type).join(',')}`);
        },
        onConnection: (up) => seen.push(`connection ${up}`),
      },
      () => seq,
    );
    await vi.waitFor(() => expect(seen).toEqual(['connection true', 'status', 'events 1 incidentRaised']));
    const sent = await transport.send(raise({ title: 'From the page' }));
    expect(sent).toMatchObject({ ok: true, value: { seq: 2 } });
    await vi.waitFor(() => expect(seen.at(-1)).toBe('events 2 incidentRaised'));
    seq = 99; // the store saw a gap (or holds data from a reset): it asks again, main sends the whole board
    transport.resubscribe();
    await vi.waitFor(() => expect(seen.slice(-2)).toEqual(['status', 'snapshot 2']));
  });
});
